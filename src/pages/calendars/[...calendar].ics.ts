/** The iCalendar files: maintenance.ics, releases.ics (every product) and releases/<id>.ics (one product with dates). */
import type { APIRoute } from 'astro';
import { ICS_CONTENT_TYPE, calendarProducts, maintenanceIcs, releaseIcs } from '../../lib/calendars.ts';
import { siteContent } from '../../lib/site-data.ts';

export function getStaticPaths() {
  return [
    { params: { calendar: 'maintenance' } },
    { params: { calendar: 'releases' } },
    ...calendarProducts(siteContent()).map((p) => ({ params: { calendar: `releases/${p.id}` } })),
  ];
}

/** Built once, at build time, from content; not localized. */
export const GET: APIRoute = ({ locals, params, site }) => {
  const c = locals.content;
  const at = { site: site ?? c.site.url, base: import.meta.env.BASE_URL };
  const product = params.calendar?.startsWith('releases/') ? params.calendar.slice('releases/'.length) : undefined;
  const ics = params.calendar === 'maintenance' ? maintenanceIcs(c, at) : releaseIcs(c, { ...at, product });
  return new Response(ics, { headers: { 'Content-Type': ICS_CONTENT_TYPE } });
};
