/**
 * Which Chromium the browser tests and the Lighthouse bench drive, so that `npm install && npm test`
 * passes on a machine with nothing but Node and npm. In order:
 *
 * 1. `$CHROME_PATH`, when set (a path that does not exist is an error, never a silent fallback);
 * 2. a Chromium or Chrome on PATH (Debian's `chromium`, `google-chrome`, ...);
 * 3. the Chromium inside the `@sparticuz/chromium` dev dependency: its npm tarball carries a
 *    brotli-packed chrome-headless-shell (full ICU and time-zone data built in) and the NSS
 *    libraries it links against, so nothing is downloaded from anywhere but the npm registry.
 *    It is unpacked once into node_modules/.cache/pharos/ (about 210 MB, two seconds).
 *
 * With none of them, the lookup throws an error that names all three ways to get one: browser
 * tests fail, they are never skipped.
 */
import {
  constants,
  accessSync,
  createReadStream,
  createWriteStream,
  existsSync,
  linkSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { delimiter, dirname, isAbsolute, join, normalize } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, createBrotliDecompress } from 'node:zlib';

/** The npm package that carries a Chromium in its tarball. */
export const BROWSER_PACKAGE = '@sparticuz/chromium';

/** Executable names looked up on PATH, in this order. */
export const SYSTEM_BROWSER_NAMES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome', 'chrome'] as const;

/**
 * Headless flags for every launch: no sandbox (tests run as root in containers), no GPU, and none
 * of Chromium's own network traffic (the machine reaches only package registries, and refused
 * connections would slow every start and skew Lighthouse's numbers).
 */
export const CHROME_FLAGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Where the chosen browser comes from. */
export type BrowserSource = 'CHROME_PATH' | 'system' | 'package';

/** The lookup's answer: an executable to start, or the installed package to unpack one from. */
export type BrowserChoice = { source: 'CHROME_PATH' | 'system'; path: string } | { source: 'package'; packageDir: string };

/** What the lookup may ask of the machine; the real one is `machineProbe()`, tests pass their own. */
export interface BrowserProbe {
  env: Readonly<Record<string, string | undefined>>;
  /** Whether a file exists (for CHROME_PATH, whose failure should say "does not exist"). */
  exists: (path: string) => boolean;
  /** Whether a file exists and may be executed (for PATH entries). */
  isExecutable: (path: string) => boolean;
  /** The installed browser package's folder, or undefined when it is not installed. */
  packageDir: () => string | undefined;
  /** `process.platform` and `process.arch`: the package's Chromium is a Linux x64 build. */
  platform: string;
  arch: string;
}

/** A browser ready to start: its executable, the environment to start it with, and where it came from. */
export interface FoundBrowser {
  source: BrowserSource;
  path: string;
  env: Record<string, string>;
}

/** The three ways to get a browser, for every "none found" message. */
const HOW_TO_GET_ONE =
  'The browser tests need a Chromium. Any one of these gives them one:\n' +
  '  1. set CHROME_PATH to a Chromium or Chrome executable;\n' +
  '  2. install one on PATH (Debian: apt-get install chromium; or Google Chrome), looked up as ' +
  `${SYSTEM_BROWSER_NAMES.join(', ')};\n` +
  `  3. run npm install (or npm ci): the dev dependency ${BROWSER_PACKAGE} carries a Chromium for Linux x64.`;

/**
 * Picks the browser by the order above without touching the file system except through `probe`;
 * throws with the three ways to get one when there is none.
 */
