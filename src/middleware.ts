/** Hands every page and endpoint the build's content as `Astro.locals.content` (loaded once per build). */
import { defineMiddleware } from 'astro:middleware';
import { siteContent } from './lib/site-data.ts';

/** Sets `locals.content` before the page renders. */
export const onRequest = defineMiddleware((context, next) => {
  context.locals.content = siteContent();
  return next();
});
