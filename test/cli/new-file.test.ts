/**
 * A new incident or maintenance file holds exactly what staff typed: whatever a title or a message
 * holds (lines that look like YAML keys or comments, "---", quotes, indentation, trailing spaces),
 * the front matter the CLI writes reads back as the same text. The comment column the writer lines
 * up once changed the lines of a message that looked like "status: degraded # EU only".
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { incidentText, maintenanceText } from '../../scripts/cli/new-file.ts';

/** Cases per run: in this process, so cheap; `npm run test:fuzz` runs thousands with a new seed. */
const RUNS = Number(process.env.PHAROS_FUZZ_RUNS ?? 300);
const SEED = process.env.PHAROS_FUZZ_SEED === 'random' ? Date.now() % 2 ** 31 : Number(process.env.PHAROS_FUZZ_SEED ?? 20261206);

/** Lines staff write, and lines that look like the file's own: keys, comments, list items, markers. */
const LINE = fc.oneof(
  fc.constantFrom(
    'Workaround:',
    '# Clear your browser cache',
    'status: degraded # EU only',
    'severity: minor',
    'products: all # yes',
    '  - { product: daptiv }',
    'updates:',
    '---',
    '...',
    '|',
    '> quoted',
    '  indented # not a comment',
    'it\'s "quoted"',
    'tabs\there',
    'trailing space ',
    '',
    ' ',
    '\t ',
    ' starts with a space',
    'pasted colour \u001b[31mred\u001b[0m',
    'next line\u0085here',
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: fc.constantFrom(' ', '#', ':', '-', '"', "'", '|', '>', 'a', 'é', '\t'), maxLength: 12 }),
);
const MESSAGE = fc.array(LINE, { minLength: 1, maxLength: 6 }).map((lines) => lines.join('\n'));
const TITLE = fc.oneof(fc.constantFrom('Sign-in errors', 'status: down # EU', '# not a comment', '- item', '"quoted"'), fc.string({ maxLength: 30 }));

/** The front matter of a file the CLI wrote. */
function frontMatter(file: string): Record<string, unknown> {
  const m = /^---\n([\s\S]*?)---\n$/.exec(file);
  expect(m, file).not.toBeNull();
  return parse(m![1]!) as Record<string, unknown>;
}

describe('a new file reads back as exactly what was typed', () => {
  test('the message a support person gave, with lines that look like YAML, stays whole (the case that was changed)', () => {
    const message = 'Workaround:\n# Clear your browser cache\nstatus: degraded # EU only';
    const file = incidentText(
      {
        title: 'Sign-in errors',
        severity: 'minor',
        severityIds: ['critical', 'minor'],
        scope: 'own',
        systemWide: false,
        affects: [{ product: 'daptiv', impact: 'partial_outage' }],
        started: '2026-11-22T04:00:00-06:00',
        update: { at: '2026-11-22T04:00:00-06:00', status: 'investigating', message },
      },
      '2026-11-22-sign-in-errors',
    );
    expect(file).toContain('      Workaround:\n      # Clear your browser cache\n      status: degraded # EU only\n');
    expect((frontMatter(file).updates as { message: string }[])[0]!.message).toBe(message);
  });

  test(`${RUNS} random titles and messages (seed ${SEED}): incident new and maintenance new write them unchanged`, () => {
    fc.assert(
      fc.property(TITLE, MESSAGE, (title, message) => {
        const incident = frontMatter(
          incidentText(
            {
              title,
              severity: 'minor',
              severityIds: ['minor'],
              scope: 'own',
              systemWide: false,
              affects: [{ product: 'daptiv', impact: 'partial_outage' }],
              started: '2026-11-22T04:00:00-06:00',
              update: { at: '2026-11-22T04:00:00-06:00', status: 'investigating', message, nextUpdate: '2026-11-22T06:00:00-06:00' },
            },
            'id',
          ),
        );
        expect(incident.title).toBe(title);
        expect(incident.updates).toEqual([{ at: '2026-11-22T04:00:00-06:00', status: 'investigating', message, nextUpdate: '2026-11-22T06:00:00-06:00' }]);
        const window = frontMatter(
          maintenanceText({
            title,
            products: ['daptiv'],
            start: '2026-12-03T10:00:00+01:00',
            end: '2026-12-03T11:00:00+01:00',
            update: { at: '2026-11-22T04:00:00-06:00', message },
          }),
        );
        expect(window.title).toBe(title);
        expect(window.updates).toEqual([{ at: '2026-11-22T04:00:00-06:00', message }]);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
