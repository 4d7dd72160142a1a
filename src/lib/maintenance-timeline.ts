/**
 * A maintenance window's timeline: the notices staff posted, plus the notices a Statuspage page
 * posts by itself when a window begins or ends and nobody has said so. A window's state comes from
 * its window and now (status.ts); without the automatic notices its latest notice could still say
 * "we will start on Sunday" while the page says "completed". Pages, feeds and the API all take the
 * timeline from here, so what a reader sees, what a feed reader gets and what a Statuspage client
 * reads cannot disagree.
 */
import type { Maintenance } from '../schemas/maintenance.ts';
import type { Localized } from '../schemas/common.ts';
import { UI, translator, type LocalizedText } from './i18n.ts';
import { windowState, type MaintenanceState } from './status.ts';

/** A notice's status in Statuspage's words for a maintenance update: the window's state when it was posted. */
export type NoticeStatus = Exclude<MaintenanceState, 'cancelled'>;

/** A notice staff posted: one of the window's `updates`. */
export interface StaffNotice {
  automatic: false;
  at: string;
  /** The state of the window when it was posted; the notice that calls a window off is `completed`, as Statuspage has no "cancelled". */
  status: NoticeStatus;
  /** Its position in `updates` (API ids are made from it). */
  index: number;
  /** Its Markdown text. */
  message: Localized;
}

/** A notice the clock posts at a window's start (`in_progress`) or end (`completed`); its words are UI strings. */
export interface AutomaticNotice {
  automatic: true;
  /** The window's start or end. */
  at: string;
  status: 'in_progress' | 'completed';
}

/** One entry of a maintenance window's timeline. */
export type MaintenanceNotice = StaffNotice | AutomaticNotice;

/**
 * The timeline of `m` at `now`, oldest first: its notices, and for each boundary that has passed
 * (start, end) an automatic notice at that boundary, unless staff posted one at or after it with the
 * same status (a notice during the window says it has begun; one after its end that it is done).
 * A cancelled window gets none: it neither began nor ended. Once its end has passed a window has
 * both, begun before completed, since the start comes before the end.
 */
export function maintenanceTimeline(m: Maintenance, now: string): MaintenanceNotice[] {
  const calledOff = cancellationNotice(m);
  const notices: MaintenanceNotice[] = m.updates.map((u, index) => ({
    automatic: false,
    at: u.at,
    status: index === calledOff ? 'completed' : windowState(m.window, u.at),
    index,
    message: u.message,
  }));
  if (m.cancelled !== undefined) return notices;
  const said = new Set(notices.map((n) => n.status));
  for (const [at, status] of [
    [m.window.start, 'in_progress'],
    [m.window.end, 'completed'],
  ] as const) {
    if (Date.parse(at) <= Date.parse(now) && !said.has(status)) notices.push({ automatic: true, at, status });
  }
  // Stable: notices keep content order among themselves; an automatic one goes where its time puts it.
  return notices.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

/**
 * The position of the notice that called a cancelled window off: the last one posted at the time
 * it was cancelled (a colleague's notice may come after it in time order), else the last one;
 * undefined for a window that was not cancelled.
 */
export function cancellationNotice(m: Pick<Maintenance, 'updates' | 'cancelled'>): number | undefined {
  if (m.cancelled === undefined) return undefined;
  const at = Date.parse(m.cancelled);
  const found = m.updates.findLastIndex((u) => Date.parse(u.at) === at);
  return found >= 0 ? found : m.updates.length - 1;
}

/** The words of an automatic notice in `locale` ("The scheduled maintenance has begun."), with the language they are in. */
export function automaticNoticeText(n: AutomaticNotice, locale: string): LocalizedText {
  // A locale without UI strings reads them in English, and says so.
  return { text: translator(locale)(`maintenanceNotice.${n.status}`), lang: locale in UI ? locale : 'en' };
}
