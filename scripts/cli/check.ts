/** `pharos check`: the build's validation without building, plus the warnings the policy implies. */
import { loadContent } from '../../src/lib/content/load.ts';
import { formatError } from '../../src/lib/content/errors.ts';
import { CliError, type Io } from './io.ts';
import { flag, str, type OptionName, type ParsedArgs } from './options.ts';
import type { CHECK } from './commands.ts';
import { contentFolder } from './site.ts';
import { policyWarnings, sampleWarnings, secretWarnings } from './policy.ts';

/** Escapes a GitHub workflow command's message (its data). */
function ghData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a GitHub workflow command's property value. */
function ghProperty(s: string): string {
  return ghData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** A GitHub annotation line: `::error file=content/x.md,line=3,title=severity::message`. */
export function annotation(kind: 'error' | 'warning', e: { file: string; line?: number | undefined; message: string }, title: string): string {
  const props = [`file=${ghProperty(e.file)}`];
  if (e.line !== undefined) props.push(`line=${e.line}`);
  props.push(`title=${ghProperty(title)}`);
  return `::${kind} ${props.join(',')}::${ghData(e.message)}`;
}

/** Runs `check`; exit 1 on errors (or, with --strict, on warnings). */
export function checkCommand(p: ParsedArgs<OptionName<typeof CHECK>>, io: Io): number {
  const format = str(p, 'format') ?? 'text';
  if (format !== 'text' && format !== 'github') throw new CliError(`option --format: found "${format}" (expected text or github)`, 2);
  const strict = flag(p, 'strict');
  const folder = contentFolder(io, str(p, 'content'));
  const result = loadContent(folder.dir, { displayRoot: folder.display, env: io.env });
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

  if (!result.ok) {
    for (const e of result.errors) {
      if (format === 'github') io.out(`${annotation('error', e, e.field ?? 'content error')}\n`);
      io.err(`${formatError(e)}\n`);
    }
    io.err(`\n${plural(result.errors.length, 'problem')} found; nothing was built.\n`);
    return 1;
  }
  const c = result.content;
  const warnings = [
    ...policyWarnings(c, folder.dir),
    ...sampleWarnings(c, folder.dir, folder.display, io.env),
    ...secretWarnings(c, folder.dir, folder.display),
  ];
  io.out(
    `${folder.display}: no problems (${c.products.length} products, ${c.incidents.length} incidents, ${c.maintenance.length} maintenance windows, ${c.site.locales.length} languages)\n`,
  );
  for (const w of warnings) {
    if (format === 'github') io.out(`${annotation(strict ? 'error' : 'warning', w, 'policy warning')}\n`);
    io.err(`${w.line === undefined ? w.file : `${w.file}:${w.line}`} warning: ${w.message}\n`);
  }
  if (warnings.length > 0) {
    io.err(
      `\n${plural(warnings.length, 'warning')} (the policy's; ${strict ? 'failing because of --strict' : 'the build still runs; --strict makes them fail the check'}).\n`,
    );
  }
  return strict && warnings.length > 0 ? 1 : 0;
}
