/**
 * Where a Markdown content file's front matter ends and its body begins: the one rule the loader
 * (which reads the fields and the body) and the CLI (which edits the fields and keeps everything
 * else byte for byte) both follow.
 */

/** A file cut at its front matter; `head + yaml + tail` is the file again, to the byte. */
export interface FrontMatterSplit {
  /** An optional byte-order mark and the opening "---" line. */
  head: string;
  /** The YAML between the "---" lines, without the line break before the closing one. */
  yaml: string;
  /** The rest: the line break before the closing "---", that line, and the Markdown body. */
  tail: string;
  /** The Markdown body after the closing line, as written (untrimmed). */
  body: string;
  /** Lines before the YAML in the file (the opening "---"), to turn a line of the YAML into a line of the file. */
  lineOffset: number;
  /** The line of the closing "---" in the file. */
  closingLine: number;
  /** The file's line ending, for lines written into it. */
  eol: '\n' | '\r\n';
}

// An opening "---" line, the YAML (lazily, so the first closing line ends it), a closing "---" line.
const FRONT_MATTER = /^(---[ \t]*\r?\n)([\s\S]*?)(\r?\n?)^---[ \t]*(?:\r?\n|$)/m;

/** Splits a file at its front matter; undefined when it does not start with a closed one. */
export function splitFrontMatter(text: string): FrontMatterSplit | undefined {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const rest = text.slice(bom.length);
  const m = rest.startsWith('---') ? FRONT_MATTER.exec(rest) : null;
  if (!m || m.index !== 0) return undefined;
  const open = m[1]!;
  const yaml = m[2]!;
  const before = open.length + yaml.length + m[3]!.length;
  return {
    head: bom + open,
    yaml,
    tail: rest.slice(open.length + yaml.length),
    body: rest.slice(m[0].length),
    lineOffset: 1,
    closingLine: (rest.slice(0, before).match(/\n/g)?.length ?? 0) + 1,
    eol: rest.includes('\r\n') ? '\r\n' : '\n',
  };
}
