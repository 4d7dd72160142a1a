/** The benchmark's content generator: same seed, same site; and the site is valid content. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { BENCH_NOW, generateSite } from '../../bench/generate.ts';
import { loadContent, type SiteContent } from '../../src/lib/content/load.ts';
import { maintenanceState, isOpen } from '../../src/lib/status.ts';
import { listFiles, runCli, tempDir } from '../helpers/fixtures.ts';

/** Every generated file with its text, by relative path. */
function snapshot(dir: string): Map<string, string> {
  return new Map(listFiles(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

function generated(incidents: number, seed: number): string {
  const dir = join(tempDir('bench'), 'content');
  generateSite({ incidents, dir, seed });
  return dir;
}

describe('generateSite', () => {
  let first: Map<string, string>;
  beforeAll(() => {
    first = snapshot(generated(50, 8));
  });

  test('the same seed writes the same files, byte for byte', () => {
    const again = snapshot(generated(50, 8));
    expect([...again.keys()]).toEqual([...first.keys()]);
    for (const [file, text] of first) expect(again.get(file), file).toBe(text);
  });

  test('another seed writes other incidents', () => {
    const other = snapshot(generated(50, 9));
    const incidents = (m: Map<string, string>) => [...m.keys()].filter((f) => f.startsWith('incidents/'));
    expect(incidents(other)).toHaveLength(50);
    expect(incidents(other)).not.toEqual(incidents(first));
  });

  test("a larger site keeps the smaller one's incidents unchanged (the newest items are the same at every N)", () => {
    const larger = snapshot(generated(80, 8));
    for (const [file, text] of first) if (file.startsWith('incidents/')) expect(larger.get(file), file).toBe(text);
  });
});

describe('a generated site of 50 incidents', () => {
  let dir: string;
  let content: SiteContent;
  beforeAll(() => {
    dir = generated(50, 8);
    const result = loadContent(dir, { env: { PHAROS_NOW: BENCH_NOW } });
    expect(result.errors).toEqual([]);
    if (!result.ok) throw new Error('generated content does not load');
    content = result.content;
  });

  test('pharos check finds no problem and no policy warning (reports and closing notices are there)', () => {
    const run = runCli(['check', '--content', dir], { PHAROS_NOW: BENCH_NOW });
    expect(run.stderr).not.toMatch(/warning|error/i);
    expect(run.status).toBe(0);
  });

  test('has the incidents asked for, with 1-3 products and 2-6 updates each', () => {
    expect(content.incidents).toHaveLength(50);
    for (const inc of content.incidents) {
      expect(inc.affects.length, inc.id).toBeGreaterThanOrEqual(1);
      expect(inc.affects.length, inc.id).toBeLessThanOrEqual(3);
      expect(inc.updates.length, inc.id).toBeGreaterThanOrEqual(2);
      expect(inc.updates.length, inc.id).toBeLessThanOrEqual(6);
    }
  });

  test('mixes open and resolved incidents, reports, and English-only and translated text', () => {
    expect(content.incidents.filter((i) => isOpen(i, content.now)).length).toBeGreaterThan(0);
    expect(content.incidents.filter((i) => !isOpen(i, content.now)).length).toBeGreaterThan(0);
    expect(content.incidents.filter((i) => i.body.includes('Post-incident report')).length).toBeGreaterThan(0);
    const langs = (i: (typeof content.incidents)[number]) => (typeof i.title === 'string' ? ['en'] : Object.keys(i.title));
    expect(new Set(content.incidents.map((i) => langs(i).join(',')))).toEqual(new Set(['en', 'en,sv', 'en,sv,fr']));
  });

  test('has maintenance in every state and releases for the products on a cadence', () => {
    expect(new Set(content.maintenance.map((m) => maintenanceState(m, content.now)))).toEqual(new Set(['scheduled', 'in_progress', 'cancelled', 'completed']));
    expect(Object.keys(content.releases).sort()).toEqual(
      content.products
        .filter((p) => p.cadence.kind !== 'continuous')
        .map((p) => p.id)
        .sort(),
    );
  });
});
