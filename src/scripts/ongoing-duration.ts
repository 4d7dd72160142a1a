/**
 * An open incident's duration ("5 hr, 20 min (ongoing)") counts on with the reader's clock, in the
 * build's words (durations.ts), so it never contradicts the start time beside it, which
 * local-time.ts keeps current. Without JavaScript the duration as built stays.
 */
import { formatDuration } from '../lib/durations.ts';
import { readerLocale } from './reader-locale.ts';

const lang = readerLocale();
const durations = [...document.querySelectorAll<HTMLElement>('[data-since][data-ongoing]')];

function render(): void {
  const now = new Date();
  for (const el of durations) {
    const since = Date.parse(el.dataset.since ?? '');
    if (Number.isNaN(since) || now.getTime() < since) continue;
    el.textContent = `${formatDuration(new Date(since).toISOString(), now.toISOString(), lang)} (${el.dataset.ongoing})`;
  }
}

render();
setInterval(render, 60_000);
export {};
