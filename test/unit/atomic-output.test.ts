/** What the next build finds after a build was killed between two steps of its swap. */
import { existsSync, mkdirSync, promises as fsp, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { lockOutput, recoverOutput, removeForGood } from '../../src/integrations/atomic-output.ts';
import { fileProblem } from '../../src/lib/output-check.ts';
import { tempDir } from '../helpers/fixtures.ts';

/** A folder holding one file `index.html` with `text`. */
function site(path: string, text: string): void {
  mkdirSync(path, { recursive: true });
  writeFileSync(join(path, 'index.html'), text);
}

describe('recoverOutput', () => {
  test.each([
    { name: 'killed after the old site moved aside: the checked new site takes its place', folders: { '.dist-old': 'old', '.dist-ready': 'new' }, dist: 'new' },
    { name: 'killed before the old site moved aside: the checked new site replaces it', folders: { dist: 'old', '.dist-ready': 'new' }, dist: 'new' },
    { name: 'killed while deleting the old site: the rest of it goes', folders: { dist: 'new', '.dist-old': 'old' }, dist: 'new' },
    { name: 'killed while building: the half-written folder goes, the site stays', folders: { dist: 'old', '.dist-new-999999999': 'half' }, dist: 'old' },
    { name: 'folders of the earlier move-aside arrangement go', folders: { dist: 'old', '.dist-previous-1-2': 'older' }, dist: 'old' },
  ])('$name', ({ folders, dist }) => {
    const parent = tempDir('recover');
    for (const [name, text] of Object.entries(folders)) site(join(parent, name), text);
    recoverOutput(join(parent, 'dist'));
    expect(readFileSync(join(parent, 'dist', 'index.html'), 'utf8')).toBe(dist);
    expect(readdirSync(parent)).toEqual(['dist']);
  });

  test('a build that is still running keeps its folder', () => {
    const parent = tempDir('recover');
    site(join(parent, 'dist'), 'old');
    site(join(parent, `.dist-new-${process.ppid}`), 'half');
    recoverOutput(join(parent, 'dist'));
    expect(existsSync(join(parent, `.dist-new-${process.ppid}`))).toBe(true);
  });
});

describe('fileProblem', () => {
  test.each([
    ['feed.xml', '<rss><channel></rss>', /not well-formed XML \(1:\d+: unexpected close tag/],
    // An entity no feed reader can resolve, and a second document glued to the first.
    ['feed.xml', '<rss><channel><title>A &nbsp; B</title></channel></rss>', /not well-formed XML \(1:\d+: undefined entity/],
    ['feed.xml', '<rss><channel/></rss><rss><channel/></rss>', /not well-formed XML \(1:\d+: documents may contain only one root/],
    ['a.json', '{"a":', /not valid JSON/],
    ['c.ics', 'BEGIN:VCALENDAR\nEND:VEVENT', /not valid iCalendar|not an iCalendar/],
    // Cut after the last line's text: RFC 5545 ends every line with CRLF.
    ['c.ics', 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//EN\r\nEND:VCALENDAR', /does not end with END:VCALENDAR and CRLF/],
    ['p.html', '<!doctype html><html><body>cut', /cut short/],
  ])('%s that does not parse is named', (file, text, problem) => {
    expect(fileProblem(file, text)).toMatch(problem);
  });
  test.each([
    ['feed.xml', '<?xml version="1.0"?><rss><channel/></rss>'],
    [
      'feed.xml',
      '<?xml version="1.0" encoding="UTF-8"?>\n<rss xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>A &amp; B &#x2013; &lt;C&gt;</title><atom:link href="x"/></channel></rss>\n',
    ],
    ['a.json', '{"a":1}'],
    ['c.ics', 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//EN\r\nEND:VCALENDAR\r\n'],
    ['p.html', '<!doctype html><html><body></body></html><script type="module" src="/a.js"></script>'],
  ])('%s that parses passes', (file, text) => {
    expect(fileProblem(file, text)).toBeUndefined();
  });
});

describe('recoverOutput keeps the last copy', () => {
  test('a previous site moved aside with nothing in its place goes back', () => {
    const parent = tempDir('recover');
    site(join(parent, '.dist-old'), 'old');
    recoverOutput(join(parent, 'dist'));
    expect(readFileSync(join(parent, 'dist', 'index.html'), 'utf8')).toBe('old');
    expect(readdirSync(parent)).toEqual(['dist']);
  });
});

describe('lockOutput: one build per output folder', () => {
  test('a lock held by a running build stops the second one with a message naming it', () => {
    const parent = tempDir('lock');
    // The test runner's parent process stands in for a build that is still running.
    writeFileSync(join(parent, '.dist-lock'), String(process.ppid));
    expect(() => lockOutput(join(parent, 'dist'))).toThrow(`Another build (process ${process.ppid}) is writing dist/ now`);
    expect(readFileSync(join(parent, '.dist-lock'), 'utf8')).toBe(String(process.ppid));
  });

  test('a lock left by a build that is gone is taken over, and released by its new holder', () => {
    const parent = tempDir('lock');
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    writeFileSync(join(parent, '.dist-lock'), gone);
    const release = lockOutput(join(parent, 'dist'));
    expect(readFileSync(join(parent, '.dist-lock'), 'utf8')).toBe(String(process.pid));
    release();
    expect(existsSync(join(parent, '.dist-lock'))).toBe(false);
  });

  test("releasing never removes another build's lock", () => {
    const parent = tempDir('lock');
    const release = lockOutput(join(parent, 'dist'));
    writeFileSync(join(parent, '.dist-lock'), String(process.ppid));
    release();
    expect(readFileSync(join(parent, '.dist-lock'), 'utf8')).toBe(String(process.ppid));
  });
});

describe('removeForGood: a stopped build takes its half-written folder with it', () => {
  // A Ctrl-C reaches the build while Node's thread pool still holds page writes it had started:
  // files appear in the folder while it is being deleted. A plain recursive delete then fails
  // (a folder is no longer empty) about every other time here and leaves the folder behind: five
  // trials catch that 31 times in 32.
  test('files still being created while it deletes: the folder is gone when it returns, and no error', async () => {
    for (let trial = 0; trial < 5; trial++) {
      const dir = join(tempDir('remove'), '.dist-new-1');
      for (let d = 0; d < 50; d++) mkdirSync(join(dir, String(d)), { recursive: true });
      const writes: Promise<unknown>[] = [];
      for (let i = 0; i < 5000; i++)
        writes.push(
          fsp.open(join(dir, String(i % 50), `${i}.html`), 'w').then(
            (file) => file.close(),
            () => undefined,
          ),
        );
      expect(() => removeForGood(dir)).not.toThrow();
      expect(existsSync(dir), `trial ${trial}`).toBe(false);
      await Promise.all(writes);
    }
  });
});
