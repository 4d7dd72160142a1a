/**
 * Small pieces of markup written as text, shared by components (StatusBadge.astro, Text.astro) and
 * by pages that join their content as text (incident-html.ts), so both write the same HTML.
 */
import { escapeHtml as esc } from '../escape.ts';
import type { LocalizedText } from '../i18n.ts';

/** A status word with its coloured mark (the word carries the meaning, the colour repeats it). */
export function badgeHtml(status: string, text: string): string {
  return `<span class="badge s-${esc(status)}"><span class="dot" aria-hidden="true"></span>${esc(text)}</span>`;
}

/** Localized content text, in a span marking its language when it is not the page's. */
export function localizedHtml(value: LocalizedText, locale: string): string {
  return value.lang === locale ? esc(value.text) : `<span lang="${esc(value.lang)}">${esc(value.text)}</span>`;
}
