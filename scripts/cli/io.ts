/** What every command gets from the outside world, and the small argument parser they share. */

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

/** How an option is read: a value, a flag, or a repeatable value that may also be comma-separated. */
export type OptionKind = 'string' | 'boolean' | 'list';

/** Parsed command line: positional words, option values, and localized text options per language. */
export interface ParsedArgs {
  positionals: string[];
  values: Record<string, string | boolean | string[] | undefined>;
  /** `--title-sv "..."` as `{ title: { sv: "..." } }`, for the options named in `localized`. */
  localized: Record<string, Record<string, string>>;
}

/**
 * Parses `--name value`, `--name=value` and `--flag`. Options in `localized` also accept a
 * language suffix (`--message-sv`); which languages are allowed is checked once the site is loaded.
 */
export function parseArgs(args: readonly string[], spec: Record<string, OptionKind>, localized: readonly string[] = []): ParsedArgs {
  const out: ParsedArgs = { positionals: [], values: {}, localized: {} };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      out.positionals.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg === '--') {
      out.positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    const inline = eq === -1 ? undefined : arg.slice(eq + 1);
    const takeValue = (): string => {
      if (inline !== undefined) return inline;
      const next = args[i + 1];
      if (next === undefined || (next.startsWith('--') && next.length > 2)) throw new CliError(`option --${name} needs a value`, 2);
      i++;
      return next;
    };
    const lang = /^([a-z]+)-([a-z]{2,3}(?:-[A-Z]{2})?)$/.exec(name);
    if (lang && localized.includes(lang[1]!) && !(name in spec)) {
      (out.localized[lang[1]!] ??= {})[lang[2]!] = takeValue();
      continue;
    }
    const kind = spec[name];
    if (kind === undefined) throw new CliError(`unknown option "--${name}"`, 2);
    if (kind === 'boolean') {
      if (inline !== undefined && !/^(true|false)$/.test(inline))
        throw new CliError(`option --${name} is a flag (found "${inline}", expected nothing, true or false)`, 2);
      out.values[name] = inline !== 'false';
    } else if (kind === 'list') {
      const prev = (out.values[name] as string[] | undefined) ?? [];
      out.values[name] = [
        ...prev,
        ...takeValue()
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      ];
    } else {
      out.values[name] = takeValue();
    }
  }
  return out;
}

/** A string option's value, if given. */
export function str(p: ParsedArgs, name: string): string | undefined {
  const v = p.values[name];
  return typeof v === 'string' ? v : undefined;
}

/** A list option's values (empty when not given). */
export function list(p: ParsedArgs, name: string): string[] {
  const v = p.values[name];
  return Array.isArray(v) ? v : [];
}

/** Whether a flag was given. */
export function flag(p: ParsedArgs, name: string): boolean {
  return p.values[name] === true;
}

/** An environment variable, with an empty value treated as unset (CI passes unset repository variables as ""). */
export function envVar(env: Io['env'], name: string): string | undefined {
  const v = env[name];
  return v === undefined || v.trim() === '' ? undefined : v;
}
