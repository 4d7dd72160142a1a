/**
 * Worker thread: renders Markdown jobs with the pages' own code (renderFullHtml) and posts the HTML
 * back, so the build's second core renders Markdown while the first builds pages. Prose, which the
 * page thread writes faster than it could take a message, is left to it. Started by
 * src/integrations/markdown-ahead.ts, which explains the shared job states.
 *
 * The jobs come in the order pages need them. Each job is claimed before it is rendered; a job
 * the page thread has claimed means the pages have caught up here, so the worker jumps a little
 * ahead of them instead of racing them job by job. Jobs jumped over and never claimed are rendered
 * at the end.
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import { jobKey, proseShortcut, renderFullHtml, type MarkdownJob } from './markdown.ts';
import { flushSlot, JOB, LEAD } from './markdown-jobs.ts';

const { jobs, states, port } = workerData as { jobs: MarkdownJob[]; states: Int32Array; port: MessagePort };
const FLUSH = flushSlot(states);
const BATCH = 8;
let batch: [string, string][] = [];
let pending: number[] = [];

function flush(): void {
  if (batch.length === 0) return;
  port.postMessage(batch);
  for (const i of pending) {
    Atomics.store(states, i, JOB.posted);
    Atomics.notify(states, i);
  }
  batch = [];
  pending = [];
}

function render(i: number): void {
  const [markdown, top] = jobs[i]!;
  // The page thread writes prose itself (markdownToHtml tries that first): nothing to post.
  if (proseShortcut(markdown) !== undefined) Atomics.store(states, i, JOB.main);
  else {
    batch.push([jobKey(markdown, top), renderFullHtml(markdown, top)]);
    pending.push(i);
  }
  // The page thread asks for a flush when it waits for a job of this batch.
  if (Atomics.exchange(states, FLUSH, 0) === 1 || batch.length >= BATCH) flush();
}

let i = 0;
while (i < jobs.length) {
  if (Atomics.compareExchange(states, i, JOB.free, JOB.worker) === JOB.free) {
    render(i);
    i++;
    continue;
  }
  // The pages rendered this one themselves: pass what they hold and start LEAD jobs ahead of them.
  do i++;
  while (i < jobs.length && Atomics.load(states, i) !== JOB.free);
  i += LEAD;
}
for (let j = 0; j < jobs.length; j++) {
  if (Atomics.compareExchange(states, j, JOB.free, JOB.worker) === JOB.free) render(j);
}
flush();
port.close();
