/**
 * RFC 5545 recurrence rules (section 3.3.10) as release schedules use them: every part is checked
 * for its name, its values and the frequencies it may go with, so that a rule the check accepts is
 * one that the calendar code can expand. Release dates are days: no time-of-day parts.
 */

const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const FREQS = ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'];
const TIME_FREQS = ['SECONDLY', 'MINUTELY', 'HOURLY'];
const PARTS = ['FREQ', 'INTERVAL', 'COUNT', 'UNTIL', 'BYDAY', 'BYMONTHDAY', 'BYYEARDAY', 'BYWEEKNO', 'BYMONTH', 'BYSETPOS', 'WKST'];
const TIME_PARTS = ['BYSECOND', 'BYMINUTE', 'BYHOUR'];

/** The most days a frequency's period holds, which BYSETPOS counts within. */
const SET_SIZE: Record<string, number> = { DAILY: 1, WEEKLY: 7, MONTHLY: 31, YEARLY: 366 };

/** The most days of each month (February in a leap year). */
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A whole number from `min` to `max`, or (when `signed`) its negative; never 0. */
function numberIn(value: string, min: number, max: number, signed: boolean): boolean {
  if (!(signed ? /^[+-]?\d{1,3}$/ : /^\+?\d{1,4}$/).test(value)) return false;
  const n = Math.abs(Number(value));
  return n >= min && n <= max && (signed || Number(value) > 0);
}

