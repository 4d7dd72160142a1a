/** iCalendar documents, read back with an independent parser (ical.js). */
import ICAL from 'ical.js';
import { afterEach, describe, expect, test } from 'vitest';
import type { SiteContent } from '../../src/lib/content/load.ts';
import { calendarLinks, calendarProducts, maintenanceIcs, maintenanceSequence, releaseIcs, ICS_CONTENT_TYPE } from '../../src/lib/calendars.ts';
import type { Maintenance } from '../../src/schemas/maintenance.ts';
import { MINIMAL, loadOrThrow, DEFAULT_CONTENT } from '../helpers/fixtures.ts';

const MIN = loadOrThrow(MINIMAL);
const DEFAULT = loadOrThrow(DEFAULT_CONTENT);
const SITE = 'https://status.acme.test/';
const O = { site: SITE, base: '/' };

/** One VEVENT as a calendar app reads it: values as ical.js gives them, and DTSTART's value type. */
interface Ev {
  uid: string;
  summary: string;
  start: string;
  startType: string;
  end: string;
  stamp: string;
  sequence: number;
  status: string | undefined;
  transp: string;
  description: string;
  url: string;
}

/** Parses an .ics text (throws unless it is iCalendar) into its calendar name and events. */
function parseIcs(text: string): { name: string; events: Ev[] } {
  const cal = new ICAL.Component(ICAL.parse(text));
  const str = (c: ICAL.Component, n: string) => {
    const v = c.getFirstPropertyValue(n);
    return v === null ? undefined : String(v);
  };
  return {
    name: str(cal, 'x-wr-calname')!,
    events: cal.getAllSubcomponents('vevent').map((e) => ({
      uid: str(e, 'uid')!,
      summary: str(e, 'summary')!,
      start: str(e, 'dtstart')!,
      startType: e.getFirstProperty('dtstart')!.type,
      end: str(e, 'dtend')!,
      stamp: str(e, 'dtstamp')!,
      sequence: Number(str(e, 'sequence')),
      status: str(e, 'status'),
      transp: str(e, 'transp')!,
      description: str(e, 'description') ?? '',
      url: str(e, 'url')!,
    })),
  };
}

// The minimal site's widget: 2nd Tuesday monthly in Stockholm; now is 2026-11-22 (the November date has passed).
const WIDGET_DATES = [
  '2026-12-08',
  '2027-01-12',
  '2027-02-09',
  '2027-03-09',
  '2027-04-13',
  '2027-05-11',
  '2027-06-08',
  '2027-07-13',
  '2027-08-10',
  '2027-09-14',
  '2027-10-12',
  '2027-11-09',
];

