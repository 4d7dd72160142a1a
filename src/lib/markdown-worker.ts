/**
 * Worker thread: renders Markdown jobs with the same code the pages use (markdownToHtml) and posts
 * the HTML back in batches, so the build's second core renders Markdown while the first builds
 * pages. Started by src/integrations/markdown-ahead.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { jobKey, markdownToHtml, type MarkdownJob } from './markdown.ts';

const BATCH = 200;
const jobs = (workerData as { jobs: MarkdownJob[] }).jobs;
let batch: [string, string][] = [];
for (const [markdown, top] of jobs) {
  batch.push([jobKey(markdown, top), markdownToHtml(markdown, top)]);
  if (batch.length === BATCH) {
    parentPort!.postMessage(batch);
    batch = [];
  }
}
parentPort!.postMessage(batch);
