/** View model of the freshness line every page carries: when it was built, and when to call it out of date. */
import type { SiteContent } from '../content/load.ts';
import { translator } from '../i18n.ts';
import { displayZone, formatInstant } from '../time.ts';

/** What Freshness.astro renders. */
export interface FreshnessView {
  /** The build's "now", UTC ISO. */
  builtAt: string;
  /** "Updated 22 November 2026 at 04:00 CST", split around the time (local-time.ts makes it "6 min ago · 11:05 CET"). */
  before: string;
  time: string;
  after: string;
  /** The out-of-date notice, split around the time. */
  staleBefore: string;
  staleAfter: string;
  reload: string;
  /** Age in minutes after which the page is called out of date: site.yaml's staleAfter, else twice rebuildEvery. */
  staleMinutes: number;
}

/** Builds the freshness line for one language. */
export function freshnessView(c: Pick<SiteContent, 'now' | 'site'>, locale: string): FreshnessView {
  const t = translator(locale);
  const [before = '', after = ''] = t('site.updated').split('{time}');
  const [staleBefore = '', staleAfter = ''] = t('site.stale').split('{time}');
  return {
    builtAt: c.now,
    before,
    time: formatInstant(c.now, locale, displayZone(c.site, locale)),
    after,
    staleBefore,
    staleAfter,
    reload: t('site.reload'),
    staleMinutes: c.site.staleAfter ?? 2 * c.site.rebuildEvery,
  };
}
