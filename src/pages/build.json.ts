/**
 * /build.json: the "now" this build resolved (PHAROS_NOW, else site.yaml's now, else the clock),
 * which everything derived from the clock on the site was computed at. `pharos notify --built dist`
 * reads it, so it announces what the deployed site shows, not what its own later clock says (a
 * maintenance window starting between the build and the notify job is announced by the next build).
 */
import type { APIRoute } from 'astro';

/** Built once, at build time. */
export const GET: APIRoute = ({ locals }) =>
  new Response(`${JSON.stringify({ now: locals.content.now })}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
