/** /api/v2/*.json: the Statuspage v2 documents (summary, status, components, incidents, scheduled maintenances). */
import type { APIRoute } from 'astro';
import { API_PATHS, apiDocuments, apiResponse } from '../../../lib/api.ts';
import { memoByObject } from '../../../lib/memo.ts';

export function getStaticPaths() {
  return API_PATHS.map((document) => ({ params: { document } }));
}

/** Every document, made once per build from the same content. */
const documents = memoByObject(apiDocuments, (at) => `${String(at.site)}|${at.base ?? '/'}`);

/** Built once, at build time, from content. */
export const GET: APIRoute = ({ locals, params, site }) => {
  const content = locals.content;
  const all = documents(content, { site: site ?? content.site.url, base: import.meta.env.BASE_URL });
  return apiResponse(all[params.document as keyof typeof all]);
};