describe('release calendars', () => {
  test.each<[string, string | undefined]>([
    ['all products (a continuous product adds nothing)', undefined],
    ['one product', 'widget'],
  ])('%s: one all-day event per planned date for the next 12 months', (_name, product) => {
    const { name, events } = parseIcs(releaseIcs(MIN, { ...O, product }));
    expect(name).toBe(product ? 'Acme Widget releases' : 'Acme Status: releases');
    expect(events.map((e) => e.start)).toEqual(WIDGET_DATES);
    expect(events.map((e) => e.uid)).toEqual(WIDGET_DATES.map((d) => `release-widget-${d.replaceAll('-', '')}@status.acme.test`));
    for (const e of events) {
      expect(e.startType).toBe('date');
      // The day after: a one-day event.
      expect(Date.parse(e.end) - Date.parse(e.start)).toBe(86_400_000);
      expect(e).toMatchObject({
        summary: 'Acme Widget release',
        stamp: '2026-11-22T10:00:00Z',
        sequence: 0,
        transp: 'TRANSPARENT',
        url: `${SITE}products/widget/`,
      });
      expect(e.description).toContain('Cadence: monthly.');
    }
  });

  test('all products: dates in order, several products on one day in products.yaml order', () => {
    const { events } = parseIcs(releaseIcs(DEFAULT, { site: 'https://status.planview.com/', base: '/', months: 2 }));
    expect(events.slice(0, 4).map((e) => [e.start, e.summary])).toEqual([
      ['2026-11-24', 'Planview Spigit release'],
      ['2026-11-26', 'Planview Daptiv release'],
      ['2026-11-28', 'Planview Changepoint release'],
      ['2026-12-05', 'Planview Clarizen release'],
    ]);
    expect(events.filter((e) => e.start === '2026-12-26').map((e) => e.summary)).toEqual(['Planview Changepoint release', 'Planview Clarizen release']);
    // Two months from 22 November: up to 21 January.
    expect(events.at(-1)!.start).toBe('2027-01-21');
    expect(events.map((e) => e.start)).toEqual(events.map((e) => e.start).sort());
  });

  test.each([
    [1, ['2026-12-08']],
    // From 22 November: to 21 February.
    [3, ['2026-12-08', '2027-01-12', '2027-02-09']],
  ])('a horizon of %i month(s)', (months, dates) => {
    expect(parseIcs(releaseIcs(MIN, { ...O, product: 'widget', months })).events.map((e) => e.start)).toEqual(dates);
  });

  test('a base path and the release notes reach the event', () => {
    const { events } = parseIcs(releaseIcs(DEFAULT, { site: 'https://example.test/', base: '/status/', product: 'barometer', months: 1 }));
    expect(events[0]).toMatchObject({
      start: '2026-12-09',
      url: 'https://example.test/status/products/barometer/',
      uid: 'release-barometer-20261209@example.test',
    });
    expect(events[0]!.description).toBe(
      "Planned release date of Planview Barometer.\nSample: invented for this demonstration, not the vendor's own.\nCadence: Every three weeks.\nRelease notes: https://success.planview.com/Planview_Barometer/2Release_Notes",
    );
  });

  test('only products with a recurring cadence have a calendar', () => {
    expect(calendarProducts(MIN).map((p) => p.id)).toEqual(['widget']);
    expect(calendarProducts(DEFAULT).map((p) => p.id)).toEqual(['enterprise-one', 'ppm-pro', 'spigit', 'daptiv', 'barometer', 'changepoint', 'clarizen']);
    expect(() => releaseIcs(MIN, { ...O, product: 'cloud' })).toThrow(/no release calendar for "cloud"/);
    expect(() => releaseIcs(MIN, { ...O, product: 'nope' })).toThrow(/no release calendar for "nope"/);
  });

  describe("the build machine's zone changes no date", () => {
    const original = process.env.TZ;
    afterEach(() => {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    });
    test.each(['America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Kolkata'])('TZ=%s', (tz) => {
      process.env.TZ = tz;
      const text = releaseIcs(MIN, { ...O, product: 'widget', months: 2 });
      expect(text).toContain('DTSTART;VALUE=DATE:20261208\r\n');
      expect(text).toContain('DTEND;VALUE=DATE:20261209\r\n');
      expect(parseIcs(text).events.map((e) => e.start)).toEqual(['2026-12-08', '2027-01-12']);
    });
  });

  test('the same content and now give the same bytes', () => {
    expect(releaseIcs(loadOrThrow(MINIMAL), O)).toBe(releaseIcs(MIN, O));
  });
});

