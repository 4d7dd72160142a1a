/** The CLI's pure helpers: reading times as typed, file-name slugs, "did you mean". */
import { describe, expect, test } from 'vitest';
import { parseTime, type TimeContext } from '../../scripts/cli/time.ts';
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
    ['2026-11-22 14:00', '2026-11-22T14:00:00-06:00', 'no zone: the author\'s (localZone)'],
    ['2026-11-22T14:00:00', '2026-11-22T14:00:00-06:00', 'ISO without offset: the author\'s zone too'],
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
