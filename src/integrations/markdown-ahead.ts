/**
 * Renders the content's Markdown on a second thread while Astro bundles and builds pages: a worker
 * runs the pages' own markdownToHtml over every message and report and hands the HTML back, and a
 * page whose Markdown has not arrived yet renders it itself. The output is the same either way.
 */
import { Worker } from 'node:worker_threads';
import type { AstroIntegrationLogger } from 'astro';
import type { SiteContent } from '../lib/content/load.ts';
import { jobKey, storeRendered, type MarkdownJob } from '../lib/markdown.ts';
import type { Localized } from '../schemas/common.ts';

/** Sites smaller than this render faster than a worker starts. */
const MIN_JOBS = 500;

/** Every Markdown text of the content, in every language, with its heading level, oldest items first. */
export function markdownJobs(c: SiteContent): MarkdownJob[] {
  const jobs: MarkdownJob[] = [];
  const seen = new Set<string>();
  const add = (markdown: string, top: number) => {
    const key = jobKey(markdown, top);
    if (markdown.trim() === '' || seen.has(key)) return;
    seen.add(key);
    jobs.push([markdown, top]);
  };
  const texts = (v: Localized) => (typeof v === 'string' ? [v] : Object.values(v));
  // Pages are built newest first; the worker starts at the other end, so the two rarely overlap.
  for (const inc of [...c.incidents].reverse()) {
    for (const u of inc.updates) for (const text of texts(u.message)) add(text, 3);
    add(inc.body, 3);
  }
  for (const m of [...c.maintenance].reverse()) {
    for (const u of m.updates) for (const text of texts(u.message)) add(text, 3);
    add(m.body, 2);
  }
  return jobs;
}

/** Starts a worker thread on `jobs`; `onBatch` gets [cache key, HTML] pairs as they are ready. */
export function startMarkdownWorker(jobs: readonly MarkdownJob[], onBatch: (batch: [string, string][]) => void): Worker {
  const worker = new Worker(new URL('../lib/markdown-worker.ts', import.meta.url), { workerData: { jobs } });
  worker.on('message', onBatch);
  return worker;
}

/**
 * Renders the content's Markdown ahead on a second thread when there is enough of it to pay for
 * the thread's start. It never keeps the build alive, and a failure only means pages render their
 * own Markdown. PHAROS_MARKDOWN_WORKER=0 turns it off, =1 turns it on whatever the size (to compare).
 */
export function renderMarkdownAhead(c: SiteContent, logger: AstroIntegrationLogger): void {
  const setting = process.env.PHAROS_MARKDOWN_WORKER;
  if (setting === '0') return;
  const jobs = markdownJobs(c);
  if (jobs.length === 0 || (jobs.length < MIN_JOBS && setting !== '1')) return;
  logger.info(`Markdown: ${jobs.length} text${jobs.length === 1 ? '' : 's'} rendered ahead on a second thread`);
  const worker = startMarkdownWorker(jobs, storeRendered);
  worker.on('error', (e) => logger.warn(`Markdown worker stopped (${e.message}); pages render their own Markdown`));
  worker.unref();
}
