/** /api/v2/components.json (Statuspage v2): every product and product group with its status now. */
import type { APIRoute } from 'astro';
import { apiResponse, componentsDoc } from '../../../lib/api.ts';
import { getContent } from '../../../lib/site-data.ts';

/** Built once, at build time, from content. */
export const GET: APIRoute = ({ site }) => {
  const content = getContent();
  return apiResponse(componentsDoc(content, { site: site ?? content.site.url, base: import.meta.env.BASE_URL }));
};
