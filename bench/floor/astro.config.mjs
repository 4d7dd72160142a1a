// The benchmark's floor: a bare Astro site with one plain page per generated incident and locale
// (and plain filler pages up to the Pharos build's page count). Built with --root bench/floor.
import { defineConfig } from 'astro/config';

export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  compressHTML: true,
  build: { format: 'directory' },
  // Keep Astro's and Vite's caches out of bench/floor (bench/out is git-ignored).
  cacheDir: '../out/floor-cache/astro',
  vite: { cacheDir: '../out/floor-cache/vite' },
});
