/**
 * Astro integration: validates content/ before anything is built, and stops the build on errors.
 * The pages then read the content this check loaded: src/lib/site-data.ts stays outside the page
 * bundle, so the built pages import the very module instance the check used, from Node, instead of
 * a bundled copy that would read and validate every file again.
 */
import type { AstroIntegration } from 'astro';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ContentInvalidError, formatError } from '../lib/content/errors.ts';
import { siteContent } from '../lib/site-data.ts';

/** The module that loads the content once per process. */
const SITE_DATA = fileURLToPath(new URL('../lib/site-data.ts', import.meta.url));

/** Runs the same validation as `pharos check` when the build starts; prints every problem and aborts. */
export function contentCheck(): AstroIntegration {
  return {
    name: 'pharos:content-check',
    hooks: {
      'astro:config:setup': ({ logger, command, updateConfig }) => {
        if (command !== 'build' && command !== 'dev') return;
        if (command === 'build') {
          updateConfig({
            vite: {
              plugins: [
                {
                  name: 'pharos:content-once',
                  enforce: 'pre',
                  // An absolute file URL, kept as written: the bundle is written to a temporary
                  // folder, where a relative import would point at nothing.
                  resolveId(source, importer) {
                    if (!importer || !source.startsWith('.') || !source.endsWith('site-data.ts')) return null;
                    if (resolve(dirname(importer.replace(/[?#].*$/, '')), source) !== SITE_DATA) return null;
                    return { id: pathToFileURL(SITE_DATA).href, external: 'absolute' };
                  },
                },
              ],
            },
          });
        }
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
