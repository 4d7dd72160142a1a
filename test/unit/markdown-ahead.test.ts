import { describe, expect, test } from 'vitest';
import { loadContent } from '../../src/lib/content/load.ts';
import { jobKey, markdownToHtml, proseShortcut, renderFullHtml, useAheadSource, type MarkdownJob } from '../../src/lib/markdown.ts';
import { historyPage } from '../../src/lib/views/status.ts';
import { context } from '../../src/lib/views/incidents.ts';
import { markdownJobs, startMarkdownWorker } from '../../src/integrations/markdown-ahead.ts';
import { PAYLOADS } from '../fixtures/hostile/make.ts';
import { ROOT } from '../helpers/fixtures.ts';
import { join } from 'node:path';

const loaded = loadContent(join(ROOT, 'content'), { env: {} });
if (!loaded.ok) throw new Error('the default content does not load');
const content = loaded.content;

describe('Markdown rendered ahead', () => {
  test('a history page renders no message (its cards leave them out); a card renders its latest message when it is read', () => {
    const asked: string[] = [];
    useAheadSource({ take: (key) => (asked.push(key), undefined) });
    try {
      const page = historyPage(context(content, 'en', '/'), 1);
      const cards = page.months.flatMap((m) => m.incidents);
      expect(cards.length).toBeGreaterThan(3);
      expect(asked).toEqual([]);
      // A card whose latest message is not plain prose (prose is written without asking anyone).
      const message = (id: string) => {
        const latest = content.incidents.find((i) => i.id === id)!.updates.at(-1)!.message;
        return typeof latest === 'string' ? latest : latest['en']!;
      };
      const card = cards.find((c) => proseShortcut(message(c.id)) === undefined)!;
      const text = message(card.id);
      expect(card.latest.html).toBe(renderFullHtml(text, 3));
      expect(asked).toEqual([jobKey(text, 3)]);
    } finally {
      useAheadSource(undefined);
    }
  });

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

  test('the jobs come in the order pages need them: incidents newest first, each timeline newest update first, then its report', () => {
    const jobs = markdownJobs(content).map(([md, top]) => `${top}|${md}`);
    const texts = (m: string | Record<string, string>) => (typeof m === 'string' ? [m] : Object.values(m)).map((t) => `3|${t}`);
    // Incident pages are built newest first and show the timeline newest first; history pages
    // list incidents without their messages, so nothing is rendered for them first.
    const expected = [...new Set(content.incidents.flatMap((inc) => [...inc.updates].reverse().flatMap((u) => texts(u.message)).concat(inc.body.trim() ? [`3|${inc.body}`] : [])))];
    expect(expected.length).toBeGreaterThan(content.incidents.length);
    expect(jobs.slice(0, expected.length)).toEqual(expected);
    expect(jobs[0]).toBe(texts(content.incidents[0]!.updates.at(-1)!.message)[0]);
  });

  test('the worker thread renders exactly what the page would, hostile input included', async () => {
    const jobs: MarkdownJob[] = [...markdownJobs(content), ...PAYLOADS.map((p): MarkdownJob => [p, 3]), [PAYLOADS.join('\n\n'), 2]];
    const renderer = startMarkdownWorker(jobs);
    await renderer.done;
    const full = jobs.filter(([md]) => proseShortcut(md) === undefined);
    expect(full.length).toBeGreaterThan(PAYLOADS.length);
    for (const [md, top] of full) expect(renderer.take(jobKey(md, top))).toBe(markdownToHtml(md, top));
    // Prose is left to the page thread: the worker posts none of it.
    for (const [md, top] of jobs.filter(([md]) => proseShortcut(md) !== undefined)) expect(renderer.take(jobKey(md, top))).toBeUndefined();
  });

  test('a text is rendered by one thread only: what the page thread claims, the worker skips, and the rest arrives', async () => {
    // Enough jobs that the page thread claims some before the worker reaches them, with a code span
    // each so that they take the full renderer (plain prose would be done before the worker starts).
    const jobs: MarkdownJob[] = Array.from({ length: 3000 }, (_, i): MarkdownJob => [`Update ${i}: the \`service\` is [back](https://example.com/${i}).`, 3]);
    const renderer = startMarkdownWorker(jobs);
    const claimed: number[] = [];
    const got = new Map<number, string>();
    // Ask for the jobs from the far end while the worker works from the start.
    for (let i = jobs.length - 1; i >= 0; i--) {
      const [md, top] = jobs[i]!;
      const html = renderer.take(jobKey(md, top));
      if (html === undefined) {
        claimed.push(i);
        got.set(i, renderFullHtml(md, top));
      } else got.set(i, html);
    }
    await renderer.done;
    expect(claimed.length).toBeGreaterThan(0);
    expect(claimed.length).toBeLessThan(jobs.length);
    for (const [i, html] of got) expect(html).toBe(renderFullHtml(...jobs[i]!));
    // The worker posted nothing the page thread rendered itself: nothing is left to take.
    for (const i of claimed) expect(renderer.take(jobKey(...jobs[i]!))).toBeUndefined();
  });
});