/** Whether a date written YYYYMMDD exists. */
function realDate(ymd: string): boolean {
  const d = new Date(`${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6, 8)}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10).replace(/-/g, '') === ymd;
}

/** Why a rule is not one release schedules can use, in the content's "found ... (expected ...)" wording; undefined when it is. */
export function rruleProblem(rule: string): string | undefined {
  const body = rule.replace(/^RRULE:/, '');
  const at = (part: string, expected: string) => `found "${part}" in "${rule}" (expected ${expected})`;
  if (body.trim() === '') return `found an empty rule (expected RFC 5545 parts such as FREQ=MONTHLY;BYDAY=3TU)`;
  const parts = new Map<string, string>();
  for (const part of body.split(';')) {
    const m = /^([A-Za-z-]+)=(.*)$/.exec(part);
    if (!m) return at(part, 'parts written NAME=VALUE and separated by ";", such as FREQ=WEEKLY;INTERVAL=2');
    const [, name, value] = m as unknown as [string, string, string];
    if (name !== name.toUpperCase()) return at(part, `the part's name in capitals: ${name.toUpperCase()}`);
    if (TIME_PARTS.includes(name)) return at(part, 'no time of day: release dates are whole days, so BYHOUR, BYMINUTE and BYSECOND have no meaning');
    if (!PARTS.includes(name)) return at(part, `one of the parts ${PARTS.join(', ')}`);
    if (parts.has(name)) return at(part, `${name} once`);
    if (value === '') return at(part, `a value after "${name}="`);
    parts.set(name, value);
  }
  for (const name of ['FREQ', 'INTERVAL', 'COUNT', 'UNTIL', 'WKST']) {
    if (parts.get(name)?.includes(',')) return at(`${name}=${parts.get(name)}`, `one value for ${name}`);
  }
  const freq = parts.get('FREQ');
  if (freq === undefined) return `found "${rule}" without FREQ (expected FREQ=DAILY, WEEKLY, MONTHLY or YEARLY first)`;
  if (TIME_FREQS.includes(freq)) return at(`FREQ=${freq}`, 'FREQ=DAILY, WEEKLY, MONTHLY or YEARLY: release dates are whole days');
  if (!FREQS.includes(freq)) return at(`FREQ=${freq}`, 'FREQ=DAILY, WEEKLY, MONTHLY or YEARLY');
  const list = (name: string) => parts.get(name)?.split(',');
  const check = (name: string, ok: (v: string) => boolean, expected: string): string | undefined => {
    const bad = list(name)?.find((v) => !ok(v));
    return bad === undefined ? undefined : at(`${name}=${parts.get(name)}`, `${expected}; "${bad}" is not`);
  };
  const problem =
    check('INTERVAL', (v) => numberIn(v, 1, 9999, false), 'a whole number of at least 1, such as INTERVAL=2') ??
    check('COUNT', (v) => numberIn(v, 1, 9999, false), 'a whole number of at least 1, such as COUNT=12') ??
    check(
      'UNTIL',
      (v) => /^\d{8}(T([01]\d|2[0-3])[0-5]\d([0-5]\d|60)Z?)?$/.test(v) && realDate(v.slice(0, 8)),
      'a date such as UNTIL=20271231 (or a UTC time such as 20271231T000000Z)',
    ) ??
    check('BYMONTH', (v) => numberIn(v, 1, 12, false), 'months from 1 to 12, such as BYMONTH=3,9') ??
    check('BYMONTHDAY', (v) => numberIn(v, 1, 31, true), 'days of the month from 1 to 31, or -1 to -31 counted from its end, such as BYMONTHDAY=15 or -1') ??
    check('BYYEARDAY', (v) => numberIn(v, 1, 366, true), 'days of the year from 1 to 366, or -1 to -366') ??
    check('BYWEEKNO', (v) => numberIn(v, 1, 53, true), 'weeks of the year from 1 to 53, or -1 to -53') ??
    check('BYSETPOS', (v) => numberIn(v, 1, 366, true), 'positions from 1 to 366, or -1 to -366, such as BYSETPOS=-1 for the last') ??
    check('WKST', (v) => WEEKDAYS.includes(v), 'a weekday: MO, TU, WE, TH, FR, SA or SU') ??
    check(
      'BYDAY',
      (v) => /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/.test(v),
      'weekdays MO, TU, WE, TH, FR, SA or SU, each with an optional position such as 2TU or -1FR',
    );
  if (problem) return problem;
  if (parts.has('COUNT') && parts.has('UNTIL'))
    return `found both COUNT and UNTIL in "${rule}" (expected one of them: RFC 5545 allows a rule to end one way only)`;
  const days = list('BYDAY') ?? [];
  const ordinals = days.filter((v) => /^[+-]?\d/.test(v));
  // RFC 5545 reads BYDAY=1MO,FR as "the first Monday and every Friday"; the rrule package that
  // expands rules keeps only days that are both, a wrong calendar the check could not see.
  if (ordinals.length > 0 && ordinals.length < days.length)
    return at(
      `BYDAY=${parts.get('BYDAY')}`,
      'either every weekday with a position (1MO,-1FR) or none (MO,FR): the calendar code cannot mix "the first Monday" with "every Friday"; list the positions, such as 1FR,2FR,3FR,4FR,-1FR',
    );
  if (ordinals.length > 0) {
    if (freq !== 'MONTHLY' && freq !== 'YEARLY')
      return at(
        `BYDAY=${parts.get('BYDAY')}`,
        `weekdays without a position with FREQ=${freq} (a position such as 2TU means "the second Tuesday" of a month or year: use FREQ=MONTHLY or YEARLY)`,
      );
    if (freq === 'YEARLY' && parts.has('BYWEEKNO')) return at(`BYDAY=${parts.get('BYDAY')}`, 'weekdays without a position together with BYWEEKNO');
    const most = freq === 'MONTHLY' || parts.has('BYMONTH') ? 5 : 53;
    const bad = ordinals.find((v) => !numberIn(v.slice(0, -2), 1, most, true));
    if (bad !== undefined)
      return at(
        `BYDAY=${parts.get('BYDAY')}`,
        `positions from 1 to ${most} or -1 to -${most} ${most === 5 ? 'within a month' : 'within a year'}; "${bad}" is not`,
      );
  }
  if (parts.has('BYMONTHDAY') && freq === 'WEEKLY')
    return at(`BYMONTHDAY=${parts.get('BYMONTHDAY')}`, 'no BYMONTHDAY with FREQ=WEEKLY (RFC 5545 does not allow it)');
  if (parts.has('BYYEARDAY') && freq !== 'YEARLY') return at(`BYYEARDAY=${parts.get('BYYEARDAY')}`, `no BYYEARDAY with FREQ=${freq} (only with FREQ=YEARLY)`);
  if (parts.has('BYWEEKNO') && freq !== 'YEARLY') return at(`BYWEEKNO=${parts.get('BYWEEKNO')}`, `no BYWEEKNO with FREQ=${freq} (only with FREQ=YEARLY)`);
  if (parts.has('BYSETPOS') && ![...parts.keys()].some((k) => k.startsWith('BY') && k !== 'BYSETPOS'))
    return at(`BYSETPOS=${parts.get('BYSETPOS')}`, 'BYSETPOS together with another BY part, such as FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1');
  // Rules that can never give a date: refused here because the expansion would search for one
  // period by period up to the year 9999 (seconds for a daily rule) before giving up.
  const period = SET_SIZE[freq]!;
  const farPos = list('BYSETPOS')?.find((v) => Math.abs(Number(v)) > period);
  if (farPos !== undefined)
    return at(
      `BYSETPOS=${parts.get('BYSETPOS')}`,
      `positions within one period of FREQ=${freq}, which holds at most ${period} day${period === 1 ? '' : 's'}; "${farPos}" is never reached`,
    );
  const monthDays = list('BYMONTHDAY');
  if (monthDays !== undefined) {
    const months = (list('BYMONTH') ?? ['1']).map(Number);
    if (!monthDays.some((d) => months.some((m) => Math.abs(Number(d)) <= DAYS_IN_MONTH[m - 1]!)))
      return at(
        `BYMONTHDAY=${parts.get('BYMONTHDAY')}`,
        `a day the months of BYMONTH have (${months.map((m) => `${MONTH_NAMES[m - 1]} has at most ${DAYS_IN_MONTH[m - 1]}`).join(', ')}); no date ever matches`,
      );
  }
  return undefined;
}
