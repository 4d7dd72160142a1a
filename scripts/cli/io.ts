/** What every command gets from the outside world, and how it refuses. */

/** The process around a command: environment, folder, output, and whether a person is at the keyboard. */
export interface Io {
  /** Environment variables (PHAROS_CONTENT, PHAROS_NOW, PHAROS_SITE, PHAROS_BASE). */
  env: Record<string, string | undefined>;
  /** Folder that relative paths are resolved against. */
  cwd: string;
  /** Normal output (results, paths, URLs). */
  out: (s: string) => void;
  /** Diagnostics (errors, warnings, refusals). */
  err: (s: string) => void;
  /** Whether missing answers may be asked for (stdin and stdout are terminals). */
  interactive: boolean;
}

/** A refusal or usage error: printed as "pharos <command>: message", the command exits with `status`. */
export class CliError extends Error {
  /** Exit status: 1 for refusals and invalid content, 2 for wrong usage. */
  readonly status: number;
  constructor(message: string, status = 1) {
    super(message);
    this.name = 'CliError';
    this.status = status;
  }
}

/** An environment variable, with an empty value treated as unset (CI passes unset repository variables as ""). */
export function envVar(env: Io['env'], name: string): string | undefined {
  const v = env[name];
  return v === undefined || v.trim() === '' ? undefined : v;
}
