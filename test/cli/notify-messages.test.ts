/**
 * What `pharos notify` finds to announce and what its messages say, read directly from its pure
 * parts on the minimal site: events by "now", channel filters, the words per language, and staff's
 * text staying text in every channel's format (property-based, fixed seed).
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { SiteContent } from '../../src/lib/content/load.ts';
import { eventsOf, filterOf, wants, type NotifyEvent } from '../../scripts/cli/notify/events.ts';
import { compose, discordPayload, emailMessage, plainText, slackPayload, teamsPayload } from '../../scripts/cli/notify/messages.ts';
import { retryAt } from '../../scripts/cli/notify/record.ts';
import type { Channel } from '../../src/schemas/notify.ts';
import { loadOrThrow, MINIMAL } from '../helpers/fixtures.ts';

/** The minimal site as of `now`. */
function siteAt(now: string): SiteContent {
  return loadOrThrow(MINIMAL, { PHAROS_NOW: now });
}

const AT = { site: 'https://status.acme.test/', base: '/' };

describe('events', () => {
  test.each([
    [
      '2026-11-22T10:00:00Z',
      [
        'maintenance.scheduled maintenance/2026-11-25-db-upgrade/scheduled',
        'incident.opened incident/2026-11-21-widget-slow/update/2026-11-21T07:10:00.000Z/investigating',
        'incident.report incident/2026-11-21-widget-slow/report',
        'incident.resolved incident/2026-11-21-widget-slow/update/2026-11-21T08:30:00.000Z/resolved',
        'incident.opened incident/2026-11-22-cloud-down/update/2026-11-22T09:05:00.000Z/identified',
      ],
    ],
    ['2026-11-25T21:00:00Z', ['maintenance.started maintenance/2026-11-25-db-upgrade/started']],
    [
      '2026-11-26T00:00:00Z',
      ['maintenance.started maintenance/2026-11-25-db-upgrade/started', 'maintenance.completed maintenance/2026-11-25-db-upgrade/completed'],
    ],
    // 30 days after the widget's incident it is no longer news; the open incident's opening was on the 22nd.
    [
      '2026-12-21T09:00:00Z',
      [
        'incident.opened incident/2026-11-22-cloud-down/update/2026-11-22T09:05:00.000Z/identified',
        'maintenance.started maintenance/2026-11-25-db-upgrade/started',
        'maintenance.completed maintenance/2026-11-25-db-upgrade/completed',
      ],
    ],
  ])('at %s, among others: %j', (now, expected) => {
    const found = eventsOf(siteAt(now)).map((e) => `${e.kind} ${e.key}`);
    expect(found).toEqual(expect.arrayContaining(expected));
    if (now === '2026-11-22T10:00:00Z') expect(found.filter((k) => !k.startsWith('component.'))).toEqual(expected);
    if (now === '2026-12-21T09:00:00Z') expect(found.filter((k) => k.includes('widget-slow'))).toEqual([]);
  });

  test('a product changing status is one component event per change, from the status timeline the pages use', () => {
    const found = eventsOf(siteAt('2026-11-22T10:00:00Z'))
      .filter((e) => e.kind === 'component.updated')
      .map((e) => ('change' in e ? `${e.key} from ${e.change.from}` : e.key));
    expect(found).toEqual([
      // Widget slow from 08:00 (+01:00) until resolved at 09:30 (+01:00).
      'component/widget/2026-11-21T07:00:00.000Z/degraded_performance from operational',
      'component/widget/2026-11-21T08:30:00.000Z/operational from degraded_performance',
      // Cloud sign-in fails: a major outage of cloud and a partial one of widget, at once.
      'component/cloud/2026-11-22T09:00:00.000Z/major_outage from operational',
      'component/widget/2026-11-22T09:00:00.000Z/partial_outage from operational',
    ]);
  });

  test('titles and product names reach the heading as written, with "$&" or "{to}" in them', () => {
    const c = siteAt('2026-11-22T10:00:00Z');
    c.incidents = c.incidents.map((i) => ({ ...i, title: "Costs $& and $' rise" }));
    c.products = c.products.map((p) => (p.id === 'cloud' ? { ...p, name: 'Acme {to} $& Cloud' } : p));
    const events = eventsOf(c);
    const opened = events.find((e) => e.kind === 'incident.opened')!;
    expect(compose(c, opened, 'en', AT).heading).toBe("New incident: Costs $& and $' rise");
    const change = events.find((e) => 'change' in e && e.change.product === 'cloud')!;
    expect(compose(c, change, 'en', AT).heading).toBe('Status of Acme {to} $& Cloud: major outage (was operational)');
  });

  test('a cancelled window is announced as called off, and never begins or ends', () => {
    const c = siteAt('2026-11-27T00:00:00Z');
    const m = c.maintenance[0]!;
    c.maintenance = [{ ...m, cancelled: '2026-11-24T08:00:00Z', updates: [...m.updates, { at: '2026-11-24T08:00:00Z', message: 'Called off.' }] }];
    const found = eventsOf(c).filter((e) => 'maintenance' in e);
    expect(found.map((e) => e.kind)).toEqual(['maintenance.scheduled', 'maintenance.cancelled']);
    const msg = compose(c, found[1]!, 'en', AT);
    expect(msg.heading).toBe('Maintenance called off: Database upgrade');
    expect(msg.text).toBe('Called off.');
  });

  test("a colleague's notice after the cancellation in time order is its own news; the cancellation keeps its words", () => {
    const c = siteAt('2026-11-22T10:00:00Z');
    const m = c.maintenance[0]!;
    c.maintenance = [
      {
        ...m,
        cancelled: '2026-11-22T09:40:00Z',
        updates: [
          ...m.updates,
          { at: '2026-11-22T09:40:00Z', message: 'Called off: a new date follows.' },
          { at: '2026-11-22T09:45:00Z', message: 'Heads-up from B.' },
        ],
      },
    ];
    const found = eventsOf(c).filter((e) => 'maintenance' in e);
    expect(found.map((e) => e.kind)).toEqual(['maintenance.scheduled', 'maintenance.cancelled', 'maintenance.updated']);
    expect(compose(c, found[1]!, 'en', AT).text).toBe('Called off: a new date follows.');
    expect(compose(c, found[2]!, 'en', AT).text).toBe('Heads-up from B.');
  });

  test('a window written once it had begun is announced by its start, with what staff wrote, and not again as a notice', () => {
    const c = siteAt('2026-11-25T21:20:00Z');
    const m = c.maintenance[0]!;
    c.maintenance = [{ ...m, updates: [{ at: '2026-11-25T21:10:00Z', message: 'Emergency patch; sign-in may fail for a few minutes.' }] }];
    const found = eventsOf(c).filter((e) => 'maintenance' in e);
    expect(found.map((e) => e.kind)).toEqual(['maintenance.started']);
    expect(compose(c, found[0]!, 'en', AT).text).toBe('Emergency patch; sign-in may fail for a few minutes.');
  });

  const channel = (extra: Partial<Channel>): Channel => ({ id: 'x', type: 'slack', secret: 'PHAROS_X', enabled: true, ...extra });
  test("a window's later notices are news of their own; its start and end are told in the clock's words", () => {
    const c = siteAt('2026-11-26T00:00:00Z');
    const m = c.maintenance[0]!;
    c.maintenance = [
      {
        ...m,
        updates: [
          ...m.updates,
          { at: '2026-11-23T08:00:00Z', message: { en: 'Moved: we start an hour later.', sv: 'Flyttat: vi börjar en timme senare.' } },
          { at: '2026-11-25T21:10:00Z', message: 'We have begun.' },
          { at: '2026-11-25T22:30:00Z', message: 'Running late: we end at 00:30.' },
        ],
      },
    ];
    const found = eventsOf(c).filter((e) => 'maintenance' in e);
    expect(found.map((e) => `${e.kind} ${e.key}`)).toEqual([
      'maintenance.scheduled maintenance/2026-11-25-db-upgrade/scheduled',
      'maintenance.updated maintenance/2026-11-25-db-upgrade/notice/2026-11-23T08:00:00.000Z',
      'maintenance.started maintenance/2026-11-25-db-upgrade/started',
      'maintenance.updated maintenance/2026-11-25-db-upgrade/notice/2026-11-25T21:10:00.000Z',
      'maintenance.updated maintenance/2026-11-25-db-upgrade/notice/2026-11-25T22:30:00.000Z',
      'maintenance.completed maintenance/2026-11-25-db-upgrade/completed',
    ]);
    const moved = compose(c, found[1]!, 'sv', AT);
    expect(moved.heading).toBe('Nytt om underhållet: Databasuppgradering');
    expect(moved.text).toBe('Flyttat: vi börjar en timme senare.');
    expect(compose(c, found[4]!, 'fr', AT).heading).toBe('Avis de maintenance\u00a0: Database upgrade');
    expect(compose(c, found[4]!, 'en', AT).text).toBe('Running late: we end at 00:30.');
    // Staff's "We have begun." is its own message; the start says what a page's automatic notice says.
    expect(compose(c, found[2]!, 'en', AT).text).toBe('The scheduled maintenance has begun.');
    expect(compose(c, found[5]!, 'en', AT).text).toBe('The scheduled maintenance has been completed.');
    // A delivery record from before notices were announced did not take them in: past ones are not replayed.
    expect(wants({}, found[1]!)).toBe(false);
    expect(wants(filterOf(channel({})), found[1]!)).toBe(true);
  });

  test.each([
    [{}, 5],
    [{ events: ['incident.opened' as const] }, 2],
    [{ products: ['cloud'] }, 1],
    [{ products: ['widget'], events: ['incident.report' as const, 'maintenance.scheduled' as const] }, 2],
  ])('a channel with %j wants %i of the events at the pinned now', (extra, n) => {
    expect(eventsOf(siteAt('2026-11-22T10:00:00Z')).filter((e) => wants(channel(extra), e))).toHaveLength(n);
  });
});

