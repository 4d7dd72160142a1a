/** Escaping text for HTML and XML that Pharos writes itself (feeds, <time> elements). */

/** Text for HTML content or a double-quoted attribute value. */
export function escapeHtml(text: string): string {
  // Most texts have nothing to escape: one scan, and the same string back.
  return SPECIAL.test(text) ? text.replace(SPECIALS, (c) => ENTITIES[c]!) : text;
}

const SPECIAL = /[&<>"]/;
const SPECIALS = /[&<>"]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Text for XML content or an attribute value in either kind of quotes. */
export function escapeXml(text: string): string {
  return escapeHtml(text).replace(/'/g, '&apos;');
}
