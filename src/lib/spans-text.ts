/**
 * Opening intervals as the hours page hands them to its script: a short attribute text instead of
 * JSON with ISO instants (the page carries five weeks of intervals for every desk and chart, and
 * JSON made it three times heavier). Each interval is two whole numbers of minutes: its start,
 * counted from the previous interval's start (the first from the epoch), and its length.
 * "29923140 480 840 1080" is 2026-11-22 23:00 to 07:00 UTC, then 2026-11-23 13:00 to 07:00.
 * Shared by the pages (build) and src/scripts/hours.ts (browser).
 */

/** An interval as milliseconds since the epoch: [start, end). */
export type Span = readonly [start: number, end: number];

const MINUTE = 60_000;

/** The attribute text of intervals (their instants are whole minutes: hours are written HH:MM). */
export function spansText(intervals: readonly { start: string; end: string }[]): string {
  const numbers: number[] = [];
  let previous = 0;
  for (const { start, end } of intervals) {
    const from = Math.round(Date.parse(start) / MINUTE);
    numbers.push(from - previous, Math.round(Date.parse(end) / MINUTE) - from);
    previous = from;
  }
  return numbers.join(' ');
}

/** The intervals of an attribute text; none when the text is not one spansText wrote. */
export function readSpans(text: string): Span[] {
  const numbers = text.trim() === '' ? [] : text.trim().split(' ').map(Number);
  if (numbers.length % 2 !== 0 || !numbers.every(Number.isInteger)) return [];
  const spans: Span[] = [];
  let start = 0;
  for (let i = 0; i < numbers.length; i += 2) {
    start += numbers[i]!;
    spans.push([start * MINUTE, (start + numbers[i + 1]!) * MINUTE]);
  }
  return spans;
}
