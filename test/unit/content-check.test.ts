/**
 * The content check's hand-over to the pages: in a build, every import of src/lib/site-data.ts
 * from the page bundle becomes an import of that very file from Node, so the pages use the content
 * the check loaded instead of a bundled copy that reads and validates every file again. Any other
 * module, and the dev server, is left to Vite. (That the built pages work with it is what every
 * build test shows.)
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import type { AstroIntegrationLogger } from 'astro';
import { contentCheck } from '../../src/integrations/content-check.ts';
import { MINIMAL, ROOT } from '../helpers/fixtures.ts';

type Resolve = (source: string, importer: string | undefined) => unknown;

/** What the integration's setup hook adds to Vite for `command`: the resolveId hooks of its plugins. */
function resolversFor(command: 'build' | 'dev' | 'preview'): Resolve[] {
  const resolvers: Resolve[] = [];
  const hook = contentCheck().hooks['astro:config:setup'] as unknown as (options: object) => void;
  const logger = { error: () => {} } as unknown as AstroIntegrationLogger;
  hook({
    command,
    logger,
    updateConfig: (config: { vite?: { plugins?: { resolveId?: Resolve }[] } }) => {
      for (const plugin of config.vite?.plugins ?? []) if (plugin.resolveId) resolvers.push(plugin.resolveId);
    },
  });
  return resolvers;
}

const saved = process.env.PHAROS_CONTENT;
afterEach(() => {
  if (saved === undefined) delete process.env.PHAROS_CONTENT;
  else process.env.PHAROS_CONTENT = saved;
});

describe('the pages read the content the check loaded', () => {
  const siteData = { id: pathToFileURL(join(ROOT, 'src/lib/site-data.ts')).href, external: 'absolute' };

  test('a build imports site-data.ts from Node, by its absolute address, from wherever it is imported', () => {
    process.env.PHAROS_CONTENT = MINIMAL;
    const [resolve, ...more] = resolversFor('build');
    expect(more).toEqual([]);
    expect(resolve!('../../../lib/site-data.ts', join(ROOT, 'src/pages/api/v2/[...document].ts'))).toEqual(siteData);
    expect(resolve!('./lib/site-data.ts', join(ROOT, 'src/middleware.ts'))).toEqual(siteData);
    expect(resolve!('../site-data.ts', `${join(ROOT, 'src/lib/views/status.ts')}?v=1`)).toEqual(siteData);
  });

  test('every other module, and a file of the same name elsewhere, stays in the bundle', () => {
    process.env.PHAROS_CONTENT = MINIMAL;
    const [resolve] = resolversFor('build');
    expect(resolve!('../lib/status.ts', join(ROOT, 'src/pages/index.astro'))).toBeNull();
    expect(resolve!('./site-data.ts', join(ROOT, 'test/helpers/x.ts'))).toBeNull();
    expect(resolve!('astro:content', join(ROOT, 'src/middleware.ts'))).toBeNull();
    expect(resolve!('../lib/site-data.ts', undefined)).toBeNull();
  });

  test('the dev server and the preview are left alone', () => {
    process.env.PHAROS_CONTENT = MINIMAL;
    expect(resolversFor('dev')).toEqual([]);
    expect(resolversFor('preview')).toEqual([]);
  });
});
