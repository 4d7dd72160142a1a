/**
 * The incident history filters by product and severity with plain links to pages of their own,
 * each over the whole history (not one page of 25), so they work the same with JavaScript off; a
 * product link keeps the chosen severity and the other way round. Every entry says how long a
 * resolved incident lasted.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import type { SiteContent } from '../../src/lib/content/load.ts';
import { formatDuration } from '../../src/lib/durations.ts';
import { ROOT, sharedBuild, loadOrThrow } from '../helpers/fixtures.ts';

const CONTENT = join(ROOT, 'content');
let c: SiteContent;
let dist: string;
beforeAll(() => {
  c = loadOrThrow(CONTENT);
  const run = sharedBuild(CONTENT);
  expect(run.status, run.stderr).toBe(0);
  dist = run.outDir;
});

const page = (path: string) => readFileSync(join(dist, path, 'index.html'), 'utf8');
/** The incident links of a history page, in order. */
const listed = (html: string) => [...html.matchAll(/<h3 class="title"[^>]*><a href="\/(?:\w\w\/)?incidents\/([^/"]+)\/"/g)].map((m) => m[1]);
/** The filter navigation's links. */
const filterLinks = (html: string) =>
  [...(/<nav aria-label="Filter the history"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '').matchAll(/href="([^"]+)"/g)].map((m) => m[1]);

test('the whole history links every product and every severity, and runs no filter script', () => {
  const html = page('incidents');
  const links = filterLinks(html);
  for (const p of c.products) expect(links).toContain(`/incidents/product/${p.id}/`);
  for (const s of c.severities) expect(links).toContain(`/incidents/severity/${s.id}/`);
  expect(html).not.toMatch(/data-filter|history-filter/);
});

test.each(['projectplace', 'enterprise-one', 'daptiv'])("a product's page lists every incident of that product, newest first", (product) => {
  const expected = c.incidents.filter((i) => i.affects.some((a) => a.product === product)).map((i) => i.id);
  expect(expected.length).toBeGreaterThan(0);
  const html = page(`incidents/product/${product}`);
  expect(listed(html)).toEqual(expected);
  // Choosing a severity there keeps the product.
  expect(filterLinks(html)).toContain(`/incidents/product/${product}/severity/critical/`);
  // The chosen product is marked, not linked.
  expect(html).toMatch(new RegExp(`<span aria-current="page"[^>]*>${c.products.find((p) => p.id === product)!.name}</span>`));
});

test("a severity's page, and a product with a severity", () => {
  for (const s of c.severities) expect(listed(page(`incidents/severity/${s.id}`))).toEqual(c.incidents.filter((i) => i.severity === s.id).map((i) => i.id));
  const both = c.incidents.filter((i) => i.severity === 'critical' && i.affects.some((a) => a.product === 'projectplace')).map((i) => i.id);
  expect(listed(page('incidents/product/projectplace/severity/critical'))).toEqual(both);
  expect(page('sv/incidents/product/projectplace/severity/critical')).toContain('<nav aria-label="Filtrera historiken"');
});

test('a choice without incidents says so', () => {
  const empty = c.products
    .flatMap((p) => c.severities.map((s) => [p.id, s.id] as const))
    .find(([p, s]) => !c.incidents.some((i) => i.severity === s && i.affects.some((a) => a.product === p)))!;
  expect(page(`incidents/product/${empty[0]}/severity/${empty[1]}`)).toContain('No incident matches this choice.');
});

test('every resolved entry says how long it lasted', () => {
  const html = page('incidents');
  for (const i of c.incidents.filter((x) => x.resolved)) expect(html).toContain(`Resolved in ${formatDuration(i.started, i.resolved!, 'en')}`);
  expect(page('fr/incidents')).toContain('Résolu en ');
});
