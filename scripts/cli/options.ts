/**
 * Each command's options, defined once: a table per command that node:util's parseArgs reads to
 * parse the command line and usage.ts reads to write the help, so the two cannot drift apart.
 */
import { parseArgs } from 'node:util';
import { CliError } from './io.ts';

/** One option of a command: how it is read and how the help shows it. */
export interface OptionSpec {
  /** The long name without the dashes ("title"). */
  readonly name: string;
  /** A value ("string") or a flag ("boolean"). */
  readonly type: 'string' | 'boolean';
  /** May be given more than once, and each value may list several, comma-separated. */
  readonly multiple?: boolean;
  /** Also taken as `--<name>-<lang>` (`--title-sv`), the text in another language; which ones the site has is checked once it is loaded. */
  readonly localized?: boolean;
  /** What the help shows after the name (TEXT, ID, TIME); a string option needs one. */
  readonly value?: string;
  /** One sentence of help; the help adds what `multiple` and `localized` mean and wraps it. */
  readonly help: string;
  /** Which commands take it ("every command"), when the overall help lists it once under that heading rather than under each command. */
  readonly shared?: string;
}

/** A command: the words that name it, its operands, a summary, and its options. */
export interface CommandSpec {
  /** The words after `pharos` ("incident new"). */
  readonly name: string;
  /** What follows the words in the help ("<id>"); without operands the command takes no positional arguments. */
  readonly operands?: string;
  /** What the command does, on one line. */
  readonly summary: string;
  /** Its options, in the order the help lists them. */
  readonly options: readonly OptionSpec[];
}

/** The option names of a command, for typed access to its parsed values. */
export type OptionName<C extends CommandSpec> = C['options'][number]['name'];

/** A parsed command line: positional words, option values, and localized text options per language. */
export interface ParsedArgs<N extends string = string> {
  positionals: string[];
  /** Strings, flags, and for `multiple` options every value given, comma-separated lists split. */
  values: Partial<Record<N, string | boolean | string[]>>;
  /** `--title-sv "..."` as `{ title: { sv: "..." } }`, for the options marked `localized`. */
  localized: Record<string, Record<string, string>>;
}

/** `--content DIR`: every command reads a content folder. */
export const CONTENT = {
  name: 'content',
  type: 'string',
  value: 'DIR',
  help: 'the content folder (default: $PHAROS_CONTENT, else ./content)',
  shared: 'every command',
} as const satisfies OptionSpec;

/** `--zone ZONE`: the zone of local times written without one, for commands that read times. */
export const ZONE = {
  name: 'zone',
  type: 'string',
  value: 'ZONE',
  help: "zone of a local TIME written without one (default: this computer's)",
  shared: 'every command that reads a TIME',
} as const satisfies OptionSpec;

/** `-h`, `--help`: a command's own help. Every command takes it; the entry point answers it before any parsing, whatever else is wrong. */
export const HELP = { name: 'help', type: 'boolean', help: "the command's own help", shared: 'every command' } as const satisfies OptionSpec;

/** `--slug SLUG`: the file name of a new incident or window after its date. */
export const SLUG = { name: 'slug', type: 'string', value: 'SLUG', help: 'file name after the date (default: from the title)' } as const satisfies OptionSpec;

/** `--next-update WHEN`: when customers get the next update, written with the update as `nextUpdate`. */
export const NEXT_UPDATE = {
  name: 'next-update',
  type: 'string',
  value: 'WHEN',
  help: 'when customers get the next update: a span after the update ("30m", "2h") or a TIME; pages show it when the severity sets no interval',
} as const satisfies OptionSpec;

/** `--publish`: commit the written file alone and push it. */
export const PUBLISH = { name: 'publish', type: 'boolean', help: 'commit the file alone and push it (see below)' } as const satisfies OptionSpec;

/** A language code as site.yaml writes one ("sv", "pt-BR"). */
const LANGUAGE = /^[a-z]{2,3}(?:-[A-Z]{2})?$/;

/** The localized option and language an option name stands for (`title-sv`), if it is one. */
function localizedName(name: string, spec: CommandSpec): { option: string; lang: string } | undefined {
  for (const o of spec.options) {
    if (!o.localized || !name.startsWith(`${o.name}-`)) continue;
    const lang = name.slice(o.name.length + 1);
    if (LANGUAGE.test(lang)) return { option: o.name, lang };
  }
  return undefined;
}

type Declared = Record<string, { type: 'string' | 'boolean'; multiple: boolean }>;

/**
 * Parses a command's arguments (after its words) with node:util's strict parseArgs. Wrong usage
 * throws a CliError with status 2 naming the option: unknown, missing its value, or a flag given one.
 */
