/**
 * The status page's verdict (statusView's `affected`): since when, the next update and until when
 * for each affected product, and which of them invented samples decide.
 */
import { describe, expect, test } from 'vitest';
import type { SiteContent } from '../../src/lib/content/load.ts';
import { context, incidentPage } from '../../src/lib/views/incidents.ts';
import { statusView } from '../../src/lib/views/status.ts';
import { DEFAULT_CONTENT, MINIMAL, loadOrThrow } from '../helpers/fixtures.ts';

const MIN = loadOrThrow(MINIMAL);
/** During the minimal site's window on the widget (22:00 to 01:00 +01:00), with its sign-in failure on the cloud alone. */
function during(sample: { incident?: true; window?: true }): SiteContent {
  const down = MIN.incidents.find((i) => i.id === '2026-11-22-cloud-down')!;
  return {
    ...MIN,
    now: '2026-11-25T21:30:00.000Z',
    incidents: [{ ...down, affects: [{ product: 'cloud', impact: 'major_outage' }], ...(sample.incident ? { sample: true as const } : {}) }],
    maintenance: MIN.maintenance.map((m) => ({ ...m, ...(sample.window ? { sample: true as const } : {}) })),
  };
}
const verdict = (c: SiteContent) => statusView(context(c, 'en', '/'));

describe('the verdict', () => {
  test('a product in an incident says since when and its next update; one under maintenance until when', () => {
    const v = verdict(during({}));
    expect(v.affected.map((p) => [p.id, p.status, p.since?.iso, p.next?.overdue, p.until?.at.iso])).toEqual([
      ['cloud', 'major_outage', '2026-11-22T09:00:00.000Z', true, undefined],
      ['widget', 'under_maintenance', undefined, undefined, '2026-11-26T00:00:00.000Z'],
    ]);
    // Overdue for three days: the past tense, and nothing for the freshness script to wait for.
    expect(v.affected[0]!.next).toMatchObject({ text: 'next update was due {time}', overdue: true });
    expect(v.affected[0]!.next!.passedText).toBeUndefined();
  });

  test("since when is when the product's status began: the update that raised it, and an incident where it is back no longer counts", () => {
    const c = during({});
    const down = c.incidents[0]!;
    const raised = {
      ...down,
      affects: [
        { product: 'cloud', impact: 'degraded_performance' as const },
        { product: 'widget', impact: 'partial_outage' as const },
      ],
      updates: [
        ...down.updates,
        {
          at: '2026-11-23T08:00:00.000Z',
          status: 'identified' as const,
          message: 'm',
          affects: [
            { product: 'cloud', impact: 'major_outage' as const },
            { product: 'widget', impact: 'operational' as const },
          ],
        },
      ],
    };
    const v = verdict({ ...c, incidents: [raised], maintenance: [] });
    // The cloud is down since the update that made it a major outage, not since the incident began;
    // the widget is back, so the incident gives it neither a status, a since nor a next update.
    expect(v.affected.map((p) => [p.id, p.status, p.since?.iso, p.next === undefined])).toEqual([['cloud', 'major_outage', '2026-11-23T08:00:00.000Z', false]]);
  });

  test('what samples decide is marked: each product they decide, or the verdict once when they decide all of it', () => {
    const marks = (c: SiteContent) => {
      const v = verdict(c);
      return { whole: v.sample ?? false, products: v.affected.filter((p) => p.sample).map((p) => p.id) };
    };
    expect(marks(during({}))).toEqual({ whole: false, products: [] });
    expect(marks(during({ window: true }))).toEqual({ whole: false, products: ['widget'] });
    expect(marks(during({ incident: true }))).toEqual({ whole: false, products: ['cloud'] });
    expect(marks(during({ incident: true, window: true }))).toEqual({ whole: true, products: ['cloud', 'widget'] });
  });

  test('a sample incident decides a product also in a real window: it is marked, as the window does not give its status', () => {
    const c = during({ incident: true });
    const v = verdict({ ...c, maintenance: c.maintenance.map((m) => ({ ...m, products: ['cloud', 'widget'] })) });
    expect(v.affected.map((p) => [p.id, p.status, p.sample ?? false])).toEqual([
      ['cloud', 'major_outage', true],
      ['widget', 'under_maintenance', false],
    ]);
  });

  test('a product with a sample incident and a real one is not marked', () => {
    const c = during({ incident: true });
    const real = {
      ...MIN.incidents.find((i) => i.id === '2026-11-22-cloud-down')!,
      id: 'real',
      affects: [{ product: 'cloud' as const, impact: 'degraded_performance' as const }],
    };
    const v = verdict({ ...c, incidents: [...c.incidents, real] });
    expect(v.affected.find((p) => p.id === 'cloud')!.sample).toBeUndefined();
  });
});

