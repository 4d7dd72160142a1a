/** /api/v2/scheduled-maintenances/active.json (Statuspage v2): maintenance windows in progress now. */
import type { APIRoute } from 'astro';
import { apiResponse, activeMaintenancesDoc } from '../../../../lib/api.ts';
import { getContent } from '../../../../lib/site-data.ts';

/** Built once, at build time, from content. */
export const GET: APIRoute = ({ site }) => {
  const content = getContent();
  return apiResponse(activeMaintenancesDoc(content, { site: site ?? content.site.url, base: import.meta.env.BASE_URL }));
};
