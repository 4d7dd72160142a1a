import { describe, expect, test } from 'vitest';
import { loadContent } from '../../src/lib/content/load.ts';
import { markdownToHtml, type MarkdownJob } from '../../src/lib/markdown.ts';
import { markdownJobs, startMarkdownWorker } from '../../src/integrations/markdown-ahead.ts';
import { PAYLOADS } from '../fixtures/hostile/make.ts';
import { ROOT } from '../helpers/fixtures.ts';
import { join } from 'node:path';

const loaded = loadContent(join(ROOT, 'content'), { env: {} });
if (!loaded.ok) throw new Error('the default content does not load');
const content = loaded.content;

describe('Markdown rendered ahead', () => {
  test('the jobs are every message in every language and every report and maintenance text, once each', () => {
    const jobs = markdownJobs(content);
    const keys = jobs.map(([md, top]) => `${top}|${md}`);
    expect(new Set(keys).size).toBe(keys.length);
    const inc = content.incidents.find((i) => typeof i.updates[0]!.message !== 'string')!;
    for (const text of Object.values(inc.updates[0]!.message)) expect(keys).toContain(`3|${text}`);
    const reported = content.incidents.find((i) => i.body.trim() !== '')!;
    expect(keys).toContain(`3|${reported.body}`);
    const window = content.maintenance.find((m) => m.body.trim() !== '')!;
    expect(keys).toContain(`2|${window.body}`);
  });

  test('the worker thread renders exactly what the page would, hostile input included', async () => {
    const jobs: MarkdownJob[] = [...markdownJobs(content), ...PAYLOADS.map((p): MarkdownJob => [p, 3]), [PAYLOADS.join('\n\n'), 2]];
    const got = new Map<string, string>();
    const worker = startMarkdownWorker(jobs, (batch) => {
      for (const [key, html] of batch) got.set(key, html);
    });
    const code = await new Promise<number>((resolve) => worker.on('exit', resolve));
    expect(code).toBe(0);
    expect(got.size).toBe(jobs.length);
    for (const [md, top] of jobs) expect(got.get(`${top}\u0000${md}`)).toBe(markdownToHtml(md, top));
  });
});
