/**
 * The HTML validity gate: html-validate with the project's .htmlvalidate.json (the recommended
 * rules except two: ids follow HTML's own rule, any characters but spaces, so "release-2026.11" is
 * valid; and "long-title" is off, a length advice for search engines while incident titles are
 * written by staff).
 */
import { join } from 'node:path';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { ROOT } from './fixtures.ts';

/**
 * The configuration is read and resolved once: html-validate resolves it again for every page
 * otherwise, a third of the time of validating a site. Every page is checked as the same file.
 */
class ResolvedOnce extends FileSystemConfigLoader {
  #config: ReturnType<FileSystemConfigLoader['getConfigFor']> | undefined;
  override getConfigFor(filename: string): ReturnType<FileSystemConfigLoader['getConfigFor']> {
    return (this.#config ??= super.getConfigFor(filename));
  }
}

const validator = new HtmlValidate(new ResolvedOnce());

/** Every error html-validate finds in a page, as "file:line:column rule: message". */
export async function htmlProblems(file: string, html: string): Promise<string[]> {
  const report = await validator.validateString(html, join(ROOT, 'dist-check.html'));
  return report.results.flatMap((r) => r.messages.map((m) => `${file}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`));
}
