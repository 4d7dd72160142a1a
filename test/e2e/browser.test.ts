/**
 * The browser lookup (test/helpers/browser.ts): CHROME_PATH wins, then a Chromium or Chrome on PATH,
 * then the one the @sparticuz/chromium dev dependency carries; with none, an error naming all three
 * ways to get one. Then the packaged Chromium itself, started even where a system one exists, so
 * that a machine with nothing but Node and npm is known to get a browser with full ICU and zone data.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { chromium } from 'playwright-core';
import { CHROME_FLAGS, chooseBrowser, machineProbe, packagedBrowser, type BrowserProbe } from '../helpers/browser.ts';

/** A machine with the given files (all executable) and the package installed or not. */
function probe(options: { env?: Record<string, string>; files?: string[]; packageDir?: string; platform?: string; arch?: string }): BrowserProbe {
  const files = new Set(options.files ?? []);
  return {
    env: { PATH: '/usr/local/bin:/usr/bin:/bin', ...options.env },
    exists: (p) => files.has(p),
    isExecutable: (p) => files.has(p),
    packageDir: () => options.packageDir,
    platform: options.platform ?? 'linux',
    arch: options.arch ?? 'x64',
  };
}

const PKG = '/repo/node_modules/@sparticuz/chromium';

describe('browser lookup', () => {
  test('CHROME_PATH wins over a system browser and the package', () => {
    expect(chooseBrowser(probe({ env: { CHROME_PATH: '/opt/my/chrome' }, files: ['/opt/my/chrome', '/usr/bin/chromium'], packageDir: PKG }))).toEqual({
      source: 'CHROME_PATH',
      path: '/opt/my/chrome',
    });
  });

  test('a CHROME_PATH that does not exist is an error, not a fallback to another browser', () => {
    expect(() => chooseBrowser(probe({ env: { CHROME_PATH: '/nowhere/chrome' }, files: ['/usr/bin/chromium'], packageDir: PKG }))).toThrow(
      /CHROME_PATH is "\/nowhere\/chrome", which does not exist/,
    );
  });

  test('an empty CHROME_PATH counts as unset', () => {
    expect(chooseBrowser(probe({ env: { CHROME_PATH: '' }, files: ['/usr/bin/chromium'], packageDir: PKG }))).toEqual({
      source: 'system',
      path: '/usr/bin/chromium',
    });
  });

  test('a system browser on PATH wins over the package', () => {
    expect(chooseBrowser(probe({ files: ['/usr/bin/chromium'], packageDir: PKG }))).toEqual({ source: 'system', path: '/usr/bin/chromium' });
    expect(chooseBrowser(probe({ files: ['/usr/bin/google-chrome'], packageDir: PKG }))).toEqual({ source: 'system', path: '/usr/bin/google-chrome' });
  });

  test('Chromium before Chrome, and PATH order within a name', () => {
    expect(chooseBrowser(probe({ files: ['/usr/bin/google-chrome', '/usr/bin/chromium'] }))).toEqual({ source: 'system', path: '/usr/bin/chromium' });
    expect(chooseBrowser(probe({ files: ['/usr/bin/chromium', '/usr/local/bin/chromium'] }))).toEqual({ source: 'system', path: '/usr/local/bin/chromium' });
  });

  test('relative PATH entries are not searched (the working folder is not a place to find a browser)', () => {
    expect(chooseBrowser(probe({ env: { PATH: '.:bin:/usr/bin' }, files: ['bin/chromium', '/usr/bin/chromium'] }))).toEqual({
      source: 'system',
      path: '/usr/bin/chromium',
    });
  });

  test('the package when there is no other', () => {
    expect(chooseBrowser(probe({ packageDir: PKG }))).toEqual({ source: 'package', packageDir: PKG });
    expect(chooseBrowser(probe({ env: { PATH: '' }, packageDir: PKG }))).toEqual({ source: 'package', packageDir: PKG });
  });

  test('no browser at all: an error naming the three ways to get one', () => {
    const error = (() => {
      try {
        chooseBrowser(probe({ files: ['/usr/bin/firefox'] }));
      } catch (e) {
        return e instanceof Error ? e.message : String(e);
      }
      return 'no error';
    })();
    expect(error).toMatch(/^No Chromium found: CHROME_PATH is not set, none of chromium, .* is on PATH, and @sparticuz\/chromium is not installed\./);
    expect(error).toContain('set CHROME_PATH to a Chromium or Chrome executable');
    expect(error).toContain('apt-get install chromium');
    expect(error).toContain('run npm install (or npm ci): the dev dependency @sparticuz/chromium carries a Chromium');
  });

  test('the package on another platform is no browser, and the error says why', () => {
    expect(() => chooseBrowser(probe({ packageDir: PKG, platform: 'darwin', arch: 'arm64' }))).toThrow(
      /@sparticuz\/chromium is installed but its Chromium runs on Linux x64 only \(this is darwin arm64\)[^]*CHROME_PATH/,
    );
  });
});