describe('messages', () => {
  const c = siteAt('2026-11-22T10:00:00Z');
  const opened = eventsOf(c).find((e) => e.key === 'incident/2026-11-22-cloud-down/update/2026-11-22T09:05:00.000Z/identified') as Extract<
    NotifyEvent,
    { incident: unknown }
  >;

  test.each([
    [
      'en',
      'New incident: Cloud sign-in fails\nStatus: Identified\nAffected products: Acme Cloud (major outage), Acme Widget (partial outage)\n\nOur identity provider is down.\n\nDetails on the status page: https://status.acme.test/incidents/2026-11-22-cloud-down/#update-1\n',
    ],
    [
      'sv',
      'Ny incident: Inloggning misslyckas\nStatus: Orsaken är känd\nBerörda produkter: Acme Cloud (större avbrott), Acme Widget (delvis avbrott)\n\nVår identitetsleverantör ligger nere.\n\nMer på statussidan: https://status.acme.test/sv/incidents/2026-11-22-cloud-down/#update-1\n',
    ],
  ])('in %s', (lang, expected) => {
    expect(plainText(compose(c, opened, lang, AT))).toBe(expected);
  });

  test('French puts a no-break space before its colons; a language without words of its own reads English', () => {
    const fr = plainText(compose(c, opened, 'fr', AT));
    expect(fr.split('\n')[0]).toBe('Nouvel incident\u00a0: Cloud sign-in fails');
    expect(fr).toContain("Détails sur la page d'état\u00a0: ");
    expect(plainText(compose(c, opened, 'de', AT)).split('\n')[0]).toBe('New incident: Cloud sign-in fails');
  });

  test('the report is announced with its own words, and a window with its times in the site zone', () => {
    const report = eventsOf(c).find((e) => e.kind === 'incident.report')!;
    expect(compose(c, report, 'en', AT)).toMatchObject({
      heading: 'Post-incident report: Widget is slow',
      text: 'The cache was cold after a restart.',
      tone: 'good',
    });
    const planned = eventsOf(c).find((e) => e.kind === 'maintenance.scheduled')!;
    expect(compose(c, planned, 'en', AT).facts[0]).toEqual({ label: 'Starts', value: 'November 25, 2026 at 10:00 PM GMT+1' });
  });

  test("staff's words stay words: no Slack mention or link, no Discord ping, no extra mail header", () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ maxLength: 80 }), (message, title) => {
        const inc = {
          ...opened.incident,
          title: title.replace(/[\r\n]/g, ' ') || 'x',
          updates: [{ ...opened.incident.updates[0]!, message: `<!channel> @everyone ${message}` }],
        };
        const msg = compose({ ...c, incidents: [inc] }, { ...opened, incident: inc }, 'en', AT);
        const slack = slackPayload(msg) as {
          text: string;
          blocks: { type: string; text?: { text: string }; fields?: { text: string }[]; elements?: { text: string }[] }[];
        };
        // The header is plain_text, which Slack never reads as markup; every mrkdwn text is escaped.
        const texts = [
          slack.text,
          ...slack.blocks.filter((b) => b.type !== 'header').flatMap((b) => [b.text?.text ?? '', ...(b.fields ?? []).map((f) => f.text)]),
        ];
        for (const t of texts) expect(t).not.toMatch(/[<>]/);
        expect(slack.blocks.at(-1)!.elements![0]!.text).toMatch(/^<https:\/\/status\.acme\.test\/incidents\/2026-11-22-cloud-down\/#update-1\|[^<>|]*>$/);
        expect((discordPayload(msg) as { allowed_mentions: unknown }).allowed_mentions).toEqual({ parse: [] });
        expect(JSON.stringify(teamsPayload(msg))).toContain('"type":"AdaptiveCard"');
        expect(emailMessage(msg).subject).not.toMatch(/[\r\n]/);
      }),
      { seed: 20, numRuns: 200 },
    );
  });
});

