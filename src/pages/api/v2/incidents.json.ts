/** /api/v2/incidents.json (Statuspage v2): the 50 most recent incidents. */
import type { APIRoute } from 'astro';
import { apiResponse, incidentsDoc } from '../../../lib/api.ts';
import { getContent } from '../../../lib/site-data.ts';

/** Built once, at build time, from content. */
export const GET: APIRoute = ({ site }) => {
  const content = getContent();
  return apiResponse(incidentsDoc(content, { site: site ?? content.site.url, base: import.meta.env.BASE_URL }));
};
