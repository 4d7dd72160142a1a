/** An incident's SLA outcome in plain lines for the terminal, from the same clock the incident page shows. */
import type { SiteContent } from '../../src/lib/content/load.ts';
import type { Incident } from '../../src/schemas/incident.ts';
import { incidentClock, type ClockEntry } from '../../src/lib/sla.ts';
import { TARGET_KEYS, targetWords, type TargetKey } from '../../src/lib/targets.ts';
import { localize } from '../../src/lib/i18n.ts';
import { show } from './time.ts';

/** Each target's label, and the word for the moment it was achieved (none for status updates, which recur). */
const ROWS: Record<TargetKey, { label: string; achieved: string }> = {
  response: { label: 'response', achieved: 'first update' },
  restoration: { label: 'restoration', achieved: 'restored' },
  resolution: { label: 'resolution', achieved: 'resolved' },
  statusUpdates: { label: 'status updates', achieved: '' },
  rootCauseReport: { label: 'root-cause report', achieved: 'report' },
};

/** Lines such as "  response           30 minutes    met      due 2026-11-22 10:30, first update 10:05". */
export function slaLines(content: SiteContent, incident: Incident): string[] {
  const clock = incidentClock(content, incident);
  if (!clock) return [];
  const zone = content.site.timeZone;
  const def = content.site.defaultLocale;
  const name = localize(clock.severity.name, def, def).text;
  const lines = [`SLA outcome (${name}, ${incident.scope === 'own' ? 'our software' : 'third-party software'}; times in ${zone}):`];
  const rows = TARGET_KEYS.map((key) => {
    const { label, achieved } = ROWS[key];
    const e: ClockEntry | undefined = clock[key];
    if (!e) return [label, 'no target', '', ''];
    const details = [e.due ? `due ${show(e.due, zone)}` : '', e.achievedAt && achieved ? `${achieved} ${show(e.achievedAt, zone)}` : '']
      .filter(Boolean)
      .join(', ');
    // The bare target; its conditions are long and on the incident page.
    return [label, targetWords(e.target, key, 'en'), OUTCOME[e.outcome], details];
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
