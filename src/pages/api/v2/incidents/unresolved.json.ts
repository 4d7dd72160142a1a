/** /api/v2/incidents/unresolved.json (Statuspage v2): incidents still open now. */
import type { APIRoute } from 'astro';
import { apiResponse, unresolvedIncidentsDoc } from '../../../../lib/api.ts';
import { getContent } from '../../../../lib/site-data.ts';

/** Built once, at build time, from content. */
export const GET: APIRoute = ({ site }) => {
  const content = getContent();
  return apiResponse(unresolvedIncidentsDoc(content, { site: site ?? content.site.url, base: import.meta.env.BASE_URL }));
};
