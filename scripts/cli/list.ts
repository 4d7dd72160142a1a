/** `pharos list`: open incidents and maintenance in progress or upcoming, at a glance. */
import { localize } from '../../src/lib/i18n.ts';
import { isOpen, maintenanceState } from '../../src/lib/status.ts';
import type { Io } from './io.ts';
import { str, type OptionName, type ParsedArgs } from './options.ts';
import type { LIST } from './commands.ts';
import { contentFolder, loadValid } from './site.ts';
import { incidentClock, nextUpdateBy } from '../../src/lib/sla.ts';
import { show } from './time.ts';

/** Lays out rows in aligned columns, indented by two spaces. */
function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => `  ${r.map((c, i) => (i < r.length - 1 ? c.padEnd(widths[i]!) : c)).join('  ')}`.trimEnd() + '\n').join('');
}

/** Runs `list`. */
export function listCommand(p: ParsedArgs<OptionName<typeof LIST>>, io: Io): number {
  const folder = contentFolder(io, str(p, 'content'));
  const c = loadValid(io, folder);
  const zone = c.site.timeZone;
  const def = c.site.defaultLocale;
  const title = (t: Parameters<typeof localize>[0]) => localize(t, def, def).text;

  const open = c.incidents.filter((i) => isOpen(i, c.now));
  io.out(`Now: ${show(c.now, zone)} (${zone})\n\n`);
  if (open.length === 0) io.out('No open incidents.\n');
  else {
    io.out(`Open incidents (${open.length}):\n`);
    io.out(
      table(
        open.map((i) => {
          const last = i.updates[i.updates.length - 1]!;
          const next = nextUpdateBy(c, i, incidentClock(c, i));
          const due = next ? `, next update ${next.overdue ? 'OVERDUE since' : 'due by'} ${show(next.due, zone)}` : '';
          return [i.id, i.severity, last.status, `last update ${show(last.at, zone)}${due}`, title(i.title)];
        }),
      ),
    );
  }
  const windows = c.maintenance
    .filter((m) => ['in_progress', 'scheduled'].includes(maintenanceState(m, c.now)))
    .sort((a, b) => a.window.start.localeCompare(b.window.start));
  io.out('\n');
  if (windows.length === 0) io.out('No maintenance in progress or upcoming.\n');
  else {
    io.out(`Maintenance in progress or upcoming (${windows.length}):\n`);
    io.out(
      table(
        windows.map((m) => [
          m.id,
          maintenanceState(m, c.now) === 'in_progress' ? 'in progress' : 'upcoming',
          `${show(m.window.start, zone)} to ${show(m.window.end, zone)}`,
          m.products.join(', '),
          title(m.title),
        ]),
      ),
    );
  }
  return 0;
}
