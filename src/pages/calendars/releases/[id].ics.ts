/** /calendars/releases/<id>.ics: one product's planned release dates (continuous delivery has none, so no calendar). */
import type { APIRoute } from 'astro';
import { ICS_CONTENT_TYPE, calendarProducts, releaseIcs } from '../../../lib/calendars.ts';
import { getContent } from '../../../lib/site-data.ts';

/** One calendar per product with a recurring cadence. */
export function getStaticPaths() {
  return calendarProducts(getContent()).map((p) => ({ params: { id: p.id } }));
}

/** Built once, at build time, from content; not localized. */
export const GET: APIRoute = ({ params, site }) => {
  const c = getContent();
  return new Response(releaseIcs(c, { product: params.id, site: site ?? c.site.url, base: import.meta.env.BASE_URL }), { headers: { 'Content-Type': ICS_CONTENT_TYPE } });
};
