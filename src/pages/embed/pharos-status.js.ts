/**
 * /embed/pharos-status.js: the <pharos-status> custom element (src/widget/pharos-status.ts),
 * compiled and minified at build time with the site's words, products, shapes and colours in it.
 */
import type { APIRoute } from 'astro';
import { transform } from 'esbuild';
import { widgetData } from '../../lib/badges.ts';
import source from '../../widget/pharos-status.ts?raw';

/** Built once, at build time, from content. */
export const GET: APIRoute = async ({ locals }) => {
  const { code } = await transform(source, {
    loader: 'ts',
    format: 'esm',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    define: { PHAROS_WIDGET: JSON.stringify(widgetData(locals.content)) },
  });
  return new Response(code, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
};