describe('Teams and Discord read markdown: what staff write shows as written', () => {
  const c = siteAt('2026-11-22T10:00:00Z');
  const opened = eventsOf(c).find((e) => e.key === 'incident/2026-11-22-cloud-down/update/2026-11-22T09:05:00.000Z/identified') as Extract<
    NotifyEvent,
    { incident: unknown }
  >;
  /** The message for the opened incident with this title and first update. */
  const messageWith = (title: string, message: string) => {
    const inc = { ...opened.incident, title, updates: [{ ...opened.incident.updates[0]!, message }] };
    return compose({ ...c, incidents: [inc] }, { ...opened, incident: inc }, 'en', AT);
  };
  /** Every text of a Teams card and a Discord embed that the app renders as markdown. */
  const rendered = (m: ReturnType<typeof compose>) => {
    const card = (teamsPayload(m) as { attachments: { content: { body: { text?: string; facts?: { value: string }[] }[] } }[] }).attachments[0]!.content;
    const embed = (discordPayload(m) as { embeds: { title: string; description: string; fields: { value: string }[] }[] }).embeds[0]!;
    return {
      teams: card.body.flatMap((b) => [b.text ?? '', ...(b.facts ?? []).map((f) => f.value)]),
      discord: [embed.title, embed.description, ...embed.fields.map((f) => f.value)],
    };
  };
  /** A markdown link as Teams and Discord read it: brackets and parentheses not escaped by a backslash. */
  const LINK = /(?<!\\)(?:\\\\)*\[[^\]]*(?<!\\)\]\(/;

  test('a title or update written as a link arrives as text, its address in plain sight', () => {
    const m = messageWith('[Reset your password](https://evil.example/login)', 'Please \\[sign in again\\](https://evil.example/x) @everyone <@123>');
    const { teams, discord } = rendered(m);
    expect(teams[0]).toBe('New incident: \\[Reset your password\\]\\(https://evil.example/login\\)');
    expect(discord[0]).toBe('New incident: \\[Reset your password\\]\\(https://evil.example/login\\)');
    for (const t of [...teams, ...discord]) expect(t).not.toMatch(LINK);
    expect(discord[1]).toContain('\\<@123\\>');
    expect((discordPayload(m) as { allowed_mentions: unknown }).allowed_mentions).toEqual({ parse: [] });
  });

  test('any title and update: no unescaped markdown character in a Teams card or a Discord embed', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.string({ unit: 'binary', maxLength: 200 }), (title, message) => {
        const { teams, discord } = rendered(messageWith(title.replace(/[\r\n]/g, ' ') || 'x', message));
        for (const t of [...teams, ...discord]) expect(t.replace(/\\[\s\S]/g, '')).not.toMatch(/[[\]()*_~`|<>\\]/);
      }),
      { seed: 21, numRuns: 300 },
    );
  });
});

test.each([
  [1, '2026-11-22T10:05:00.000Z'],
  [2, '2026-11-22T10:15:00.000Z'],
  [3, '2026-11-22T10:45:00.000Z'],
  [5, '2026-11-22T16:00:00.000Z'],
  [8, '2026-11-22T16:00:00.000Z'],
])('after %i failures the next try is at %s', (attempts, expected) => {
  expect(retryAt('2026-11-22T10:00:00Z', attempts)).toBe(expected);
});