describe('the maintenance calendar', () => {
  const window = MIN.maintenance[0]!;
  const withWindow = (m: Partial<Maintenance>): SiteContent => ({ ...MIN, maintenance: [{ ...window, ...m }] });

  test('one event per window, exact UTC times, UID from the file, the latest notice as plain text', () => {
    const { name, events } = parseIcs(maintenanceIcs(MIN, O));
    expect(name).toBe('Acme Status: maintenance');
    expect(events).toEqual([
      {
        uid: 'maintenance-2026-11-25-db-upgrade@status.acme.test',
        summary: 'Maintenance: Database upgrade',
        // Written +01:00 in content: 22:00 and 01:00 in Stockholm.
        start: '2026-11-25T21:00:00Z',
        startType: 'date-time',
        end: '2026-11-26T00:00:00Z',
        stamp: '2026-11-22T10:00:00Z',
        sequence: 1,
        status: 'CONFIRMED',
        transp: 'TRANSPARENT',
        description: `Planned.\n\nProducts: Acme Widget\n\nDetails: ${SITE}maintenance/2026-11-25-db-upgrade/`,
        url: `${SITE}maintenance/2026-11-25-db-upgrade/`,
      },
    ]);
  });

  test.each<[string, Partial<Maintenance>, number, string, string]>([
    ['no notice yet', { updates: [] }, 0, 'CONFIRMED', 'Maintenance: Database upgrade'],
    ['one notice', {}, 1, 'CONFIRMED', 'Maintenance: Database upgrade'],
    [
      'a second notice',
      { updates: [...window.updates, { at: '2026-11-21T08:00:00.000Z', message: 'Moved by an hour.' }] },
      2,
      'CONFIRMED',
      'Maintenance: Database upgrade',
    ],
    [
      'cancelled with a notice',
      { updates: [...window.updates, { at: '2026-11-21T08:00:00.000Z', message: 'Called off.' }], cancelled: '2026-11-21T08:00:00.000Z' },
      3,
      'CANCELLED',
      'Cancelled maintenance: Database upgrade',
    ],
    ['cancelled without a notice', { cancelled: '2026-11-21T08:00:00.000Z' }, 2, 'CANCELLED', 'Cancelled maintenance: Database upgrade'],
  ])('%s: SEQUENCE and STATUS follow', (_name, change, sequence, status, summary) => {
    expect(maintenanceSequence({ ...window, ...change })).toBe(sequence);
    const [e] = parseIcs(maintenanceIcs(withWindow(change), O)).events;
    expect([e!.sequence, e!.status, e!.summary]).toEqual([sequence, status, summary]);
  });

  test('once the window has begun or ended, the description leads with what the page says then', () => {
    const first = (now: string) => parseIcs(maintenanceIcs({ ...withWindow({}), now }, O)).events[0]!.description.split('\n\n')[0];
    expect(first('2026-11-22T10:00:00Z')).toBe('Planned.');
    expect(first('2026-11-25T22:00:00Z')).toBe('The scheduled maintenance has begun.');
    expect(first('2026-11-26T01:00:00Z')).toBe('The scheduled maintenance has been completed.');
  });

  test('text that means something in iCalendar or HTML round-trips as plain text', () => {
    const title = 'Upgrade; step 1, part A\\B\nnext <b>bold</b>\u0007\u202E';
    const [e] = parseIcs(
      maintenanceIcs(
        withWindow({ title, updates: [{ at: '2026-11-20T12:00:00.000Z', message: '**Planned**: see [the page](https://acme.test/x), 2; 3' }] }),
        O,
      ),
    ).events;
    expect(e!.summary).toBe('Maintenance: Upgrade; step 1, part A\\B\nnext ‹b›bold‹/b›');
    expect(e!.description.split('\n\n')[0]).toBe('Planned: see the page, 2; 3');
  });

  test('the default site: every window, oldest first; the LeanKit window cancelled', () => {
    const { events } = parseIcs(maintenanceIcs(DEFAULT, { site: 'https://status.planview.com/', base: '/' }));
    expect(events.map((e) => [e.uid.replace(/@.*/, ''), e.start, e.end, e.status, e.sequence])).toEqual([
      ['maintenance-2026-11-08-enterprise-one-ppm-pro-database-upgrade-eu', '2026-11-08T05:00:00Z', '2026-11-08T09:00:00Z', 'CONFIRMED', 3],
      ['maintenance-2026-11-22-changepoint-network-upgrade', '2026-11-22T09:00:00Z', '2026-11-22T12:00:00Z', 'CONFIRMED', 2],
      ['maintenance-2026-11-26-enterprise-one-database-patching-americas', '2026-11-27T03:00:00Z', '2026-11-27T07:00:00Z', 'CONFIRMED', 1],
      ['maintenance-2026-12-06-leankit-database-migration', '2026-12-06T08:00:00Z', '2026-12-06T10:00:00Z', 'CANCELLED', 3],
    ]);
  });
});

test('every calendar ends each line, the last one included, with CRLF (RFC 5545)', () => {
  const texts = [
    maintenanceIcs(DEFAULT, O),
    releaseIcs(DEFAULT, { ...O, months: 12 }),
    ...calendarProducts(DEFAULT).map((p) => releaseIcs(DEFAULT, { ...O, months: 12, product: p.id })),
  ];
  for (const text of texts) {
    expect(text.endsWith('\r\nEND:VCALENDAR\r\n')).toBe(true);
    expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  }
});

test('subscribe links: https and webcal, below the base path', () => {
  expect(calendarLinks('/calendars/releases/widget.ics', { site: SITE, base: '/status/' })).toEqual({
    https: `${SITE}status/calendars/releases/widget.ics`,
    webcal: 'webcal://status.acme.test/status/calendars/releases/widget.ics',
  });
  expect(ICS_CONTENT_TYPE).toBe('text/calendar; charset=utf-8');
});
