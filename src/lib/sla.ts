/** The SLA clock of an incident: each target's due time and whether it was met, missed or is still running. */
import type { SiteContent } from './content/load.ts';
import type { Incident } from '../schemas/incident.ts';
import type { Target } from '../schemas/common.ts';
import type { SeverityLevel } from '../schemas/severities.ts';
import { DAYS, type Day } from '../schemas/support-hours.ts';
import { dueAt, type BusinessCalendar, type Pause } from './business-time.ts';
import { isOpen } from './status.ts';
import type { TargetKey } from './targets.ts';

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

/**
 * The full clock of an incident: an entry per target its severity promises. Status updates give the
 * next update's due time while it runs, or whether every gap kept to the interval.
 */
export interface SlaClock extends Partial<Record<TargetKey, ClockEntry>> {
  severity: SeverityLevel;
}

/** Business days where nothing says otherwise. */
const WORKWEEK: readonly Day[] = ['mon', 'tue', 'wed', 'thu', 'fri'];

/** The business calendar for an incident: the first desk serving its first affected product, else the site's zone Monday to Friday. */
export function calendarFor(c: Pick<SiteContent, 'support' | 'site'>, productId: string | undefined): BusinessCalendar {
  for (const desk of c.support.desks) {
    const entry = desk.products.find((p) => p.product === productId);
    if (!entry) continue;
    const days = new Set<Day>(entry.hours.flatMap((h) => h.days));
    return { zone: desk.zone, workdays: days.size > 0 ? DAYS.filter((d) => days.has(d)) : WORKWEEK, closures: desk.closures };
  }
  return { zone: c.site.timeZone, workdays: WORKWEEK, closures: [] };
}

/**
 * An incident's clock in its content, as every page and command shows it: its severity's targets
 * for its scope, on the calendar of its first affected product, at the content's "now".
 * Undefined when the severity is not one of the content's.
 */
export function incidentClock(c: Pick<SiteContent, 'severities' | 'support' | 'site' | 'now'>, incident: Incident): SlaClock | undefined {
  const severity = c.severities.find((s) => s.id === incident.severity);
  return severity && slaClock(incident, severity, calendarFor(c, incident.affects[0]?.product), c.now);
}

/** When the next status update is due, while one is owed (the incident open and not yet restored), and whether that time has passed. */
export function nextUpdateDue(clock: SlaClock | undefined): { due: string; overdue: boolean } | undefined {
  const e = clock?.statusUpdates;
  return e?.due === undefined ? undefined : { due: e.due, overdue: e.outcome === 'overdue' };
}

/** Where an open incident's next-update time comes from: its severity's interval, the time staff set, or the site's default. */
export type NextUpdateSource = 'severity' | 'staff' | 'site';

/**
 * When an open incident's next update is due, and whether that time has passed at the content's
 * "now": the severity's status-update interval while one is owed; otherwise the time staff set with
 * the latest update (`nextUpdate`); otherwise the latest update plus site.yaml's `nextUpdateAfter`.
 * Undefined for a resolved incident. `clock` is the incident's (incidentClock).
 */
export function nextUpdateBy(
  c: Pick<SiteContent, 'site' | 'now'>,
  incident: Incident,
  clock: SlaClock | undefined,
): { due: string; overdue: boolean; source: NextUpdateSource } | undefined {
  if (!isOpen(incident, c.now)) return undefined;
  const owed = nextUpdateDue(clock);
  if (owed) return { ...owed, source: 'severity' };
  const last = incident.updates[incident.updates.length - 1]!;
  const due = last.nextUpdate ?? new Date(Date.parse(last.at) + c.site.nextUpdateAfter * 60_000).toISOString();
  return { due, overdue: Date.parse(c.now) > Date.parse(due), source: last.nextUpdate ? 'staff' : 'site' };
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
  const set = (key: TargetKey, value: ClockEntry | undefined) => {
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
