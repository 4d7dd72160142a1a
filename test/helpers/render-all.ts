/**
 * Everything the pages, feeds, calendars and API documents derive from content, computed in this
 * process without Astro: where content meets code that can throw (rrule, ical-generator, luxon,
 * Intl, Markdown, URL), it throws here too. Property-based tests run it on every case that passes
 * the check, and build a sample of those cases for real.
 */
import type { SiteContent } from '../../src/lib/content/load.ts';
import { apiDocuments } from '../../src/lib/api.ts';
import { buildFeed, maintenanceFeed } from '../../src/lib/feeds.ts';
import { releaseFeed } from '../../src/lib/release-feeds.ts';
import { calendarProducts, maintenanceIcs, releaseIcs } from '../../src/lib/calendars.ts';
import { context, incidentPage } from '../../src/lib/views/incidents.ts';
import { layoutView } from '../../src/lib/views/layout.ts';
import { overviewView } from '../../src/lib/views/overview.ts';
import { hoursView } from '../../src/lib/views/hours.ts';
import { productReleasesView, releasesPageView } from '../../src/lib/views/releases.ts';
import { historyFilters, historyPage, historyPageCount, productView, statusView, summariseMaintenance } from '../../src/lib/views/status.ts';
import { caseTypesView, policyHistoryView, severityView, supportView } from '../../src/lib/views/support.ts';

/** Derives every document and view model of a site from valid content; throws where a build would. */
export function renderAll(c: SiteContent): void {
  const site = c.site.url;
  const base = '/';
  JSON.stringify(apiDocuments(c, { site, base }));
  maintenanceIcs(c, { site, base });
  releaseIcs(c, { site, base });
  for (const p of calendarProducts(c)) releaseIcs(c, { site, base, product: p.id });
  for (const { code: locale } of c.site.locales) {
    const x = context(c, locale, base);
    layoutView(c, { locale, path: '/', base, site: new URL(site) });
    overviewView(c, locale);
    statusView(x);
    for (const f of historyFilters(c)) for (let n = 1; n <= historyPageCount(c, f); n++) historyPage(x, n, f);
    for (const inc of c.incidents) incidentPage(x, inc);
    for (const m of c.maintenance) summariseMaintenance(x, m);
    hoursView(x);
    severityView(x);
    caseTypesView(x);
    supportView(x);
    policyHistoryView(x);
    releasesPageView(x, site, base);
    buildFeed(c, { locale, site, base });
    maintenanceFeed(c, { locale, site, base });
    releaseFeed(c, { locale, site, base });
    for (const p of c.products) {
      productView(x, p.id);
      productReleasesView(x, p.id, site, base);
      buildFeed(c, { locale, site, base, product: p.id });
      releaseFeed(c, { locale, site, base, product: p.id });
    }
  }
}
