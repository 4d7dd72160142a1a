/**
 * The two steps every first build of a content folder must take before it renders a page, timed on
 * their own in a fresh process: reading and validating the content (`loadContent`), and the HTML of
 * each update text and report once with the one Markdown pipeline, into an empty cache. The bench
 * runs it beside the builds (`node bench/steps.ts <content-dir>`); it prints one line of JSON.
 * Against the floor it shows what part of a build no change to the pages can take away.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Localized } from '../src/schemas/common.ts';

const dir = process.argv[2];
if (dir === undefined) throw new Error('usage: node bench/steps.ts <content-dir>');
// An empty Markdown cache of its own, as a first build has (markdown-cache.ts reads the variable).
const cache = mkdtempSync(join(tmpdir(), 'pharos-steps-'));
process.env.PHAROS_CACHE_DIR = cache;
const { loadContent } = await import('../src/lib/content/load.ts');
const { markdownToHtml } = await import('../src/lib/markdown.ts');

let started = performance.now();
const loaded = loadContent(dir, { env: { PHAROS_NOW: process.env.PHAROS_NOW ?? '' } });
const loadSeconds = (performance.now() - started) / 1000;
if (!loaded.ok) throw new Error(`${dir} does not load: ${loaded.errors[0]?.message}`);

const texts = new Set<string>();
const add = (l: Localized) => (typeof l === 'string' ? [l] : Object.values(l)).forEach((t) => texts.add(t));
for (const item of [...loaded.content.incidents, ...loaded.content.maintenance]) for (const u of item.updates) if (u.message) add(u.message);
// At the heading levels the pages render them: an incident's report under an h2, a window's details under the h1.
const reports = [
  ...loaded.content.incidents.map((x) => ({ body: x.body, top: 3 })),
  ...loaded.content.maintenance.map((x) => ({ body: x.body, top: 2 })),
].filter((r) => r.body.trim() !== '');
// The pipeline's first call builds its processor; a page build pays that once too, outside the count.
markdownToHtml('*warm*');
started = performance.now();
for (const text of texts) markdownToHtml(text);
for (const report of reports) markdownToHtml(report.body, report.top);
const markdownSeconds = (performance.now() - started) / 1000;
rmSync(cache, { recursive: true, force: true });
console.log(JSON.stringify({ loadSeconds, markdownSeconds, texts: texts.size, reports: reports.length }));
