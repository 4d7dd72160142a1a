/** The CLI's help, written from the commands' option tables (README's copy is checked against it by a test). */
import { COMMANDS } from './commands.ts';
import { HELP, PUBLISH, ZONE, type CommandSpec, type OptionSpec } from './options.ts';

/** Lines are wrapped to this width. */
const WIDTH = 100;

/** "--title TEXT", or "-h, --help" for an option with a short form. */
function optionText(o: OptionSpec): string {
  const long = o.value ? `--${o.name} ${o.value}` : `--${o.name}`;
  return o === HELP ? `-h, ${long}` : long;
}

/** The option's help with what `multiple` and `localized` mean added. */
function optionHelp(o: OptionSpec): string {
  const extra = [o.multiple ? 'repeatable, or comma-separated' : '', o.localized ? `--${o.name}-sv etc. in other languages` : ''].filter(Boolean);
  return extra.length > 0 ? `${o.help} (${extra.join('; ')})` : o.help;
}

/** Words filled into lines of at most `width` characters (a longer word stands alone). */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  return [...lines, line];
}

/** A two-column row: the term at `indent`, its text from `column` on, wrapped, continued under itself. */
function row(indent: number, column: number, term: string, text: string): string {
  const head = `${' '.repeat(indent)}${term}`;
  const lines = wrap(text, WIDTH - column);
  const first = head.length + 2 <= column ? head.padEnd(column) : `${head}  `;
  return lines.map((l, i) => `${i === 0 ? first : ' '.repeat(column)}${l}`).join('\n') + '\n';
}

/** "incident update <id>". */
function synopsis(c: CommandSpec): string {
  return c.operands ? `${c.name} ${c.operands}` : c.name;
}

/** Text below the options, each shown with a command's help when the command takes `about`. */
const NOTES: readonly { about?: OptionSpec; text: string }[] = [
  {
    about: ZONE,
    text: `A TIME is "now", ISO 8601 with an offset ("2026-11-22T14:00:00+01:00"), or a local time with
a zone ("2026-11-22 14:00 Europe/Stockholm"); a local time without one is read in ${optionText(ZONE)},
else this computer's zone. It is always written as ISO 8601 with the offset, "now" in the
site's time zone. A local time in the hour that repeats when clocks go back is read as its
first occurrence, with a warning saying how to write the second. Files are written only if the
whole content folder then passes the check, and whole or not at all; comments and text already
in a file are kept.
`,
  },
  {
    about: PUBLISH,
    text: `Commands that write print a "Publish:" line (git add, commit, push) that is safe to paste into a
shell. With --${PUBLISH.name} they run it themselves: only the written file is committed, and it is
pushed to the branch's upstream. If someone pushed first, their commits are fetched and yours is
rebased onto them; if they changed the same incident, your update is made again on their version
(in time order) before pushing again (3 pushes at most). --${PUBLISH.name} needs a git working tree
with no other changes to tracked files and no commits waiting to be pushed; when it cannot push
(no remote, no upstream branch, remote unreachable) the file stays written and the message says
what to do.
`,
  },
  {
    text: `Exit status: 0 done, 1 refused or invalid content (nothing was written) or written but not
published (the message says which) or, for notify, a message not sent, 2 wrong usage.
`,
  },
  {
    text: `Environment:
  PHAROS_CONTENT   content folder (default: content)
  PHAROS_NOW       "now", ISO 8601 with offset (default: site.yaml's now, else the clock)
  PHAROS_SITE      public URL of the site, overriding site.yaml's url
  PHAROS_BASE      sub-path the site is served under, overriding site.yaml's base
`,
  },
];

/** The options listed once for several commands, by the phrase that says which ("every command"). */
function sharedOptions(commands: readonly CommandSpec[]): Map<string, OptionSpec[]> {
  const groups = new Map<string, OptionSpec[]>();
  for (const o of [...commands.flatMap((c) => c.options), HELP]) {
    if (o.shared === undefined) continue;
    const group = groups.get(o.shared) ?? [];
    if (!group.includes(o)) group.push(o);
    groups.set(o.shared, group);
  }
  return groups;
}

/** What `pharos --help` prints: every command with its own options, then the shared ones and the notes. */
function overallUsage(commands: readonly CommandSpec[]): string {
  let text = 'Usage: pharos <command> [options]\n\nCommands:\n';
  for (const c of commands) {
    text += row(2, 29, synopsis(c), c.summary);
    for (const o of c.options) if (o.shared === undefined) text += row(6, 31, optionText(o), optionHelp(o));
  }
  for (const [phrase, options] of sharedOptions(commands)) {
    text += `\n${phrase[0]!.toUpperCase()}${phrase.slice(1)} takes:\n`;
    for (const o of options) text += row(6, 31, optionText(o), o === HELP ? `${o.help} (pharos ${commands[0]!.name} --help)` : optionHelp(o));
  }
  return `${text}\n${NOTES.map((n) => n.text).join('\n')}`;
}

/** What `pharos <command> --help` prints: its options, and the notes about options it takes. */
export function commandHelp(c: CommandSpec): string {
  let text = `Usage: pharos ${synopsis(c)} [options]\n\n${c.summary[0]!.toUpperCase()}${c.summary.slice(1)}.\n\nOptions:\n`;
  for (const o of [...c.options, HELP]) text += row(2, 27, optionText(o), optionHelp(o));
  const notes = NOTES.filter((n) => n.about === undefined || c.options.includes(n.about));
  return `${text}\n${notes.map((n) => n.text).join('\n')}`;
}

/** What `pharos --help` prints. */
export const USAGE = overallUsage(COMMANDS.map((c) => c.spec));
