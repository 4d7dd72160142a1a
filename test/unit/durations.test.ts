/** Durations in words: each language's own short units, never letters that read as other units ("m" is metres in Swedish). */
import { expect, test } from 'vitest';
import { formatDuration as exact } from '../../src/lib/durations.ts';

/** The words with every space plain (French puts no-break spaces between a number and its unit). */
const formatDuration = (from: string, to: string, locale: string) => exact(from, to, locale).replace(/\s/g, ' ');

test.each([
  ['en', '5 hr, 20 min'],
  ['sv', '5 tim, 20 min'],
  ['fr', '5 h et 20 min'],
])('5 hours 20 minutes in %s reads "%s"', (locale, words) => {
  expect(formatDuration('2026-11-22T04:40:00Z', '2026-11-22T10:00:00Z', locale)).toBe(words);
});

test("days and hours, or minutes alone, in the reader's language", () => {
  expect(formatDuration('2026-11-20T10:00:00Z', '2026-11-22T13:00:00Z', 'sv')).toBe('2 d, 3 tim');
  expect(formatDuration('2026-11-22T09:15:00Z', '2026-11-22T10:00:00Z', 'fr')).toBe('45 min');
});
