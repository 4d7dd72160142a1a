/** An incident's SLA outcome in plain lines for the terminal, from the same clock the incident page shows. */
import type { SiteContent } from '../../src/lib/content/load.ts';
import type { Incident } from '../../src/schemas/incident.ts';
import { calendarFor, slaClock, type ClockEntry, type SlaClock } from '../../src/lib/sla.ts';
import { formatTarget, type TargetKey } from '../../src/lib/targets.ts';
import { localize } from '../../src/lib/i18n.ts';
import { show } from './time.ts';

/** The incident's clock at the content's "now" (undefined when its severity is unknown). */
export function clockOf(content: SiteContent, incident: Incident): SlaClock | undefined {
  const severity = content.severities.find((s) => s.id === incident.severity);
  if (!severity) return undefined;
  return slaClock(incident, severity, calendarFor(content, incident.affects[0]?.product), content.now);
}

const ROWS: [TargetKey, string, string][] = [
  ['response', 'response', 'first update'],
  ['restoration', 'restoration', 'restored'],
  ['resolution', 'resolution', 'resolved'],
  ['statusUpdates', 'status updates', ''],
  ['rootCauseReport', 'root-cause report', 'report'],
];

/** Lines such as "  response           30 minutes    met      due 2026-11-22 10:30, first update 10:05". */
export function slaLines(content: SiteContent, incident: Incident): string[] {
  const clock = clockOf(content, incident);
  if (!clock) return [];
  const zone = content.site.timeZone;
  const def = content.site.defaultLocale;
  const name = localize(clock.severity.name, def, def).text;
  const lines = [`SLA outcome (${name}, ${incident.scope === 'own' ? 'our software' : 'third-party software'}; times in ${zone}):`];
  const rows = ROWS.map(([key, label, achieved]) => {
    const e: ClockEntry | undefined = clock[key];
    if (!e) return [label, 'no target', '', ''];
    const details = [e.due ? `due ${show(e.due, zone)}` : '', e.achievedAt && achieved ? `${achieved} ${show(e.achievedAt, zone)}` : '']
      .filter(Boolean)
      .join(', ');
    // The bare target; its conditions are long and on the incident page.
    const target = key === 'statusUpdates' && e.target.kind === 'duration' ? `every ${formatTarget(e.target, 'en')}` : formatTarget(e.target, 'en');
    return [label, target, OUTCOME[e.outcome], details];
  });
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const r of rows) lines.push(`  ${r.map((c, i) => (i < 3 ? c.padEnd(widths[i]!) : c)).join('  ')}`.trimEnd());
  return lines;
}

/** Outcomes in words. */
const OUTCOME: Record<ClockEntry['outcome'], string> = {
  met: 'met',
  missed: 'MISSED',
  running: 'running',
  overdue: 'OVERDUE',
  'no-deadline': 'no deadline',
};
