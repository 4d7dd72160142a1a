/** The default site: content/ as shipped carries the policy's facts, passes check, and builds in en, sv and fr. */
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import type { SiteContent } from '../../src/lib/content/load.ts';
import { ROOT, listFiles, runCli, type Run, sharedBuild, loadOrThrow } from '../helpers/fixtures.ts';

const CONTENT = join(ROOT, 'content');
let content: SiteContent;

beforeAll(() => {
  content = loadOrThrow(CONTENT);
});

describe('default content carries the policy', () => {
  test('`npm run check` passes on it', () => {
    const run = runCli(['check']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  test('offered in English (default), Swedish and French', () => {
    expect(content.site.locales.map((l) => l.code)).toEqual(['en', 'sv', 'fr']);
    expect(content.site.defaultLocale).toBe('en');
  });

  test('every product of the 2021 edition, with its tenancy and cadence', () => {
    const products = Object.fromEntries(
      content.products.map((p) => [p.id, `${p.tenancy} ${p.cadence.kind} ${'rrule' in p.cadence ? p.cadence.rrule.replace(/;BYDAY=.*/, '') : ''}`.trim()]),
    );
    expect(products).toEqual({
      'enterprise-one': 'single recurring FREQ=MONTHLY',
      'ppm-pro': 'single recurring FREQ=MONTHLY',
      projectplace: 'multi continuous',
      leankit: 'multi continuous',
      spigit: 'multi recurring FREQ=WEEKLY;INTERVAL=2',
      daptiv: 'single recurring FREQ=WEEKLY;INTERVAL=2',
      barometer: 'single recurring FREQ=WEEKLY;INTERVAL=3',
      changepoint: 'single recurring FREQ=MONTHLY',
      clarizen: 'single recurring FREQ=WEEKLY;INTERVAL=3',
    });
  });

  test('three desks in IANA zones (Daptiv, Barometer and Changepoint in CET, UTC+1, where the policy prints them), with the phone numbers of Annex 1', () => {
    expect(content.support.desks.map((d) => `${d.id} ${d.zone}`)).toEqual([
      'americas America/Chicago',
      'emea Europe/Berlin',
      'daptiv-barometer-changepoint Europe/Berlin',
    ]);
    const numbers = content.support.desks.flatMap((d) => d.products.flatMap((p) => p.phones.map((ph) => ph.number.replace('(0)', '').replace(/\D/g, ''))));
    for (const n of [
      '15123468460',
      '61280149318',
      '6449749422',
      '448000148917',
      '497219597262',
      '441189637777',
      '442035145995',
      '46858630260',
      '4532727018',
      '4721404094',
      '497219597150',
      '31208080063',
      '18883419117',
      '33489737302',
      '18002637189',
      '33489737320',
    ]) {
      expect(numbers, n).toContain(n);
    }
  });

  test('hours that cross midnight are kept as written (Enterprise One, Americas: Mon-Thu 07:00 to 01:00)', () => {
    const e1 = content.support.desks.find((d) => d.id === 'americas')!.products.find((p) => p.product === 'enterprise-one')!;
    expect(e1.hours).toContainEqual({ days: ['mon', 'tue', 'wed', 'thu'], open: '07:00', close: '01:00' });
    expect(e1.hours).toContainEqual({ days: ['sun'], open: '17:00', close: '01:00' });
  });

  test('severity targets of the 2021 tables, own and third-party software', () => {
    const words = (t: { kind: string; amount?: number; unit?: string } | undefined) => (t ? (t.kind === 'duration' ? `${t.amount} ${t.unit}` : t.kind) : '-');
    const table = content.severities.map((s) =>
      (['own', 'third-party'] as const).map((scope) => {
        const x = s.targets[scope];
        return `${s.id} ${scope}: ${words(x.response)} / ${words(x.restoration)} / ${words(x.resolution)} / ${words(x.statusUpdates)}`;
      }),
    );
    expect(table.flat()).toEqual([
      'critical own: 30 minutes / 2 hours / 48 hours / 6 hours',
      'critical third-party: 30 minutes / 2 hours / 48 hours / 6 hours',
      'major own: 60 minutes / 2 hours / 96 hours / on-news',
      'major third-party: 60 minutes / - / 120 hours / on-news',
      'moderate own: 2 hours / - / future-update / -',
      'moderate third-party: 2 hours / - / best-effort / -',
      'minor own: 4 hours / - / best-effort / -',
      'minor third-party: 4 hours / - / best-effort / -',
    ]);
    expect(content.severities[0]!.targets['third-party'].rootCauseReport).toMatchObject({ kind: 'duration', amount: 15, unit: 'days' });
    expect(content.severities[0]!.targets.own.resolution?.excludesCustomerWait).toBe(true);
  });

  test('nine case types, the lifecycle rule and the support window', () => {
    expect(content.caseTypes.map((c) => c.id)).toEqual([
      'issue-error',
      'privacy',
      'integrations',
      'security',
      'functional',
      'defect',
      'enhancement',
      'performance',
      'cloud-operations',
    ]);
    expect(content.policy.lifecycle).toMatchObject({ closeAfter: { kind: 'duration', amount: 10, unit: 'business-days' }, followUps: 2, reopenable: true });
    expect(content.policy.supportWindow).toMatchObject({ singleTenant: 2, multiTenant: 1 });
    expect(content.support.tiers[0]).toMatchObject({ names: ['Elite', 'Platinum', 'Medallion'], alwaysOpenFor: ['critical'] });
  });

  test('the 2020 edition is kept as the previous revision', () => {
    expect(content.history.map((h) => h.revision)).toEqual(['REV-20201117-A']);
    expect(content.history[0]!.levels[0]!.targets.own.resolution).toMatchObject({ amount: 2, unit: 'business-days' });
  });

  test('sample incidents exercise every impact, status, scope, a report and a multi-product incident', () => {
    const incidents = content.incidents;
    expect(incidents.length).toBeGreaterThanOrEqual(8);
    expect(new Set(incidents.flatMap((i) => i.affects.map((a) => a.impact)))).toEqual(new Set(['degraded_performance', 'partial_outage', 'major_outage']));
    expect(new Set(incidents.map((i) => i.updates.at(-1)!.status))).toEqual(new Set(['investigating', 'identified', 'monitoring', 'resolved']));
    expect(new Set(incidents.map((i) => i.scope))).toEqual(new Set(['own', 'third-party']));
    expect(incidents.some((i) => i.body.length > 200)).toBe(true);
    expect(incidents.some((i) => i.affects.length >= 3)).toBe(true);
  });

  test('maintenance windows in the past, in progress and upcoming relative to the demo clock', () => {
    const now = content.now;
    const states = content.maintenance.map((m) => (m.window.end <= now ? 'past' : m.window.start <= now ? 'in progress' : 'upcoming'));
    expect(new Set(states)).toEqual(new Set(['past', 'in progress', 'upcoming']));
  });
});

describe('the default site builds', () => {
  let build: Run & { outDir: string };
  beforeAll(() => {
    build = sharedBuild(CONTENT);
  });
  test('in all three languages', () => {
    expect(build.status).toBe(0);
    const html = listFiles(build.outDir).filter((f) => f.endsWith('.html'));
    expect(html).toEqual(expect.arrayContaining(['index.html', 'sv/index.html', 'fr/index.html', '404.html']));
    expect(readFileSync(join(build.outDir, 'fr/index.html'), 'utf8')).toMatch(/<html lang="fr"/);
    expect(readFileSync(join(build.outDir, 'fr/support/index.html'), 'utf8')).toContain('Première réponse sous 30 minutes');
    expect(readFileSync(join(build.outDir, 'sv/support/index.html'), 'utf8')).toContain('Första svar inom 30 minuter');
  });

  // Read from the built HTML on every page (the browser tests click through it on an incident page).
  test("every page's language switcher links to the same page in every other language and marks its own", () => {
    const codes = content.site.locales.map((l) => l.code);
    const def = content.site.defaultLocale;
    const pages = listFiles(build.outDir).filter((f) => f.endsWith('index.html') && !f.startsWith('embed/'));
    expect(pages.length).toBeGreaterThan(200);
    for (const file of pages) {
      const locale = codes.find((l) => l !== def && file.startsWith(`${l}/`)) ?? def;
      const path = `/${file.slice(locale === def ? 0 : locale.length + 1).replace(/index\.html$/, '')}`;
      const at = (l: string) => (l === def ? path : `/${l}${path}`);
      const nav = /<nav [^>]*class="langs"[^>]*>([\s\S]*?)<\/nav>/.exec(readFileSync(join(build.outDir, file), 'utf8'))?.[1];
      expect(nav, `${file}: language switcher`).toBeDefined();
      const links = [...nav!.matchAll(/<a href="([^"]*)" hreflang="([^"]*)"/g)].map(([, href, lang]) => [lang, href]);
      expect(Object.fromEntries(links), file).toEqual(Object.fromEntries(codes.filter((l) => l !== locale).map((l) => [l, at(l)])));
      expect(/<span aria-current="true" lang="([^"]*)"/.exec(nav!)?.[1], file).toBe(locale);
    }
  });
});
