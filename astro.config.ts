// Astro configuration: static output, site URL and base from content/site.yaml or the environment.
import { defineConfig } from 'astro/config';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { contentCheck } from './src/integrations/content-check.ts';
import { contentDir } from './src/lib/site-data.ts';

/** The site's public URL: PHAROS_SITE, else site.yaml's url (validated by the content check). */
function siteUrl(): string | undefined {
  if (process.env.PHAROS_SITE) return process.env.PHAROS_SITE;
  try {
    const url = (parse(readFileSync(join(contentDir(), 'site.yaml'), 'utf8')) as { url?: unknown } | null)?.url;
    return typeof url === 'string' ? url : undefined;
  } catch {
    return undefined;
  }
}

const site = siteUrl();

export default defineConfig({
  output: 'static',
  ...(site ? { site } : {}),
  base: process.env.PHAROS_BASE ?? '/',
  trailingSlash: 'always',
  // HTML whitespace rules: the 'jsx' default drops the space at a line break between inline elements.
  compressHTML: true,
  build: { format: 'directory' },
  integrations: [contentCheck()],
});
