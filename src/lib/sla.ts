/** The SLA clock of an incident: each target's due time and whether it was met, missed or is still running. */
import type { SiteContent } from './content/load.ts';
import type { Incident } from '../schemas/incident.ts';
import type { Target } from '../schemas/common.ts';
import type { SeverityLevel } from '../schemas/severities.ts';
import { DAYS, type Day } from '../schemas/support-hours.ts';
import { dueAt, type BusinessCalendar, type Pause } from './business-time.ts';
import { isOpen } from './status.ts';

/** How a target stands. */
export type Outcome = 'met' | 'missed' | 'running' | 'overdue' | 'no-deadline';

/** One target of the clock. */
export interface ClockEntry {
  target: Target;
  /** When it falls due; absent for targets without an amount ("best effort"). */
  due?: string;
  /** When it was achieved, if it was. */
  achievedAt?: string;
  outcome: Outcome;
}

/** The full clock of an incident. */
export interface SlaClock {
  severity: SeverityLevel;
  response?: ClockEntry;
  restoration?: ClockEntry;
  resolution?: ClockEntry;
  /** Status-update cadence: the next update's due time while it runs, or whether every gap kept to it. */
  statusUpdates?: ClockEntry;
  rootCauseReport?: ClockEntry;
}

/** The business calendar for an incident: the first desk serving its first affected product, else the site's zone Monday to Friday. */
export function calendarFor(c: Pick<SiteContent, 'support' | 'site'>, productId: string | undefined): BusinessCalendar {
  for (const desk of c.support.desks) {
    const entry = desk.products.find((p) => p.product === productId);
    if (!entry) continue;
    const days = new Set<Day>(entry.hours.flatMap((h) => h.days));
    return { zone: desk.zone, workdays: days.size > 0 ? DAYS.filter((d) => days.has(d)) : ['mon', 'tue', 'wed', 'thu', 'fri'], closures: desk.closures };
  }
  return { zone: c.site.timeZone, workdays: ['mon', 'tue', 'wed', 'thu', 'fri'], closures: [] };
}

function entry(
  target: Target | undefined,
  start: string,
  achievedAt: string | undefined,
  now: string,
  cal: BusinessCalendar,
  pauses: readonly Pause[],
): ClockEntry | undefined {
  if (!target) return undefined;
  const due = dueAt(start, target, cal, pauses);
  const base: ClockEntry = { target, outcome: 'no-deadline' };
  if (achievedAt !== undefined) base.achievedAt = achievedAt;
  if (due === undefined) return base;
  base.due = due;
  if (achievedAt !== undefined) base.outcome = achievedAt <= due ? 'met' : 'missed';
  else base.outcome = now > due ? 'overdue' : 'running';
  return base;
}

/** Computes the clock of an incident at `now`. `pauses` are customer-wait periods (they count only where the target says so). */
export function slaClock(incident: Incident, severity: SeverityLevel, cal: BusinessCalendar, now: string, pauses: readonly Pause[] = []): SlaClock {
  const targets = severity.targets[incident.scope];
  const first = incident.updates[0];
  const restored = incident.updates.find((u) => u.status === 'monitoring' || u.status === 'resolved');
  const clock: SlaClock = { severity };
  const set = <K extends 'response' | 'restoration' | 'resolution' | 'statusUpdates' | 'rootCauseReport'>(key: K, value: ClockEntry | undefined) => {
    if (value) clock[key] = value;
  };
  set('response', entry(targets.response, incident.started, first?.at, now, cal, pauses));
  set('restoration', entry(targets.restoration, incident.started, restored?.at, now, cal, pauses));
  set('resolution', entry(targets.resolution, incident.started, incident.resolved, now, cal, pauses));
  set('statusUpdates', updatesEntry(incident, targets.statusUpdates, restored?.at, now, cal));
  if (incident.systemWide && incident.resolved !== undefined) {
    set('rootCauseReport', entry(targets.rootCauseReport, incident.resolved, incident.body.trim() ? incident.resolved : undefined, now, cal, []));
  }
  return clock;
}

/**
 * Status updates: while the incident is open and not yet restored, the next update is due one
 * interval after the last one. Afterwards, met when no gap between updates (up to restoration)
 * exceeded the interval.
 */
function updatesEntry(
  incident: Incident,
  target: Target | undefined,
  restoredAt: string | undefined,
  now: string,
  cal: BusinessCalendar,
): ClockEntry | undefined {
  if (!target) return undefined;
  const last = incident.updates[incident.updates.length - 1]!;
  if (target.kind !== 'duration') return { target, outcome: 'no-deadline' };
  if (isOpen(incident, now) && restoredAt === undefined) {
    const due = dueAt(last.at, target, cal)!;
    return { target, due, outcome: now > due ? 'overdue' : 'running' };
  }
  const until = restoredAt ?? incident.resolved ?? now;
  const times = [incident.started, ...incident.updates.map((u) => u.at).filter((t) => t <= until)];
  const kept = times.every((t, i) => i === 0 || dueAt(times[i - 1]!, target, cal)! >= t);
  return { target, outcome: kept ? 'met' : 'missed' };
}
