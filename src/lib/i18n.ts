/** UI strings and localized content text, with fallback to the reference language. */
import en from '../i18n/en.json' with { type: 'json' };
import sv from '../i18n/sv.json' with { type: 'json' };
import fr from '../i18n/fr.json' with { type: 'json' };
import type { Localized } from '../schemas/common.ts';
import { memo } from './memo.ts';

/** A UI string key; en.json is the reference every locale file must match. */
export type UiKey = keyof typeof en;
type Strings = Partial<Record<UiKey, string>>;

/** UI strings per locale; a locale without a file falls back to English. */
export const UI: Record<string, Strings> = { en, sv, fr };

/** Text with the language it is actually written in (differs from the page's after a fallback). */
export interface LocalizedText {
  text: string;
  lang: string;
}

/** Picks `locale` from localized content text, else the default locale; says which it used. */
export function localize(value: Localized, locale: string, defaultLocale: string): LocalizedText {
  if (typeof value === 'string') return { text: value, lang: defaultLocale };
  const own = value[locale];
  if (own !== undefined) return { text: own, lang: locale };
  return { text: value[defaultLocale] ?? Object.values(value)[0] ?? '', lang: defaultLocale };
}

/** A language's name in the page's words ("engelska" on a Swedish page). */
export const languageName = memo((locale: string, lang: string): string => new Intl.DisplayNames([locale], { type: 'language' }).of(lang) ?? lang);

/** "in English" in the page's words, for something written in `lang` (release notes, calendars); undefined when that is the page's own language. */
export const inLanguage = memo((locale: string, lang: string): string | undefined =>
  lang === locale ? undefined : translator(locale)('support.inLanguage', { language: languageName(locale, lang) }),
);

/** A translator for one locale: `t('home.firstResponse', { target })`. */
export function translator(locale: string): (key: UiKey, params?: Record<string, string | number>) => string {
  const strings = UI[locale] ?? {};
  return (key, params) => {
    const template = strings[key] ?? en[key];
    // Most strings are asked for without parameters, thousands of times a build: no scan for those.
    if (params === undefined || !template.includes('{')) return template;
    return fill(template, params);
  };
}

/**
 * A template with its "{name}" slots filled in one pass: a value is inserted as written, so text
 * in it that looks like a slot ("{to}") or a replacement pattern ("$&") stays as it is. A slot
 * without a value is left as it is.
 */
export function fill(template: string, params: Record<string, string | number>): string {
  const parts = partsOf(template);
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    out += (name in params ? String(params[name]) : `{${name}}`) + parts[i + 1]!;
  }
  return out;
}

/** A template cut at its "{name}" slots, once: [text, name, text, name, ..., text]. */
const partsOf = memo((template: string) => template.split(/\{(\w+)\}/));

const pluralRules = memo((locale: string) => new Intl.PluralRules(locale));

/** Chooses the plural key suffix ("one" or "other") for a count in a locale. */
export function pluralKey(locale: string, n: number): 'one' | 'other' {
  return pluralRules(locale).select(n) === 'one' ? 'one' : 'other';
}
