/**
 * Wall-clock parts of instants in an IANA zone, through Intl only (this module also runs in the
 * browser, in the hours page's script): the local date and minute of every 15-minute slot of a
 * span, with the zone's offset looked up only where it may change.
 */

export interface Parts {
  /** Local date, YYYY-MM-DD. */
  date: string;
  /** Monday 0 to Sunday 6. */
  weekday: number;
  /** Minute of the local day, 0 to 1439. */
  minutes: number;
}

const partFormats = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** Local date, weekday (Monday 0) and minute of the day of an instant in a zone. */
export function partsIn(zone: string, ms: number): Parts {
  let f = partFormats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      weekday: 'short',
    });
    partFormats.set(zone, f);
  }
  const p: Record<string, string> = {};
  for (const x of f.formatToParts(new Date(ms))) p[x.type] = x.value;
  return { date: `${p.year}-${p.month}-${p.day}`, weekday: WEEKDAYS.indexOf(p.weekday ?? ''), minutes: Number(p.hour) * 60 + Number(p.minute) };
}

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * Minutes a zone is ahead of UTC at an instant (whole minutes), from Intl's "GMT-06:00": unlike
 * the local date, that reads the same in any year (a year before 1000 has no four digits to parse).
 */
export function offsetAt(zone: string, ms: number): number {
  let f = offsetFormats.get(zone);
  if (!f) offsetFormats.set(zone, (f = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })));
  const name = f.formatToParts(new Date(ms)).find((x) => x.type === 'timeZoneName')?.value ?? '';
  const m = /([+\-\u2212])(\d\d):?(\d\d)?/.exec(name);
  return m ? (m[1] === '+' ? 1 : -1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)) : 0;
}

/** Length of a slot of the coverage chart. */
export const SLOT = 15 * 60000;

/**
 * Calls `fn` with the local date and minute of the day of every 15-minute slot from `start` to
 * `end` in a zone. The offset is read from Intl only where it may change (a DST switch is found by
 * bisection), not for every slot: a week of coverage costs a few dozen lookups, not thousands.
 */
export function forEachSlot(zone: string, start: number, end: number, fn: (date: string, minutes: number) => void): void {
  let t = start;
  while (t < end) {
    // Within a week an offset changes at most once.
    const count = Math.min(Math.ceil((end - t) / SLOT), (7 * 86400000) / SLOT);
    const offset = offsetAt(zone, t);
    let same = count;
    if (offsetAt(zone, t + (count - 1) * SLOT) !== offset) {
      let lo = 0;
      let hi = count - 1;
      while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        if (offsetAt(zone, t + mid * SLOT) === offset) lo = mid;
        else hi = mid;
      }
      same = hi;
    }
    // Local time is plain arithmetic within the stretch; a date string is made once per local day.
    let day = Number.NaN;
    let date = '';
    for (let k = 0; k < same; k++, t += SLOT) {
      const local = t + offset * 60000;
      const d = Math.floor(local / 86400000);
      if (d !== day) {
        day = d;
        date = new Date(d * 86400000).toISOString().slice(0, 10);
      }
      fn(date, Math.floor((local - d * 86400000) / 60000));
    }
  }
}
