/** /api/v2/scheduled-maintenances.json (Statuspage v2): the 50 most recent maintenance windows. */
import type { APIRoute } from 'astro';
import { apiResponse, scheduledMaintenancesDoc } from '../../../lib/api.ts';
import { getContent } from '../../../lib/site-data.ts';

/** Built once, at build time, from content. */
export const GET: APIRoute = ({ site }) => {
  const content = getContent();
  return apiResponse(scheduledMaintenancesDoc(content, { site: site ?? content.site.url, base: import.meta.env.BASE_URL }));
};
