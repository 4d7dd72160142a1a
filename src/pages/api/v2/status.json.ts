/** /api/v2/status.json (Statuspage v2): the page and its overall status. */
import type { APIRoute } from 'astro';
import { apiResponse, statusDoc } from '../../../lib/api.ts';
import { getContent } from '../../../lib/site-data.ts';

/** Built once, at build time, from content. */
export const GET: APIRoute = ({ site }) => {
  const content = getContent();
  return apiResponse(statusDoc(content, { site: site ?? content.site.url, base: import.meta.env.BASE_URL }));
};
