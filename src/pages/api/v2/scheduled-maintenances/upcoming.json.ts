/** /api/v2/scheduled-maintenances/upcoming.json (Statuspage v2): maintenance windows not started yet. */
import type { APIRoute } from 'astro';
import { apiResponse, upcomingMaintenancesDoc } from '../../../../lib/api.ts';
import { getContent } from '../../../../lib/site-data.ts';

/** Built once, at build time, from content. */
export const GET: APIRoute = ({ site }) => {
  const content = getContent();
  return apiResponse(upcomingMaintenancesDoc(content, { site: site ?? content.site.url, base: import.meta.env.BASE_URL }));
};
