/** Astro integration: validates content/ before anything is built, and stops the build on errors. */
import type { AstroIntegration } from 'astro';
import { ContentInvalidError, formatError } from '../lib/content/errors.ts';
import { siteContent } from '../lib/site-data.ts';

/** Runs the same validation as `pharos check` when the build starts; prints every problem and aborts. */
export function contentCheck(): AstroIntegration {
  return {
    name: 'pharos:content-check',
    hooks: {
      'astro:config:setup': ({ logger, command }) => {
        if (command !== 'build' && command !== 'dev') return;
        let errors;
        try {
          siteContent();
          return;
        } catch (e) {
          if (!(e instanceof ContentInvalidError)) throw e;
          errors = e.errors;
        }
        for (const e of errors) logger.error(formatError(e));
        const error = new Error(
          `${errors.length} problem${errors.length === 1 ? '' : 's'} in content; nothing was built. Fix the files above (\`npm run check\` lists them again).`,
        );
        // A stack trace would point into Pharos, not at the content: the lines above say where.
        error.stack = '';
        throw error;
      },
    },
  };
}
