/** /calendars/releases.ics: the planned release dates of every product with a recurring cadence. */
import type { APIRoute } from 'astro';
import { ICS_CONTENT_TYPE, releaseIcs } from '../../lib/calendars.ts';
import { getContent } from '../../lib/site-data.ts';

/** Built once, at build time, from content; not localized. */
export const GET: APIRoute = ({ site }) => {
  const c = getContent();
  return new Response(releaseIcs(c, { site: site ?? c.site.url, base: import.meta.env.BASE_URL }), { headers: { 'Content-Type': ICS_CONTENT_TYPE } });
};