export function chooseBrowser(probe: BrowserProbe): BrowserChoice {
  const chosen = probe.env['CHROME_PATH'];
  if (chosen) {
    // An explicit choice that is wrong is a mistake to report, not a reason to test another browser.
    if (!probe.exists(chosen))
      throw new Error(`CHROME_PATH is "${chosen}", which does not exist (expected the path of a Chromium or Chrome executable).\n${HOW_TO_GET_ONE}`);
    return { source: 'CHROME_PATH', path: chosen };
  }
  const dirs = (probe.env['PATH'] ?? '').split(delimiter).filter((d) => isAbsolute(d));
  for (const name of SYSTEM_BROWSER_NAMES) {
    for (const dir of dirs) {
      const path = join(dir, name);
      if (probe.isExecutable(path)) return { source: 'system', path };
    }
  }
  const packageDir = probe.packageDir();
  if (packageDir !== undefined && probe.platform === 'linux' && probe.arch === 'x64') return { source: 'package', packageDir };
  const why =
    packageDir === undefined
      ? `${BROWSER_PACKAGE} is not installed`
      : `${BROWSER_PACKAGE} is installed but its Chromium runs on Linux x64 only (this is ${probe.platform} ${probe.arch})`;
  throw new Error(`No Chromium found: CHROME_PATH is not set, none of ${SYSTEM_BROWSER_NAMES.join(', ')} is on PATH, and ${why}.\n${HOW_TO_GET_ONE}`);
}

/** The probe of this machine and process. */
export function machineProbe(): BrowserProbe {
  return {
    env: process.env,
    exists: existsSync,
    isExecutable: (path) => {
      try {
        accessSync(path, constants.X_OK);
        return true;
      } catch {
        return false;
      }
    },
    packageDir: () => {
      try {
        // The package exports only its entry point (build/index.js); its bin/ folder is beside build/.
        // The name is written out rather than BROWSER_PACKAGE so that knip sees the dependency used.
        return dirname(dirname(fileURLToPath(import.meta.resolve('@sparticuz/chromium'))));
      } catch {
        return undefined;
      }
    },
    platform: process.platform,
    arch: process.arch,
  };
}

/** The browser to drive on this machine, the package's unpacked on first use. */
export async function findBrowser(probe: BrowserProbe = machineProbe()): Promise<FoundBrowser> {
  const choice = chooseBrowser(probe);
  if (choice.source !== 'package') return { source: choice.source, path: choice.path, env: processEnv() };
  return packagedBrowser(choice.packageDir);
}

/** The project root: the cache lives in its node_modules, which `npm ci` wipes along with the package. */
const ROOT = join(import.meta.dirname, '../..');

/**
 * Unpacks the package's Chromium (once per package version) and returns it with the environment
 * it needs: its own NSS libraries first on LD_LIBRARY_PATH, so a machine without libnss3 can run
 * it, and its fonts when the machine has no fontconfig set-up at all.
 */
export async function packagedBrowser(packageDir: string, cacheRoot = join(ROOT, 'node_modules/.cache/pharos')): Promise<FoundBrowser> {
  const version = (JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string }).version;
  const bin = join(packageDir, 'bin');
  const dir = join(cacheRoot, `chromium-${version}`);
  mkdirSync(dir, { recursive: true });

  const libDir = join(dir, 'al2023');
  if (!existsSync(libDir)) unpackTarInto(join(bin, 'al2023.tar.br'), libDir);
  const env = processEnv();
  env['LD_LIBRARY_PATH'] = [join(libDir, 'lib'), ...(env['LD_LIBRARY_PATH'] ?? '').split(':').filter(Boolean)].join(':');

  // Chromium finds fonts through fontconfig, set up in /etc/fonts. A machine without that set-up has
  // as a rule no fonts either, and Chromium then draws no text at all (seen: every line 0 px wide),
  // so the package's Open Sans stands in.
  if (!existsSync('/etc/fonts/fonts.conf') && env['FONTCONFIG_PATH'] === undefined && env['FONTCONFIG_FILE'] === undefined) {
    const fontsDir = join(dir, 'fonts');
    if (!existsSync(fontsDir)) unpackTarInto(join(bin, 'fonts.tar.br'), fontsDir);
    const confDir = join(dir, 'fontconfig');
    mkdirSync(confDir, { recursive: true });
    // Rewritten by each run (the cache folder may have moved) through a scratch file renamed over
    // the old one, so a browser another worker started meanwhile never reads a half-written file.
    const conf = join(confDir, 'fonts.conf');
    const scratch = `${conf}.${uniqueSuffix()}.partial`;
    try {
      writeFileSync(
        scratch,
        `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <dir>${xmlText(join(fontsDir, 'fonts'))}</dir>\n  <cachedir>${xmlText(join(dir, 'fontconfig-cache'))}</cachedir>\n</fontconfig>\n`,
      );
      renameSync(scratch, conf);
    } finally {
      rmSync(scratch, { force: true });
    }
    env['FONTCONFIG_PATH'] = confDir;
  }

  const path = join(dir, 'chromium');
  if (!existsSync(path)) {
    // Written beside its final name and then put in place, so a run that is killed half-way never
    // starts a half-written binary. Several runs at once (test workers, the bench) may all get
    // here: the first to finish wins, and the others never replace its file, because a browser
    // started from it re-executes its own path for every GPU and renderer process, and a replaced
    // binary makes those fail ("GPU process isn't usable").
    const partial = `${path}.${uniqueSuffix()}.partial`;
    try {
      await pipeline(createReadStream(join(bin, 'chromium.br')), createBrotliDecompress(), createWriteStream(partial, { mode: 0o755 }));
      placeUnlessPresent(partial, path);
    } finally {
      rmSync(partial, { force: true });
    }
  }
  return { source: 'package', path, env };
}