describe("the incident page's timeline", () => {
  test('each update says which products it changed: a restated impact is no change, a reopening brings the first impacts back', () => {
    const down = MIN.incidents.find((i) => i.id === '2026-11-22-cloud-down')!;
    const at = (h: number) => `2026-11-22T${String(h).padStart(2, '0')}:00:00.000Z`;
    const inc = {
      ...down,
      affects: [{ product: 'cloud', impact: 'major_outage' as const }],
      updates: [
        { at: at(9), status: 'identified' as const, message: 'm', affects: [{ product: 'cloud', impact: 'major_outage' as const }] },
        { at: at(10), status: 'monitoring' as const, message: 'm', affects: [{ product: 'cloud', impact: 'degraded_performance' as const }] },
        { at: at(11), status: 'resolved' as const, message: 'm' },
        { at: at(12), status: 'investigating' as const, message: 'm' },
      ],
    };
    const page = incidentPage(context({ ...MIN, now: at(13), incidents: [inc] }, 'en', '/'), inc);
    // Newest first.
    expect(page.timeline.map((u) => u.changes.map((c) => `${c.name} ${c.impactText}`))).toEqual([
      ['Acme Cloud Major outage'],
      [],
      ['Acme Cloud Degraded performance'],
      [],
    ]);
  });
});

describe("the incident page's targets", () => {
  test('the intro says where each clock starts: the root-cause report counts from the resolution, where it has a row', () => {
    const site = loadOrThrow(DEFAULT_CONTENT);
    const pages = site.incidents.map((inc) => incidentPage(context(site, 'en', '/'), inc));
    const withReport = pages.filter((p) => p.clock.rows.some((r) => r.key === 'rootCauseReport'));
    const without = pages.filter((p) => p.clock.rows.length > 0 && !p.clock.rows.some((r) => r.key === 'rootCauseReport'));
    expect(withReport.length).toBeGreaterThan(0);
    expect(without.length).toBeGreaterThan(0);
    for (const p of withReport) expect(p.clock.intro).toMatch(/from the start of the incident, and the root-cause report from its resolution\.$/);
    for (const p of without) expect(p.clock.intro).toMatch(/from the start of the incident\.$/);
  });
});

describe('derived figures drawn from invented samples are marked', () => {
  const line = (c: SiteContent, id: string) =>
    statusView(context(c, 'en', '/'))
      .groups.flatMap((g) => g.products)
      .find((p) => p.id === id)!;

  test("a sample incident marks its product's uptime and status; real content marks nothing", () => {
    const sample = line(during({ incident: true }), 'cloud');
    expect([sample.sampleDays, sample.sampleStatus]).toEqual([true, true]);
    const real = line(during({}), 'cloud');
    expect([real.sampleDays, real.sampleStatus]).toEqual([undefined, undefined]);
  });

  test('a sample window under way marks the status of the product it takes down, not its uptime', () => {
    const widget = line(during({ window: true }), 'widget');
    expect(widget.status).toBe('under_maintenance');
    expect([widget.sampleDays, widget.sampleStatus]).toEqual([undefined, true]);
  });

  test('once the sample incident is over, its days still count in the uptime (marked), the status is no longer its', () => {
    const c = during({ incident: true });
    const resolved = '2026-11-23T00:00:00.000Z';
    const incidents = c.incidents.map((i) => ({ ...i, resolved, updates: [...i.updates, { at: resolved, status: 'resolved' as const, message: 'm' }] }));
    const after = { ...c, incidents, now: '2026-12-20T00:00:00.000Z' };
    const cloud = line(after, 'cloud');
    expect(cloud.status).toBe('operational');
    expect([cloud.sampleDays, cloud.sampleStatus]).toEqual([true, undefined]);
  });
});
