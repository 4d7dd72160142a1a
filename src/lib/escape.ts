/** Escaping text for HTML and XML that Pharos writes itself (feeds, <time> elements). */

/** Text for HTML content or a double-quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Text for XML content or an attribute value in either kind of quotes. */
export function escapeXml(text: string): string {
  return escapeHtml(text).replace(/'/g, '&apos;');
}
