/**
 * Rendered Markdown kept by the digest of what decides it: the text, the heading level, the
 * renderer's revision and the installed packages (package-lock.json). In memory for the process,
 * and on disk between builds, one small file per text under node_modules/.cache/pharos/markdown/
 * (PHAROS_CACHE_DIR moves it), so a rebuild renders only the texts it has not seen. A file that
 * cannot be read or written is simply rendered again: the cache never decides what a page says.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Bump when markdown.ts changes what it writes for the same text (test/unit/markdown.test.ts
 * fails when markdown.ts changes, to ask): cached HTML of an older revision is then never read.
 */
export const RENDERER_REVISION = 2;

const memory = new Map<string, string>();
let salt: string | null | undefined;

/** What every key shares: the revision and the installed packages; undefined outside the project (no lock file: no disk cache). */
function keySalt(): string | undefined {
  if (salt === undefined) {
    try {
      const lock = readFileSync(join(process.cwd(), 'package-lock.json'), 'utf8');
      salt = createHash('sha256').update(`${RENDERER_REVISION}\0${lock}`).digest('hex');
    } catch {
      salt = null;
    }
  }
  return salt ?? undefined;
}

/** The folder of the cache on disk. */
export function markdownCacheDir(): string {
  return process.env.PHAROS_CACHE_DIR ? join(process.env.PHAROS_CACHE_DIR, 'markdown') : join(process.cwd(), 'node_modules/.cache/pharos/markdown');
}

/**
 * What `markdown` renders to: its HTML with headings from h`top`, or with `top` 'text' its plain
 * text. From memory, else from disk, else `render()` (then kept in both).
 */
export function cachedHtml(markdown: string, top: number | 'text', render: () => string): string {
  const shared = keySalt();
  const digest = createHash('sha256')
    .update(`${shared ?? RENDERER_REVISION}\0${top}\0${markdown}`)
    .digest('hex');
  const known = memory.get(digest);
  if (known !== undefined) return known;
  if (shared === undefined) {
    // Without the lock file, installed packages cannot be told apart: render, and keep it in memory only.
    const html = render();
    memory.set(digest, html);
    return html;
  }
  const dir = join(markdownCacheDir(), digest.slice(0, 2));
  const file = join(dir, `${digest}.html`);
  let html: string | undefined;
  try {
    html = readFileSync(file, 'utf8');
    // A file cut short by a crash (rendered HTML is never empty; an empty text is simply rendered again).
    if (html === '') throw new Error('empty cache file');
  } catch {
    html = render();
    try {
      mkdirSync(dir, { recursive: true });
      // Whole or not at all: two builds at once may write the same text.
      const part = `${file}.${process.pid}.part`;
      writeFileSync(part, html);
      renameSync(part, file);
    } catch {
      // A read-only or full disk: the next build renders it again.
    }
  }
  memory.set(digest, html);
  return html;
}

/** Forgets what this process rendered (the disk cache stays): for tests, and for a process that builds twice. */
export function forgetRendered(): void {
  memory.clear();
  salt = undefined;
}
