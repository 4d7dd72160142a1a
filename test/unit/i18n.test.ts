import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { localize, pluralKey, translator } from '../../src/lib/i18n.ts';
import { ROOT, loadOrThrow } from '../helpers/fixtures.ts';

const dir = join(ROOT, 'src/i18n');
const load = (f: string) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Record<string, string>;
const en = load('en.json');
const others = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'en.json');

describe('UI strings', () => {
  test('there are locale files besides en.json', () => {
    expect(others.sort()).toEqual(['fr.json', 'sv.json']);
  });
  test.each(others)('%s has every key of en.json and no other', (file) => {
    const strings = load(file);
    expect(Object.keys(strings).sort()).toEqual(Object.keys(en).sort());
  });
  test.each(others)('%s keeps every {placeholder} of en.json', (file) => {
    const strings = load(file);
    for (const [key, value] of Object.entries(en)) {
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(strings[key] ?? ''), `${file} ${key}`).toEqual(names(value));
    }
  });
  test.each(others)('%s is translated, not copied (most strings differ from English)', (file) => {
    const strings = load(file);
    const same = Object.keys(en).filter((k) => strings[k] === en[k]);
    expect(same.length / Object.keys(en).length).toBeLessThan(0.25);
  });
});

describe("UI strings are the generator's, not the vendor's", () => {
  // Another vendor replaces content/ and nothing else, so no UI string may state the default
  // vendor's policy: its products, its portal or its programmes belong in content/.
  const c = loadOrThrow(join(ROOT, 'content'));
  const words = [
    ...new Set([...c.products.map((p) => p.name), ...c.products.map((p) => p.name.replace(/^Planview /, '')), 'Planview', 'Customer Care', 'SaaS']),
  ];
  test.each(['en.json', ...others])('%s names no product, portal or programme of the default content', (file) => {
    const strings = load(file);
    const found = Object.entries(strings).flatMap(([key, value]) => words.filter((w) => new RegExp(`\\b${w}\\b`).test(value)).map((w) => `${key}: ${w}`));
    expect(found).toEqual([]);
  });
});

describe('translator', () => {
  test('fills placeholders', () => {
    expect(translator('sv')('home.firstResponse', { target: '30 minuter' })).toBe('Första svar inom 30 minuter');
  });
  test('falls back to English for a locale without strings', () => {
    expect(translator('de')('nav.status')).toBe('Status');
  });
  test.each([
    ['en', 1, 'one'],
    ['en', 2, 'other'],
    ['fr', 0, 'one'],
    ['sv', 0, 'other'],
  ] as const)('plural of %s %d is %s', (locale, n, key) => {
    expect(pluralKey(locale, n)).toBe(key);
  });
});

describe('localize', () => {
  test.each([
    ['plain string is the default locale', 'Hello', 'sv', { text: 'Hello', lang: 'en' }],
    ['own locale wins', { en: 'Hello', sv: 'Hej' }, 'sv', { text: 'Hej', lang: 'sv' }],
    ['missing locale falls back to the default, marked', { en: 'Hello', sv: 'Hej' }, 'fr', { text: 'Hello', lang: 'en' }],
  ])('%s', (_name, value, locale, expected) => {
    expect(localize(value, locale, 'en')).toEqual(expected);
  });
});
