/** Reading built HTML the way a reader sees it. */

/** The visible text of an HTML page: no styles or scripts, tags as spaces, whitespace collapsed. */
export function visibleText(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>|<script[\s\S]*?<\/script>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');
}
