#!/usr/bin/env node
/** The Pharos command line for support staff: incidents, maintenance windows, checks. */
import { CliError, type Io } from './cli/io.ts';
import { USAGE } from './cli/usage.ts';
import { checkCommand } from './cli/check.ts';
import { listCommand } from './cli/list.ts';
import { incidentCommand } from './cli/incident.ts';
import { maintenanceCommand } from './cli/maintenance.ts';

/** The real process as an Io. */
function processIo(): Io {
  return {
    env: process.env,
    cwd: process.cwd(),
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
    interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
  };
}

/** Runs the CLI with the given arguments; returns the exit status. Tests pass their own Io. */
export async function main(argv: string[], io: Partial<Io> = {}): Promise<number> {
  const ctx: Io = { ...processIo(), ...io };
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    (command === undefined ? ctx.err : ctx.out)(USAGE);
    return command === undefined ? 2 : 0;
  }
  const name = command === 'incident' || command === 'maintenance' ? `${command}${rest[0] && !rest[0].startsWith('-') ? ` ${rest[0]}` : ''}` : command;
  try {
    if (rest.includes('--help') || rest.includes('-h')) {
      ctx.out(USAGE);
      return 0;
    }
    switch (command) {
      case 'check':
        return checkCommand(rest, ctx);
      case 'list':
        return listCommand(rest, ctx);
      case 'incident':
        return await incidentCommand(rest, ctx);
      case 'maintenance':
        return await maintenanceCommand(rest, ctx);
      default:
        ctx.err(`pharos: unknown command "${command}"\n\n${USAGE}`);
        return 2;
    }
  } catch (err) {
    if (err instanceof CliError) {
      ctx.err(`pharos ${name}: ${err.message}\n${err.status === 2 ? '(pharos --help lists the commands and options)\n' : ''}`);
      return err.status;
    }
    // Ctrl+C or Ctrl+D in a question: stop quietly, as nothing has been written yet.
    if (err instanceof Error && err.name === 'ExitPromptError') {
      ctx.err(`pharos ${name}: cancelled; nothing was written\n`);
      return 130;
    }
    throw err;
  }
}

if (import.meta.main) process.exitCode = await main(process.argv.slice(2));
