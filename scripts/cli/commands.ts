/**
 * Every command: its options table, the one definition the parser and the help read, and the
 * function that runs it, in the order the help lists them. A command's code is imported only when
 * it runs, so `pharos incident update` does not load what `pharos notify` sends mail with, and the
 * help loads none of it.
 */
import type { Io } from './io.ts';
import { CONTENT, NEXT_UPDATE, PUBLISH, SLUG, ZONE, parseCommand, type CommandSpec, type OptionName, type ParsedArgs } from './options.ts';
import { IMPACTS, INCIDENT_STATUSES, OPEN_STATUSES, UPDATE_IMPACTS } from '../../src/schemas/incident.ts';
import { SCOPES } from '../../src/schemas/severities.ts';
import { or } from './text.ts';

/** `pharos incident new`: its options, the one definition the parser and the help read. */
export const INCIDENT_NEW = {
  name: 'incident new',
  summary: 'write content/incidents/<date>-<slug>.md; asks for what is missing',
  options: [
    { name: 'title', type: 'string', value: 'TEXT', localized: true, help: 'headline in the default language' },
    { name: 'severity', type: 'string', value: 'ID', help: 'a level from severities.yaml' },
    { name: 'scope', type: 'string', value: SCOPES.join('|'), help: 'whose software failed (default: own)' },
    { name: 'system-wide', type: 'boolean', help: 'the whole service is hit (a root-cause report is due)' },
    { name: 'affects', type: 'string', value: 'ID[:IMPACT]', multiple: true, help: `affected product; IMPACT is ${or(IMPACTS)}` },
    { name: 'impact', type: 'string', value: 'IMPACT', help: 'impact for products given without one (default: partial_outage)' },
    { name: 'started', type: 'string', value: 'TIME', help: 'when the problem began (default: now)' },
    { name: 'status', type: 'string', value: 'STATUS', help: `first update's status: ${or(OPEN_STATUSES)} (default: investigating)` },
    { name: 'message', type: 'string', value: 'TEXT', localized: true, help: 'first update for customers' },
    { name: 'at', type: 'string', value: 'TIME', help: 'time of the first update (default: now)' },
    NEXT_UPDATE,
    SLUG,
    PUBLISH,
    CONTENT,
    ZONE,
  ],
} as const satisfies CommandSpec;

/** `pharos incident update`: its options. */
export const INCIDENT_UPDATE = {
  name: 'incident update',
  operands: '<id>',
  summary: 'append an update',
  options: [
    { name: 'status', type: 'string', value: 'STATUS', help: `${or(INCIDENT_STATUSES)} (default: the last update's; with --reopen, investigating)` },
    { name: 'message', type: 'string', value: 'TEXT', localized: true, help: 'the update for customers' },
    { name: 'at', type: 'string', value: 'TIME', help: 'time of the update (default: now)' },
    { name: 'force', type: 'boolean', help: 'allow a status that goes back (monitoring to identified)' },
    { name: 'reopen', type: 'boolean', help: 'post to a resolved incident, which reopens it' },
    {
      name: 'affects',
      type: 'string',
      value: 'ID:IMPACT',
      multiple: true,
      help: `a product whose impact changes from this update on, asked after the status in a terminal; IMPACT is ${or(UPDATE_IMPACTS)}`,
    },
    NEXT_UPDATE,
    PUBLISH,
    CONTENT,
    ZONE,
  ],
} as const satisfies CommandSpec;

/** `pharos incident resolve`: its options. */
export const INCIDENT_RESOLVE = {
  name: 'incident resolve',
  operands: '<id>',
  summary: 'append the resolved update, set resolved, print the SLA outcome',
  options: [
    { name: 'message', type: 'string', value: 'TEXT', localized: true, help: 'the closing update for customers' },
    { name: 'at', type: 'string', value: 'TIME', help: 'time of the resolution (default: now)' },
    PUBLISH,
    CONTENT,
    ZONE,
  ],
} as const satisfies CommandSpec;

/** `pharos maintenance new`: its options, the one definition the parser and the help read. */
export const MAINTENANCE_NEW = {
  name: 'maintenance new',
  summary: 'write content/maintenance/<date>-<slug>.md; asks for what is missing',
  options: [
    { name: 'title', type: 'string', value: 'TEXT', localized: true, help: 'headline in the default language' },
    { name: 'products', type: 'string', value: 'ID', multiple: true, help: 'affected products' },
    { name: 'start', type: 'string', value: 'TIME', help: 'when the window begins' },
    { name: 'end', type: 'string', value: 'TIME', help: "when it ends; a local time is read in the start's zone" },
    { name: 'message', type: 'string', value: 'TEXT', localized: true, help: 'the first notice for customers' },
    { name: 'at', type: 'string', value: 'TIME', help: 'time of the first notice (default: now)' },
    SLUG,
    PUBLISH,
    CONTENT,
    ZONE,
  ],
} as const satisfies CommandSpec;

