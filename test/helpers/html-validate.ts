/**
 * The HTML validity gate: html-validate with the project's .htmlvalidate.json (the recommended
 * rules except two: ids follow HTML's own rule, any characters but spaces, so "release-2026.11" is
 * valid; and "long-title" is off, a length advice for search engines while incident titles are
 * written by staff).
 */
import { join } from 'node:path';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { ROOT } from './fixtures.ts';

const validator = new HtmlValidate(new FileSystemConfigLoader());

/** Every error html-validate finds in a page, as "file:line:column rule: message". */
export async function htmlProblems(file: string, html: string): Promise<string[]> {
  const report = await validator.validateString(html, join(ROOT, 'dist-check.html'));
  return report.results.flatMap((r) => r.messages.map((m) => `${file}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`));
}
