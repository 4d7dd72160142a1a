import { describe, expect, test } from 'vitest';
import { SLOT, forEachSlot, offsetAt } from '../../src/lib/zone-slots.ts';

/** The reference: every slot read from Intl on its own (what the chart did before, slot by slot). */
function slowSlots(zone: string, start: number, end: number): string[] {
  const f = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  const out: string[] = [];
  for (let t = start; t < end; t += SLOT) {
    const p = Object.fromEntries(f.formatToParts(new Date(t)).map((x) => [x.type, x.value]));
    out.push(`${p.year}-${p.month}-${p.day} ${Number(p.hour) * 60 + Number(p.minute)}`);
  }
  return out;
}

function fastSlots(zone: string, start: number, end: number): string[] {
  const out: string[] = [];
  forEachSlot(zone, start, end, (date, minutes) => out.push(`${date} ${minutes}`));
  return out;
}

describe('coverage slots in a zone match Intl slot by slot', () => {
  test.each([
    ['America/Chicago', 'spring forward', '2026-03-06T00:00:00Z'],
    ['America/Chicago', 'fall back', '2026-10-30T00:00:00Z'],
    ['Europe/Berlin', 'spring forward', '2026-03-27T00:00:00Z'],
    ['Europe/Berlin', 'fall back', '2026-10-23T00:00:00Z'],
    ['Australia/Sydney', 'fall back', '2026-04-02T00:00:00Z'],
    ['Australia/Sydney', 'spring forward', '2026-10-01T00:00:00Z'],
    ['Pacific/Auckland', 'spring forward', '2026-09-24T00:00:00Z'],
    ['Australia/Lord_Howe', 'half-hour change', '2026-10-01T00:00:00Z'],
    ['Asia/Kathmandu', 'no change, 45-minute offset', '2026-11-23T00:00:00Z'],
    ['Asia/Tokyo', 'no change', '2026-11-23T00:00:00Z'],
    ['America/New_York', 'a span of three weeks across the change', '2026-10-20T00:00:00Z'],
  ])('%s, %s', (zone, _what, from) => {
    const start = Date.parse(from);
    const days = zone === 'America/New_York' ? 21 : 7;
    const end = start + days * 86400000;
    expect(fastSlots(zone, start, end)).toEqual(slowSlots(zone, start, end));
  });

  test('a span that starts off the quarter-hour grid still matches', () => {
    const start = Date.parse('2026-03-08T07:10:00Z');
    expect(fastSlots('America/Chicago', start, start + 86400000)).toEqual(slowSlots('America/Chicago', start, start + 86400000));
  });

  test('offsets: Berlin +60 in winter, +120 in summer; Kathmandu +345', () => {
    expect([
      offsetAt('Europe/Berlin', Date.parse('2026-01-15T12:00:00Z')),
      offsetAt('Europe/Berlin', Date.parse('2026-07-15T12:00:00Z')),
      offsetAt('Asia/Kathmandu', Date.parse('2026-07-15T12:00:00Z')),
    ]).toEqual([60, 120, 345]);
  });

  // The due calculator's arithmetic runs on these offsets: a year Intl writes without four digits,
  // or one past 9999 in the zone, still has one (Chicago's local mean time, Kiritimati's +14).
  test('offsets in any year: Chicago -5:50 in the year 50, Kiritimati +14 on the last day of 9999', () => {
    expect([offsetAt('America/Chicago', Date.parse('0050-03-01T12:00:00Z')), offsetAt('Pacific/Kiritimati', Date.parse('9999-12-31T23:00:00Z'))]).toEqual([
      -350, 840,
    ]);
  });
});
