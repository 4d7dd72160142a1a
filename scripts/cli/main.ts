/** The Pharos command line's dispatch: which command an argument list names, its help, and its exit status. */
import { CliError, type Io } from './io.ts';
import { COMMANDS } from './commands.ts';
import { USAGE, commandHelp } from './usage.ts';
import { or } from './text.ts';

/** The real process as an Io. */
function processIo(): Io {
  ignoreClosedPipes();
  return {
    env: process.env,
    cwd: process.cwd(),
    out: (s) => void (process.stdout.writable && process.stdout.write(s)),
    err: (s) => void (process.stderr.writable && process.stderr.write(s)),
    interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
  };
}

let pipesWatched = false;

/**
 * Output piped into a reader that stops early (`pharos list | head -1`, `... --publish | head`) is
 * no reason to stop half-way: what was asked goes on (a file written is still committed and pushed)
 * and the exit status says how it went; only the rest of the output is lost.
 */
function ignoreClosedPipes(): void {
  if (pipesWatched) return;
  pipesWatched = true;
  for (const stream of [process.stdout, process.stderr])
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') throw e;
      stream.destroy();
    });
}

/** Runs the CLI with the given arguments; returns the exit status. Tests pass their own Io. */
export async function main(argv: string[], io: Partial<Io> = {}): Promise<number> {
  const ctx: Io = { ...processIo(), ...io };
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    (command === undefined ? ctx.err : ctx.out)(USAGE);
    return command === undefined ? 2 : 0;
  }
  // "incident" and "maintenance" name groups: the next word says which command of the group.
  const group = COMMANDS.filter((c) => c.spec.name.startsWith(`${command} `));
  const sub = group.length > 0 ? rest[0] : undefined;
  const name = sub !== undefined && !sub.startsWith('-') ? `${command} ${sub}` : command;
  const found = COMMANDS.find((c) => c.spec.name === (group.length > 0 ? `${command} ${sub}` : command));
  try {
    // Help wins over anything else wrong on the line, as a person asking for it wants to see it.
    const words = rest.indexOf('--') === -1 ? rest : rest.slice(0, rest.indexOf('--'));
    if (words.includes('--help') || words.includes('-h')) {
      ctx.out(found ? commandHelp(found.spec) : USAGE);
      return 0;
    }
    if (found) return await found.run(group.length > 0 ? rest.slice(1) : rest, ctx);
    if (group.length > 0) {
      const subs = or(group.map((c) => c.spec.name.slice(command.length + 1)));
      throw new CliError(sub === undefined ? `which one? ${subs}` : `unknown subcommand "${sub}" (expected ${subs})`, 2);
    }
    ctx.err(`pharos: unknown command "${command}"\n\n${USAGE}`);
    return 2;
  } catch (err) {
    if (err instanceof CliError) {
      const help = found ? `pharos ${found.spec.name} --help lists its options` : 'pharos --help lists the commands and options';
      ctx.err(`pharos ${name}: ${err.message}\n${err.status === 2 ? `(${help})\n` : ''}`);
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