export function parseCommand<const C extends CommandSpec>(spec: C, args: readonly string[]): ParsedArgs<OptionName<C>> {
  // Without a prototype, so "--constructor" is as unknown as any other name.
  const declared: Declared = Object.create(null) as Declared;
  for (const o of spec.options) declared[o.name] = { type: o.type, multiple: o.multiple ?? false };
  const input: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      input.push(...args.slice(i));
      break;
    }
    const m = /^--([^=]+)(?:=([\s\S]*))?$/.exec(arg);
    const name = m?.[1];
    // Any language code is declared as it appears: the site, and so its languages, is read only later.
    if (name !== undefined && !(name in declared) && localizedName(name, spec)) declared[name] = { type: 'string', multiple: false };
    const o = name === undefined ? undefined : declared[name];
    const inline = m?.[2];
    // `--flag=true` and `--flag=false` stay accepted: parseArgs knows them as --flag and --no-flag.
    if (o?.type === 'boolean' && (inline === 'true' || inline === 'false')) {
      input.push(inline === 'true' ? `--${name}` : `--no-${name}`);
      continue;
    }
    // A value may begin with a dash (a Markdown list "- first", a rule "---"); parseArgs would take it
    // for a forgotten value, so it is joined to its option. Only a following "--word" (an option,
    // or a mistyped one) means none was given.
    const next = args[i + 1];
    if (o?.type === 'string' && inline === undefined && next !== undefined && next.startsWith('-') && !/^--[A-Za-z][\w-]*(?:=|$)/.test(next)) {
      input.push(`${arg}=${next}`);
      i++;
      continue;
    }
    input.push(arg);
  }

  const config = { args: input, options: declared, strict: true, allowPositionals: spec.operands !== undefined, allowNegative: true } as const;
  let parsed: { values: Record<string, string | boolean | (string | boolean)[] | undefined>; positionals: string[] };
  try {
    parsed = parseArgs(config);
  } catch (err) {
    throw usageError(err, spec, input, declared);
  }
  const own = new Set(spec.options.map((o) => o.name));
  const out: ParsedArgs = { positionals: parsed.positionals, values: {}, localized: {} };
  for (const [name, value] of Object.entries(parsed.values)) {
    if (value === undefined) continue;
    const loc = own.has(name) ? undefined : localizedName(name, spec);
    if (loc) (out.localized[loc.option] ??= {})[loc.lang] = String(value);
    else if (Array.isArray(value))
      out.values[name] = value.flatMap((v) =>
        String(v)
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      );
    else out.values[name] = value;
  }
  return out as ParsedArgs<OptionName<C>>;
}

/** The first wrong argument, in today's words; parseArgs's own message only for a case not foreseen here. */
function usageError(err: unknown, spec: CommandSpec, input: string[], declared: Declared): unknown {
  if (!(err instanceof Error) || !('code' in err) || !String(err.code).startsWith('ERR_PARSE_ARGS_')) return err;
  // parseArgs says what went wrong but not as a value: the tokens of a lenient parse show which argument.
  const { tokens } = parseArgs({ args: input, options: declared, strict: false, allowPositionals: true, allowNegative: true, tokens: true });
  for (const t of tokens) {
    if (t.kind === 'positional' && spec.operands === undefined) {
      const first = spec.options.find((o) => !o.shared) ?? spec.options[0];
      const example = first ? `, such as --${first.name}${first.value ? ` ${first.value}` : ''}` : '';
      return new CliError(`unexpected "${t.value}" (pharos ${spec.name} takes options only${example})`, 2);
    }
    if (t.kind !== 'option') continue;
    const o = declared[t.name];
    if (!o || (t.rawName.startsWith('--no-') && o.type !== 'boolean')) return new CliError(`unknown option "${t.rawName}"`, 2);
    if (o.type === 'string' && (t.value === undefined || (!t.inlineValue && t.value.startsWith('-') && t.value.length > 1)))
      return new CliError(`option ${t.rawName} needs a value`, 2);
    if (o.type === 'boolean' && t.value !== undefined)
      return new CliError(`option ${t.rawName} is a flag (found "${t.value}", expected nothing, true or false)`, 2);
  }
  return new CliError(err.message, 2);
}

/** A string option's value, if given. */
export function str<N extends string>(p: ParsedArgs<N>, name: N): string | undefined {
  const v = p.values[name];
  return typeof v === 'string' ? v : undefined;
}

/** A `multiple` option's values (empty when not given). */
export function list<N extends string>(p: ParsedArgs<N>, name: N): string[] {
  const v = p.values[name];
  return Array.isArray(v) ? v : [];
}

/** Whether a flag was given (and not as `--flag=false`). */
export function flag<N extends string>(p: ParsedArgs<N>, name: N): boolean {
  return p.values[name] === true;
}
