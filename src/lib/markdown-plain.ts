/**
 * The HTML of Markdown that is only prose: paragraphs and simple bullet lists of plain text, with at
 * most bold, italic and plain web links, which is what most status messages are. For such a text
 * the full renderer (remark, GFM, sanitizer) always gives the same few elements around the text as
 * written, so it is written here directly, at a small fraction of the cost. Anything else, or
 * anything in doubt, returns undefined and goes to the full renderer, which stays the reference:
 * test/unit/markdown-plain.test.ts compares the two on generated texts built to hit every rule.
 */

/**
 * Anything that could start Markdown or GFM syntax anywhere in a text, or that the parser changes:
 * control characters (tab, CR, NUL), emphasis, code, links, images, raw HTML, entities, escapes,
 * headings, tables, strikethrough, autolinks (www., scheme://, e-mail), and a line ending in a space
 * or tab (hard breaks, blank lines of spaces). Checked once the spans below are taken out.
 */
const NOT_PROSE = /[\0-\x09\x0b-\x1f\x7f*_`[\]<>&\\#|~@]|www\.|:\/\/|[ \t]$/im;

/**
 * A first character that starts nothing but a paragraph: not a digit, a block marker or any space
 * (`\s` includes the byte order mark, which the parser drops at the start of a text).
 */
const PROSE_START = /^[^\s\d>#*+=_`|~<-]/;

/**
 * Bold or italic that can only be read one way: the opening stars follow a space or start a line
 * and are followed by a non-space (so they open and cannot close), the closing ones follow a
 * non-space and are followed by a space, the end of a line or . , : ; ! ? (so they close). No star,
 * underscore or other syntax inside.
 */
const EMPHASIS = /(?<![^ \n])(\*\*?)([^\s*](?:[^*\n]*[^\s*])?)\1/g;

/** A link with plain text to a plain http(s) address (no title, no image, no reference). */
const LINK = /(?<![!\]])\[([^[\]\n]+)\]\((https?:\/\/[A-Za-z0-9./-]+)\)/g;

/** Stand for links and for emphasis while the blocks are read; a text with either goes to the full renderer. */
const LINK_HOLE = '\ue000';
const EMPHASIS_HOLE = '\ue001';

/**
 * The HTML the full renderer gives for `markdown` (already without bidi controls), when it is only
 * paragraphs and tight "- " lists of prose; undefined otherwise. Blocks are separated by empty
 * lines; two lists with only empty lines between them would be one loose list, so they are left to
 * the full renderer.
 */
export function proseHtml(markdown: string): string | undefined {
  if (markdown.includes(LINK_HOLE) || markdown.includes(EMPHASIS_HOLE)) return undefined;
  const links: string[] = [];
  const emphasis: string[] = [];
  let text = markdown;
  if (text.includes('](')) {
    text = text.replace(LINK, (whole, label: string, href: string) => {
      if (NOT_PROSE.test(label)) return whole;
      links.push(`<a href="${href}">${label}</a>`);
      return LINK_HOLE;
    });
  }
  if (text.includes('*')) {
    text = text.replace(EMPHASIS, (whole, stars: string, inner: string, at: number, all: string) => {
      const after = all[at + whole.length];
      const closes = after === undefined || after === ' ' || after === '\n' || '.,:;!?'.includes(after);
      if (!closes || NOT_PROSE.test(inner) || inner.includes(LINK_HOLE)) return whole;
      emphasis.push(stars === '*' ? `<em>${inner}</em>` : `<strong>${inner}</strong>`);
      return EMPHASIS_HOLE;
    });
  }
  if (NOT_PROSE.test(text)) return undefined;
  const out: string[] = [];
  let lastWasList = false;
  for (const block of text.split(/\n\n+/)) {
    if (block === '' || block === '\n') continue;
    const lines = block.split('\n');
    // A block that starts or ends the text may keep one empty line of its separator.
    if (lines[0] === '') lines.shift();
    if (lines.at(-1) === '') lines.pop();
    if (lines.every((line) => PROSE_START.test(line))) {
      out.push(`<p>${lines.join('\n')}</p>`);
      lastWasList = false;
    } else if (!lastWasList && lines.every((line) => line.startsWith('- ') && PROSE_START.test(line.slice(2)))) {
      out.push(`<ul>\n${lines.map((line) => `<li>${line.slice(2)}</li>`).join('\n')}\n</ul>`);
      lastWasList = true;
    } else {
      return undefined;
    }
  }
  let html = out.join('\n');
  let link = 0;
  let emphasized = 0;
  if (links.length > 0) html = html.replace(/\ue000/g, () => links[link++]!);
  if (emphasis.length > 0) html = html.replace(/\ue001/g, () => emphasis[emphasized++]!);
  return html;
}
