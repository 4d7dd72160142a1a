/** What the floor's pages read: the generated incidents' ids and titles, with node:fs only. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The site's languages, default first (served at the root). */
export const LOCALES = ['en', 'sv', 'fr'] as const;

/** One incident: its id (file name) and its title per language, falling back to English. */
export interface FloorIncident {
  id: string;
  titles: Record<string, string>;
}

/** The generated content folder (BENCH_CONTENT). */
function contentDir(): string {
  const dir = process.env.BENCH_CONTENT;
  if (!dir) throw new Error('BENCH_CONTENT is not set (expected the generated content folder)');
  return dir;
}

/** Reads every incident's title from its front matter: `title: "..."` or a map of `  xx: "..."` lines. */
export function incidents(): FloorIncident[] {
  const dir = join(contentDir(), 'incidents');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((file) => {
      const text = readFileSync(join(dir, file), 'utf8');
      const titles: Record<string, string> = {};
      const single = /^title: (".*")$/m.exec(text);
      if (single) titles.en = JSON.parse(single[1]!) as string;
      else
        for (const m of /^title:\n((?: {2}\w+: ".*"\n)+)/m.exec(text)?.[1]?.matchAll(/^ {2}(\w+): (".*")$/gm) ?? [])
          titles[m[1]!] = JSON.parse(m[2]!) as string;
      return { id: file.slice(0, -3), titles };
    });
}

/** How many filler pages bring the floor to BENCH_FLOOR_PAGES HTML pages (0 when unset). */
export function fillerCount(incidentPages: number): number {
  const total = Number(process.env.BENCH_FLOOR_PAGES ?? 0);
  return Math.max(0, total - incidentPages);
}
