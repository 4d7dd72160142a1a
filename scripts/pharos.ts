#!/usr/bin/env node
/** The Pharos command line for support staff: `pharos check` (more commands follow). */
import { resolve } from 'node:path';
import { loadContent } from '../src/lib/content/load.ts';
import { formatError } from '../src/lib/content/errors.ts';

const USAGE = `Usage: pharos <command> [options]

Commands:
  check [--content DIR]   validate content/ without building; prints every problem as file:line field: message

Environment:
  PHAROS_CONTENT   content folder (default: content)
  PHAROS_NOW       "now" for time rules, ISO 8601 with offset (default: site.yaml's now, else the clock)
`;

/** Runs the CLI with the given arguments; returns the exit status. */
export function main(argv: string[], out: (s: string) => void = (s) => process.stdout.write(s), err: (s: string) => void = (s) => process.stderr.write(s)): number {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    out(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command === 'check') {
    let dir = process.env.PHAROS_CONTENT ?? 'content';
    for (let i = 0; i < rest.length; i++) {
      if (rest[i] === '--content' && rest[i + 1]) dir = rest[++i]!;
      else {
        err(`pharos check: unknown option "${rest[i]}"\n\n${USAGE}`);
        return 2;
      }
    }
    const result = loadContent(resolve(dir), { displayRoot: dir });
    if (result.ok) {
      const c = result.content;
      out(`${dir}: no problems (${c.products.length} products, ${c.incidents.length} incidents, ${c.maintenance.length} maintenance windows, ${c.site.locales.length} languages)\n`);
      return 0;
    }
    for (const e of result.errors) err(`${formatError(e)}\n`);
    err(`\n${result.errors.length} problem${result.errors.length === 1 ? '' : 's'} found; nothing was built.\n`);
    return 1;
  }
  err(`pharos: unknown command "${command}"\n\n${USAGE}`);
  return 2;
}

if (import.meta.main) process.exitCode = main(process.argv.slice(2));