describe("unpacking the package's Chromium", () => {
  test('runs unpacking at once (test workers, the bench) keep the first binary: one already started is never replaced', async () => {
    const root = mkdtempSync(join(tmpdir(), 'pharos-browser-'));
    try {
      // A stand-in package: a "binary" and two empty archives, in the package's layout.
      const pkg = join(root, 'pkg');
      mkdirSync(join(pkg, 'bin'), { recursive: true });
      writeFileSync(join(pkg, 'package.json'), JSON.stringify({ version: '0.0.0-test' }));
      writeFileSync(join(pkg, 'bin/chromium.br'), brotliCompressSync(Buffer.from('#!/bin/sh\necho chromium\n'.repeat(20_000))));
      // An archive holding one folder: a tar header (name, type "5") and the two closing blocks.
      const header = Buffer.alloc(512);
      header.write('lib/', 0);
      header.write('5', 156);
      const folderTar = brotliCompressSync(Buffer.concat([header, Buffer.alloc(1024)]));
      writeFileSync(join(pkg, 'bin/al2023.tar.br'), folderTar);
      writeFileSync(join(pkg, 'bin/fonts.tar.br'), folderTar);
      const cache = join(root, 'cache');

      // Each run notes the binary's inode the moment it is handed back, as a worker that starts
      // the browser at once would; a later run replacing the file would change it under them.
      const seen = await Promise.all(
        Array.from({ length: 6 }, () => packagedBrowser(pkg, cache).then((found) => ({ path: found.path, inode: statSync(found.path).ino }))),
      );
      const final = statSync(seen[0]!.path);
      expect(new Set(seen.map((s) => s.path)).size).toBe(1);
      expect(seen.map((s) => s.inode)).toEqual(seen.map(() => final.ino));
      expect(readFileSync(seen[0]!.path, 'utf8')).toBe('#!/bin/sh\necho chromium\n'.repeat(20_000));
      // No scratch files left behind.
      expect(readdirSync(join(cache, 'chromium-0.0.0-test')).filter((name) => name.includes('partial'))).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

const JANUARY_TO_DECEMBER = Array.from({ length: 12 }, (_, m) => Date.UTC(2026, m, 15, 12));

// The package's Chromium is a Linux x64 build; elsewhere the lookup above says so and CHROME_PATH
// or a system browser is the way.
describe.runIf(process.platform === 'linux' && process.arch === 'x64')('the Chromium that @sparticuz/chromium carries', () => {
  test("starts headless as root with the tests' flags and has full ICU and time-zone data", async () => {
    const packageDir = machineProbe().packageDir();
    expect(packageDir, 'the dev dependency @sparticuz/chromium is installed (npm install)').toBeDefined();
    const found = await packagedBrowser(packageDir!);
    const browser = await chromium.launch({ executablePath: found.path, env: found.env, headless: true, args: [...CHROME_FLAGS] });
    try {
      const page = await browser.newPage();
      const facts = await page.evaluate((months) => {
        const wall = (iso: string, zone: string) =>
          new Intl.DateTimeFormat('en-GB', { timeZone: zone, hourCycle: 'h23', hour: '2-digit', minute: '2-digit' }).format(Date.parse(iso));
        const monthNames = (lang: string) => months.map((ms) => new Intl.DateTimeFormat(lang, { month: 'long', timeZone: 'UTC' }).format(ms));
        return {
          sv: monthNames('sv'),
          fr: monthNames('fr'),
          svLocale: new Intl.DateTimeFormat('sv').resolvedOptions().locale,
          frLocale: new Intl.DateTimeFormat('fr').resolvedOptions().locale,
          chicagoWinter: wall('2026-11-22T09:26:00Z', 'America/Chicago'),
          chicagoSummer: wall('2026-07-01T12:00:00Z', 'America/Chicago'),
          kolkata: wall('2026-11-22T09:26:00Z', 'Asia/Kolkata'),
          lordHowe: wall('2026-01-15T00:00:00Z', 'Australia/Lord_Howe'),
          zones: Intl.supportedValuesOf('timeZone').length,
        };
      }, JANUARY_TO_DECEMBER);
      expect(facts.sv).toEqual(['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december']);
      expect(facts.fr).toEqual(['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre']);
      expect([facts.svLocale, facts.frLocale]).toEqual(['sv', 'fr']);
      // CST (UTC-6) in November, CDT (UTC-5) in July; India at +05:30; Lord Howe's half-hour summer time (+11:00).
      expect([facts.chicagoWinter, facts.chicagoSummer, facts.kolkata, facts.lordHowe]).toEqual(['03:26', '07:00', '14:56', '11:00']);
      expect(facts.zones).toBeGreaterThan(400);
    } finally {
      await browser.close();
    }
  });
});