/**
 * Gives the finished file `partial` the name `path` unless a file already has it. A hard link
 * does that in one step (rename would replace the other file); the caller removes `partial`.
 */
function placeUnlessPresent(partial: string, path: string): void {
  try {
    linkSync(partial, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return;
    // A file system without hard links (some network and FUSE mounts): a rename, unless another
    // run placed its copy meanwhile (a moment's window instead of none).
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP') {
      if (!existsSync(path)) renameSync(partial, path);
      return;
    }
    throw error;
  }
}

/** A name part no other run or worker thread (which shares the process id) picks at the same moment. */
function uniqueSuffix(): string {
  return `${process.pid}-${randomBytes(4).toString('hex')}`;
}

/** Text for an XML element: the cache folder's path goes into fonts.conf. */
function xmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** process.env without its unset entries (Playwright and chrome-launcher want strings). */
function processEnv(): Record<string, string> {
  return Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined));
}

/**
 * Unpacks a brotli-compressed tar of plain files and folders (the package's library and font
 * archives, a few megabytes) into `target`, through a scratch folder renamed at the end for the
 * same reason as the binary. Anything else in the archive (links, devices, paths leaving the
 * folder) is refused rather than guessed at.
 */
function unpackTarInto(archive: string, target: string): void {
  const tar = brotliDecompressSync(readFileSync(archive));
  const scratch = `${target}.${uniqueSuffix()}.partial`;
  rmSync(scratch, { recursive: true, force: true });
  try {
    for (let at = 0; at + 512 <= tar.length;) {
      const header = tar.subarray(at, at + 512);
      // Two zero blocks end the archive; one is enough to stop reading.
      if (header.every((b) => b === 0)) break;
      const field = (from: number, length: number) =>
        header
          .subarray(from, from + length)
          .toString('utf8')
          .replace(/\0.*$/s, '');
      const name = normalize([field(345, 155), field(0, 100)].filter(Boolean).join('/'));
      const size = Number.parseInt(field(124, 12).trim() || '0', 8);
      const type = field(156, 1) || '0';
      if (isAbsolute(name) || name === '..' || name.startsWith('../')) throw new Error(`${archive}: entry "${name}" leaves the folder`);
      const out = join(scratch, name);
      if (type === '5') mkdirSync(out, { recursive: true });
      else if (type === '0') {
        mkdirSync(dirname(out), { recursive: true });
        writeFileSync(out, tar.subarray(at + 512, at + 512 + size), { mode: Number.parseInt(field(100, 8).trim() || '644', 8) & 0o777 });
      } else throw new Error(`${archive}: entry "${name}" is of tar type "${type}", which this reader does not unpack`);
      at += 512 + Math.ceil(size / 512) * 512;
    }
    try {
      renameSync(scratch, target);
    } catch (error) {
      // Another run unpacked the same archive first: theirs is as good as ours.
      if (!existsSync(target)) throw error;
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
