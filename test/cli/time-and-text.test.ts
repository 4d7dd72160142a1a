/** The CLI's pure helpers: reading times as typed, file-name slugs, "did you mean". */
import { describe, expect, test } from 'vitest';
import { parseTime, timeWarnings, type ParsedTime, type TimeContext } from '../../scripts/cli/time.ts';
import { nearest, slugify } from '../../scripts/cli/text.ts';

const ctx: TimeContext = { now: '2026-11-22T10:00:00.000Z', siteZone: 'Europe/Stockholm', localZone: 'America/Chicago' };

describe('parseTime', () => {
  test.each([
    ['now', '2026-11-22T11:00:00+01:00', 'in the site zone'],
    ['NOW', '2026-11-22T11:00:00+01:00', 'in any case'],
    ['2026-11-22T14:00:00+01:00', '2026-11-22T14:00:00+01:00', 'ISO with offset kept as written'],
    ['2026-11-22T14:00+0530', '2026-11-22T14:00:00+05:30', 'offset without colon gets one, seconds added'],
    ['2026-11-22T13:00:00.250Z', '2026-11-22T13:00:00Z', 'UTC keeps Z, milliseconds dropped'],
    ['2026-11-22 14:00 Europe/Stockholm', '2026-11-22T14:00:00+01:00', 'local time in a named zone'],
    ['2026-07-01 14:00 Europe/Stockholm', '2026-07-01T14:00:00+02:00', 'summer time offset'],
    ['2026-11-22T14:00 Asia/Kolkata', '2026-11-22T14:00:00+05:30', 'T separator with a zone'],
    ['2026-11-22 14:00', '2026-11-22T14:00:00-06:00', "no zone: the author's (localZone)"],
    ['2026-11-22T14:00:00', '2026-11-22T14:00:00-06:00', "ISO without offset: the author's zone too"],
  ])('%s is written %s (%s)', (typed, iso) => {
    expect(parseTime(typed, ctx)).toMatchObject({ iso });
  });

  test.each([
    ['tomorrow', /found "tomorrow" \(expected "now", ISO 8601 with an offset/],
    ['2026-11-22 14:00 CET', /found zone "CET".*labels like "CET" are not zones/],
    ['2026-11-22 14:00 Mars/Olympus', /found zone "Mars\/Olympus"/],
    ['2026-02-30 14:00 Europe/Stockholm', /not a real date and time/],
    ['2026-03-29 02:30 Europe/Stockholm', /does not exist in Europe\/Stockholm \(the clocks go forward/],
    ['22/11/2026 14:00', /expected "now"/],
  ])('%s is refused', (typed, message) => {
    const r = parseTime(typed, ctx);
    expect('error' in r && r.error).toMatch(message);
  });

  test('a time with no zone on a computer whose zone is no zone (TZ set but empty) says so, not "found zone Etc/Unknown"', () => {
    expect(parseTime('2026-11-22 14:00', { ...ctx, localZone: 'Etc/Unknown' })).toEqual({
      error:
        'found "2026-11-22 14:00" with no zone, and this computer\'s zone ("Etc/Unknown") is none Pharos can use (expected a zone after the time, such as "2026-11-22 14:00 Europe/Stockholm", or --zone)',
    });
  });
});

describe('parseTime in the hour that repeats when clocks go back', () => {
  // The first occurrence (RFC 5545, zoneinfo's fold=0), as hours.ts reads opening hours; luxon alone
  // gives the second in Stockholm and Chicago and the first in the southern zones.
  test.each([
    ['2026-10-25 02:30 Europe/Stockholm', '2026-10-25T02:30:00+02:00', '02:30+02:00 (summer time)', '2026-10-25T02:30:00+01:00'],
    ['2026-10-25 02:00 Europe/Stockholm', '2026-10-25T02:00:00+02:00', '02:00+02:00 (summer time)', '2026-10-25T02:00:00+01:00'],
    ['2026-11-01 01:30 America/Chicago', '2026-11-01T01:30:00-05:00', '01:30-05:00 (summer time)', '2026-11-01T01:30:00-06:00'],
    ['2026-11-01T01:59:30 America/Chicago', '2026-11-01T01:59:30-05:00', '01:59:30-05:00 (summer time)', '2026-11-01T01:59:30-06:00'],
    ['2026-04-05 01:45 Australia/Lord_Howe', '2026-04-05T01:45:00+11:00', '01:45+11:00 (summer time)', '2026-04-05T01:45:00+10:30'],
    ['2026-04-05 02:30 Pacific/Auckland', '2026-04-05T02:30:00+13:00', '02:30+13:00 (summer time)', '2026-04-05T02:30:00+12:00'],
    ['2026-04-04 23:30 America/Santiago', '2026-04-04T23:30:00-03:00', '23:30-03:00 (summer time)', '2026-04-04T23:30:00-04:00'],
  ])('%s is read as its first occurrence, %s, with a note', (typed, iso, chosen, other) => {
    const t = parseTime(typed, ctx);
    expect(t).toEqual({
      iso,
      zone: typed.split(' ').at(-1),
      note: `${typed.replace('T', ' ')} occurs twice; read as the first, ${chosen}; for the second write ${other}`,
    });
    // The way out the note gives reads back as the other occurrence, one shift later.
    const second = parseTime(other, ctx);
    expect('iso' in second && second.iso).toBe(other);
    expect(Date.parse(other) - Date.parse(iso)).toBeGreaterThan(0);
  });

  test("a local time without a zone is read in the author's zone, with the note naming it", () => {
    const t = parseTime('2026-11-01 01:30', ctx);
    expect(t).toMatchObject({ iso: '2026-11-01T01:30:00-05:00', note: expect.stringContaining('2026-11-01 01:30 America/Chicago occurs twice') });
  });

  test.each([
    ['2026-10-25 01:59 Europe/Stockholm', '2026-10-25T01:59:00+02:00'],
    ['2026-10-25 03:00 Europe/Stockholm', '2026-10-25T03:00:00+01:00'],
    ['2026-11-01 02:00 America/Chicago', '2026-11-01T02:00:00-06:00'],
    ['2026-04-05 02:00 Australia/Lord_Howe', '2026-04-05T02:00:00+10:30'],
    ['2026-10-25T02:30:00+01:00', '2026-10-25T02:30:00+01:00'],
  ])('%s is not ambiguous: %s, no note', (typed, iso) => {
    expect(parseTime(typed, ctx)).toEqual({ iso, zone: expect.any(String) });
  });

  test.each([
    ['2026-03-29 02:30 Europe/Stockholm'],
    ['2026-03-08 02:30 America/Chicago'],
    ['2026-10-04 02:15 Australia/Lord_Howe'],
    ['2026-09-27 02:30 Pacific/Auckland'],
  ])('%s, in the gap when clocks go forward, stays refused', (typed) => {
    const r = parseTime(typed, ctx);
    expect('error' in r && r.error).toMatch(/a time that does not exist in .* \(the clocks go forward then/);
  });

  test("timeWarnings names the option of each ambiguous time, in check's warning style", () => {
    const at = parseTime('2026-10-25 02:30 Europe/Stockholm', ctx);
    const started = parseTime('2026-10-25 01:00 Europe/Stockholm', ctx);
    expect(timeWarnings({ started: 'iso' in started ? started : undefined, at: 'iso' in at ? at : undefined }, ctx.now)).toEqual([
      'option --at warning: 2026-10-25 02:30 Europe/Stockholm occurs twice; read as the first, 02:30+02:00 (summer time); for the second write 2026-10-25T02:30:00+01:00',
    ]);
  });

  test('timeWarnings asks about the year of a time far from now, and is silent about the weeks around it', () => {
    const t = (s: string) => parseTime(s, ctx) as ParsedTime;
    expect(timeWarnings({ start: t('2020-12-01 08:00 Europe/Stockholm'), end: t('2028-12-01 08:00 Europe/Stockholm') }, ctx.now)).toEqual([
      'option --start warning: 2020-12-01T08:00:00+01:00 is 2182 days before now; if the year is wrong, correct it in the file',
      'option --end warning: 2028-12-01T08:00:00+01:00 is 740 days after now; if the year is wrong, correct it in the file',
    ]);
    expect(timeWarnings({ at: t('2026-09-24 08:00 Europe/Stockholm'), start: t('2027-11-22 08:00 Europe/Stockholm') }, ctx.now)).toEqual([]);
  });
});

test.each([
  ['Cloud sign-in fails (EU)', 'cloud-sign-in-fails-eu'],
  ['Inloggning går inte på Åland', 'inloggning-gar-inte-pa-aland'],
  ['Straße & Æble: øl', 'strasse-aeble-ol'],
  ['  --Hello--  ', 'hello'],
  ['日本語', ''],
  ['A very long title that goes on and on about the many things that are broken today', 'a-very-long-title-that-goes-on-and-on-about-the'],
])('slugify(%j) is %j', (title, slug) => {
  expect(slugify(title)).toBe(slug);
});

test.each([
  ['2026-11-22-cloud-dwn', '2026-11-22-cloud-down'],
  ['cloud-down', '2026-11-22-cloud-down'],
  ['widget', '2026-11-21-widget-slow'],
  ['2026-11-23-widget-slow', '2026-11-21-widget-slow'],
])('nearest(%j) suggests %j', (typed, id) => {
  expect(nearest(typed, ['2026-11-21-widget-slow', '2026-11-22-cloud-down'])).toBe(id);
});
