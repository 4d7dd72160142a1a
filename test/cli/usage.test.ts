/**
 * Options defined once: the parser and the help read the same tables, and README's copy of the
 * help is the generated text to the letter. Parsing keeps the CLI's words for wrong usage.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { main } from '../../scripts/cli/main.ts';
import { COMMANDS } from '../../scripts/cli/commands.ts';
import { CliError } from '../../scripts/cli/io.ts';
import { CONTENT, PUBLISH, ZONE, parseCommand, type CommandSpec } from '../../scripts/cli/options.ts';
import { USAGE, commandHelp } from '../../scripts/cli/usage.ts';
import { ROOT } from '../helpers/fixtures.ts';

/** The fenced block under README's "## The command line" heading. */
function readmeUsage(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n## The command line\n'));
  const block = /\n```\n([\s\S]*?)```\n/.exec(section);
  if (!block) throw new Error('README.md has no fenced block under "## The command line"');
  return block[1]!;
}

/** Runs the CLI in this process and keeps what it prints. */
async function run(...argv: string[]) {
  const printed = { out: '', err: '' };
  const status = await main(argv, {
    env: {},
    interactive: false,
    out: (s) => void (printed.out += s),
    err: (s) => void (printed.err += s),
  });
  return { status, ...printed };
}

const SPEC = {
  name: 'demo',
  operands: '<id>',
  summary: 'a command for the parser tests',
  options: [
    { name: 'title', type: 'string', value: 'TEXT', localized: true, help: 'headline' },
    { name: 'affects', type: 'string', value: 'ID', multiple: true, help: 'products' },
    { name: 'system-wide', type: 'boolean', help: 'the whole service' },
    CONTENT,
  ],
} as const satisfies CommandSpec;

/** The usage error parsing gives, as the CLI prints it. */
function refusal(spec: CommandSpec, args: string[]): string {
  try {
    parseCommand(spec, args);
  } catch (err) {
    expect(err).toBeInstanceOf(CliError);
    expect((err as CliError).status).toBe(2);
    return (err as CliError).message;
  }
  throw new Error(`${args.join(' ')} was accepted`);
}

describe('the help', () => {
  test("README's usage block is the generated help, to the letter", () => {
    expect(readmeUsage()).toBe(USAGE);
  });

  test('pharos --help prints it; no command prints it as an error', async () => {
    expect(await run('--help')).toEqual({ status: 0, out: USAGE, err: '' });
    expect(await run()).toEqual({ status: 2, out: '', err: USAGE });
  });

  test.each(COMMANDS.map((c) => [c.spec.name, c.spec] as const))('pharos %s --help prints its own options', async (name, spec) => {
    const asked = await run(...name.split(' '), '--titel', 'x', '-h');
    expect(asked).toEqual({ status: 0, out: commandHelp(spec), err: '' });
    for (const o of spec.options) expect(asked.out).toContain(`  --${o.name}${o.value ? ` ${o.value}` : ''}  `);
  });

  test('every option of every command is in the overall help', () => {
    for (const { spec } of COMMANDS)
      for (const o of spec.options) expect(USAGE).toContain(o.shared ? `--${o.name}` : `      --${o.name}${o.value ? ` ${o.value}` : ''}  `);
  });

  test('what the help says about shared options holds: every command takes --content, those that read a TIME --zone', () => {
    for (const { spec } of COMMANDS) {
      expect(spec.options).toContain(CONTENT);
      expect(spec.options.includes(ZONE)).toBe(spec.options.some((o) => o.value === 'TIME'));
      if (spec.options.includes(PUBLISH)) expect(commandHelp(spec)).toContain('Commands that write print a "Publish:" line');
    }
  });

  test('no line is wider than 100 characters except where a word does not fit', () => {
    for (const text of [USAGE, ...COMMANDS.map((c) => commandHelp(c.spec))])
      for (const line of text.split('\n')) if (line.length > 100) expect(line.trim()).not.toContain(' ');
  });
});

describe('parsing with the tables', () => {
  test.each([
    ['a value and a flag', ['--title', 'T', '--system-wide'], { title: 'T', 'system-wide': true }],
    ['a value after "="', ['--title=T=1'], { title: 'T=1' }],
    ['a value that begins with a dash (a Markdown list)', ['--title', '- first'], { title: '- first' }],
    ['repeated and comma-separated lists, blanks dropped', ['--affects', 'a, b', '--affects=c,'], { affects: ['a', 'b', 'c'] }],
    ['a flag written =true', ['--system-wide=true'], { 'system-wide': true }],
    ['a flag written =false', ['--system-wide=false'], { 'system-wide': false }],
    ['the last of a repeated value', ['--title', 'A', '--title', 'B'], { title: 'B' }],
  ])('%s', (_, args, values) => {
    expect(parseCommand(SPEC, args).values).toEqual(values);
  });

  test('--title-<lang> is taken for any language code, kept apart for the site to check', () => {
    const p = parseCommand(SPEC, ['--title', 'T', '--title-sv', 'S', '--title-pt-BR=P']);
    expect(p.values).toEqual({ title: 'T' });
    expect(p.localized).toEqual({ title: { sv: 'S', 'pt-BR': 'P' } });
  });

  test('operands, and words after "--" even when they look like options', () => {
    expect(parseCommand(SPEC, ['x', '--title', 'T', '--', '--y']).positionals).toEqual(['x', '--y']);
  });

  test.each([
    ['an unknown option', ['--titel', 'x'], 'unknown option "--titel"'],
    ['a language suffix on an option that has none', ['--affects-sv', 'x'], 'unknown option "--affects-sv"'],
    ['a negated value option', ['--no-title'], 'unknown option "--no-title"'],
    ['a short option', ['-x'], 'unknown option "-x"'],
    ['a name every object has', ['--constructor', 'x'], 'unknown option "--constructor"'],
    ['a value missing at the end', ['--title'], 'option --title needs a value'],
    ['a value missing before the next option', ['--title', '--system-wide'], 'option --title needs a value'],
    ['a localized value missing', ['--title-sv'], 'option --title-sv needs a value'],
    ['a flag given a value', ['--system-wide=yes'], 'option --system-wide is a flag (found "yes", expected nothing, true or false)'],
  ])('%s is wrong usage', (_, args, message) => {
    expect(refusal(SPEC, args)).toBe(message);
  });

  test('a command without operands refuses a word, naming an option to use instead', () => {
    const { operands: _, ...noOperands } = SPEC;
    expect(refusal(noOperands, ['Cloud down'])).toBe('unexpected "Cloud down" (pharos demo takes options only, such as --title TEXT)');
  });
});

describe('wrong usage on the command line', () => {
  test.each([
    [['incident'], 'pharos incident: which one? new, update or resolve\n'],
    [['incident', 'close'], 'pharos incident close: unknown subcommand "close" (expected new, update or resolve)\n'],
    [['maintenance'], 'pharos maintenance: which one? new, update, cancel or reschedule\n'],
    [['list', 'now'], 'pharos list: unexpected "now" (pharos list takes options only, such as --content DIR)\n'],
    [['check', '--strict=maybe'], 'pharos check: option --strict is a flag (found "maybe", expected nothing, true or false)\n'],
  ])('pharos %j', async (argv, message) => {
    const r = await run(...argv);
    expect(r.status).toBe(2);
    expect(r.err.startsWith(message)).toBe(true);
  });

  test('an unknown command prints the help as an error', async () => {
    const r = await run('publish');
    expect(r).toEqual({ status: 2, out: '', err: `pharos: unknown command "publish"\n\n${USAGE}` });
  });
});