/** `pharos maintenance update`: its options. */
export const MAINTENANCE_UPDATE = {
  name: 'maintenance update',
  operands: '<id>',
  summary: 'append a notice to a window (the work has begun, runs late, is done)',
  options: [
    { name: 'message', type: 'string', value: 'TEXT', localized: true, help: 'the notice for customers' },
    { name: 'at', type: 'string', value: 'TIME', help: 'time of the notice (default: now)' },
    PUBLISH,
    CONTENT,
    ZONE,
  ],
} as const satisfies CommandSpec;

/** `pharos maintenance cancel`: its options. */
export const MAINTENANCE_CANCEL = {
  name: 'maintenance cancel',
  operands: '<id>',
  summary: 'call a window off: append the notice and set cancelled',
  options: [
    { name: 'message', type: 'string', value: 'TEXT', localized: true, help: 'the notice for customers (why, and what happens instead)' },
    { name: 'at', type: 'string', value: 'TIME', help: 'time of the cancellation (default: now)' },
    PUBLISH,
    CONTENT,
    ZONE,
  ],
} as const satisfies CommandSpec;

/** `pharos maintenance reschedule`: its options. */
export const MAINTENANCE_RESCHEDULE = {
  name: 'maintenance reschedule',
  operands: '<id>',
  summary: "move a window's start or end, with a notice saying so",
  options: [
    { name: 'start', type: 'string', value: 'TIME', help: 'the new start (a window under way keeps its start)' },
    { name: 'end', type: 'string', value: 'TIME', help: "the new end; a local time is read in the start's zone" },
    { name: 'message', type: 'string', value: 'TEXT', localized: true, help: 'the notice for customers (what moved, and why)' },
    { name: 'at', type: 'string', value: 'TIME', help: 'time of the notice (default: now)' },
    PUBLISH,
    CONTENT,
    ZONE,
  ],
} as const satisfies CommandSpec;

/** `pharos check`: its options, the one definition the parser and the help read. */
export const CHECK = {
  name: 'check',
  summary: "validate content without building; then the policy's warnings",
  options: [
    { name: 'format', type: 'string', value: 'text|github', help: 'github: also print ::error/::warning annotation lines (default: text)' },
    { name: 'strict', type: 'boolean', help: 'warnings fail the check too' },
    CONTENT,
  ],
} as const satisfies CommandSpec;

/** `pharos list`: its options, the one definition the parser and the help read. */
export const LIST = { name: 'list', summary: 'open incidents and maintenance in progress or upcoming', options: [CONTENT] } as const satisfies CommandSpec;

/** `pharos notify`: its options, the one definition the parser and the help read. */
export const NOTIFY = {
  name: 'notify',
  summary: "send what changed to notify.yaml's channels, each event once",
  options: [
    { name: 'dry-run', type: 'boolean', help: 'print what would be sent; send and record nothing' },
    {
      name: 'state',
      type: 'string',
      value: 'FILE',
      help: 'the delivery record (default: $PHAROS_NOTIFY_STATE, else node_modules/.cache/pharos/notify-state.json)',
    },
    {
      name: 'built',
      type: 'string',
      value: 'DIR',
      help: 'the built site being deployed: send as of the "now" in its build.json, as the site shows it (default: the clock; PHAROS_NOW overrides)',
    },
    CONTENT,
  ],
} as const satisfies CommandSpec;

/** A command as the entry point sees it: its table, and a run that parses its arguments with that table. */
export interface Command {
  spec: CommandSpec;
  run: (args: readonly string[], io: Io) => number | Promise<number>;
}

/** Pairs a table with its command, so the command gets values typed by the table's option names. */
function command<const C extends CommandSpec>(spec: C, run: (p: ParsedArgs<OptionName<C>>, io: Io) => number | Promise<number>): Command {
  return { spec, run: (args, io) => run(parseCommand(spec, args), io) };
}

/** The commands, in help order. */
export const COMMANDS: readonly Command[] = [
  command(INCIDENT_NEW, async (p, io) => (await import('./incident.ts')).incidentNew(p, io)),
  command(INCIDENT_UPDATE, async (p, io) => (await import('./incident.ts')).incidentUpdate(p, io)),
  command(INCIDENT_RESOLVE, async (p, io) => (await import('./incident.ts')).incidentResolve(p, io)),
  command(MAINTENANCE_NEW, async (p, io) => (await import('./maintenance.ts')).maintenanceNew(p, io)),
  command(MAINTENANCE_UPDATE, async (p, io) => (await import('./maintenance.ts')).maintenanceUpdate(p, io)),
  command(MAINTENANCE_CANCEL, async (p, io) => (await import('./maintenance.ts')).maintenanceCancel(p, io)),
  command(MAINTENANCE_RESCHEDULE, async (p, io) => (await import('./maintenance.ts')).maintenanceReschedule(p, io)),
  command(CHECK, async (p, io) => (await import('./check.ts')).checkCommand(p, io)),
  command(LIST, async (p, io) => (await import('./list.ts')).listCommand(p, io)),
  command(NOTIFY, async (p, io) => (await import('./notify.ts')).notifyCommand(p, io)),
];
