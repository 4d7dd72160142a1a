/** /api/v2/summary.json (Statuspage v2): page, status, components, unresolved incidents, upcoming and active maintenance. */
import type { APIRoute } from 'astro';
import { apiResponse, summaryDoc } from '../../../lib/api.ts';
import { getContent } from '../../../lib/site-data.ts';

/** Built once, at build time, from content. */
export const GET: APIRoute = ({ site }) => {
  const content = getContent();
  return apiResponse(summaryDoc(content, { site: site ?? content.site.url, base: import.meta.env.BASE_URL }));
};
