/**
 * Renders the content's Markdown on a second thread while Astro bundles and builds pages: a worker
 * runs the pages' own renderer over every message and report and hands the HTML back, and a page
 * whose Markdown has not arrived yet renders it itself. The output is the same either way.
 *
 * The two threads never render the same text twice: every job has a state in shared memory
 * (src/lib/markdown-jobs.ts) that either thread claims before rendering. A page that needs a text
 * the worker is rendering at that moment waits for it (one text, a millisecond or so) rather than
 * rendering it again.
 */
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { AstroIntegrationLogger } from 'astro';
import type { SiteContent } from '../lib/content/load.ts';
import { jobKey, useAheadSource, type AheadSource, type MarkdownJob } from '../lib/markdown.ts';
import { flushSlot, JOB, jobStates } from '../lib/markdown-jobs.ts';
import type { Localized } from '../schemas/common.ts';

/** Sites smaller than this render faster than a worker starts. */
const MIN_JOBS = 500;
/** How long a page waits for a text the worker is rendering before it gives up on the worker. */
const WAIT_MS = 10_000;

/**
 * Every Markdown text of the content, in every language, with its heading level, in the order the
 * build's pages first need them: each incident's timeline and report (incident pages, newest
 * first), then maintenance. History pages list incidents without their messages.
 */
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
  for (const inc of c.incidents) {
    for (let u = inc.updates.length - 1; u >= 0; u--) for (const text of texts(inc.updates[u]!.message)) add(text, 3);
    add(inc.body, 3);
  }
  for (const m of c.maintenance) {
    for (let u = m.updates.length - 1; u >= 0; u--) for (const text of texts(m.updates[u]!.message)) add(text, 3);
    add(m.body, 2);
  }
  return jobs;
}

/** A running Markdown worker and the page thread's side of it. */
export interface AheadRenderer extends AheadSource {
  worker: Worker;
  /** Resolves when the worker has stopped and everything it posted has been received. */
  done: Promise<void>;
}

/** Starts a worker thread on `jobs`; take(key) hands out its HTML, or reserves the job for the caller. */
export function startMarkdownWorker(jobs: readonly MarkdownJob[]): AheadRenderer {
  const states = jobStates(jobs.length);
  const index = new Map<string, number>();
  jobs.forEach(([markdown, top], i) => index.set(jobKey(markdown, top), i));
  const received = new Map<string, string>();
  const { port1, port2 } = new MessageChannel();
  const store = (batch: [string, string][]) => {
    for (const [key, html] of batch) received.set(key, html);
  };
  // Takes what the worker has posted without waiting for this thread's event loop to deliver it.
  const drain = () => {
    for (let m = receiveMessageOnPort(port1); m; m = receiveMessageOnPort(port1)) store(m.message as [string, string][]);
  };
  port1.on('message', store);
  port1.unref();
  const worker = new Worker(new URL('../lib/markdown-worker.ts', import.meta.url), { workerData: { jobs, states, port: port2 }, transferList: [port2] });
  let usable = true;
  const done = new Promise<void>((resolve, reject) => {
    worker.on('error', (e) => {
      usable = false;
      reject(e);
    });
    worker.on('exit', () => {
      drain();
      port1.close();
      resolve();
    });
  });
  // A failed worker only means pages render their own Markdown.
  done.catch(() => {});
  const take = (key: string): string | undefined => {
    const html = received.get(key) ?? (drain(), received.get(key));
    if (html !== undefined) {
      received.delete(key);
      return html;
    }
    const i = index.get(key);
    if (i === undefined || !usable) return undefined;
    const was = Atomics.compareExchange(states, i, JOB.free, JOB.main);
    if (was === JOB.free || was === JOB.main) return undefined;
    if (was === JOB.worker) {
      Atomics.store(states, flushSlot(states), 1);
      if (Atomics.wait(states, i, JOB.worker, WAIT_MS) === 'timed-out') usable = false;
    }
    drain();
    const late = received.get(key);
    received.delete(key);
    return late;
  };
  return { worker, done, take };
}

/**
 * Renders the content's Markdown ahead on a second thread when there is enough of it to pay for
 * the thread's start. It never keeps the build alive, and a failure only means pages render their
 * own Markdown. PHAROS_MARKDOWN_WORKER=0 turns it off, =1 turns it on whatever the size (to compare).
 */
export function renderMarkdownAhead(c: SiteContent, logger: AstroIntegrationLogger): void {
  const setting = process.env.PHAROS_MARKDOWN_WORKER;
  useAheadSource(undefined);
  if (setting === '0') return;
  const jobs = markdownJobs(c);
  if (jobs.length === 0 || (jobs.length < MIN_JOBS && setting !== '1')) return;
  logger.info(`Markdown: ${jobs.length} text${jobs.length === 1 ? '' : 's'} rendered ahead on a second thread`);
  const renderer = startMarkdownWorker(jobs);
  renderer.done.catch((e: Error) => logger.warn(`Markdown worker stopped (${e.message}); pages render their own Markdown`));
  renderer.worker.unref();
  useAheadSource(renderer);
}
