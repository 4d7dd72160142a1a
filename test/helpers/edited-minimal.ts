/**
 * The minimal site before and after staff edited it, for the tests of what a rebuild changes (the
 * feeds, the calendars): its open incident gets a new update and a corrected sentence, and its
 * maintenance window a new notice. Both are shared builds: "before" is the minimal site's, "after"
 * is built once per run by whichever test file asks first.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { MINIMAL, sharedBuild, tempDir, type Run } from './fixtures.ts';

/** The edited incident and window, relative to the content folder. */
const EDITED_INCIDENT = 'incidents/2026-11-22-cloud-down.md';
const EDITED_WINDOW = 'maintenance/2026-11-25-db-upgrade.md';

/** Rewrites a content file, and fails the test if the edit did not apply. */
function edit(dir: string, file: string, change: (text: string) => string, mustContain: string): void {
  const path = join(dir, file);
  const edited = change(readFileSync(path, 'utf8'));
  expect(edited, `the edit of ${file}`).toContain(mustContain);
  writeFileSync(path, edited);
}

/** Builds (or finds) both sites: the minimal one, and its copy with the two edits above. */
export function editedMinimal(): { before: Run & { outDir: string }; after: Run & { outDir: string } } {
  const dir = join(tempDir('edited'), 'content');
  cpSync(MINIMAL, dir, { recursive: true });
  edit(
    dir,
    EDITED_INCIDENT,
    (text) =>
      text
        .replace('Our identity provider is down.', 'Our identity provider is down in the EU.')
        .replace(
          /\n---\n?$/,
          `\n  - at: "2026-11-22T09:40:00Z"\n    status: monitoring\n    message: { en: The provider has restored sign-in; we are watching., sv: Leverantören har åtgärdat felet; vi bevakar. }\n---\n`,
        ),
    'status: monitoring',
  );
  edit(
    dir,
    EDITED_WINDOW,
    (text) =>
      text.replace(
        /(updates:\n(?: {2}- .*\n)+)/,
        `$1  - at: "2026-11-21T09:00:00Z"\n    message: { en: The window now starts at 23:00., sv: Fönstret börjar nu kl. 23.00. }\n`,
      ),
    'The window now starts at 23:00.',
  );
  return { before: sharedBuild(MINIMAL), after: sharedBuild(dir) };
}
