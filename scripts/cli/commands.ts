/** Every command with its options table and the function that runs it, in the order the help lists them. */
import type { Io } from './io.ts';
import { parseCommand, type CommandSpec, type OptionName, type ParsedArgs } from './options.ts';
import { INCIDENT_NEW, INCIDENT_RESOLVE, INCIDENT_UPDATE, incidentNew, incidentResolve, incidentUpdate } from './incident.ts';
import {
  MAINTENANCE_CANCEL,
  MAINTENANCE_NEW,
  MAINTENANCE_RESCHEDULE,
  MAINTENANCE_UPDATE,
  maintenanceCancel,
  maintenanceNew,
  maintenanceReschedule,
  maintenanceUpdate,
} from './maintenance.ts';
import { CHECK, checkCommand } from './check.ts';
import { LIST, listCommand } from './list.ts';
import { NOTIFY, notifyCommand } from './notify.ts';

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
  command(INCIDENT_NEW, incidentNew),
  command(INCIDENT_UPDATE, incidentUpdate),
  command(INCIDENT_RESOLVE, incidentResolve),
  command(MAINTENANCE_NEW, maintenanceNew),
  command(MAINTENANCE_UPDATE, maintenanceUpdate),
  command(MAINTENANCE_CANCEL, maintenanceCancel),
  command(MAINTENANCE_RESCHEDULE, maintenanceReschedule),
  command(CHECK, checkCommand),
  command(LIST, listCommand),
  command(NOTIFY, notifyCommand),
];
