/** Release rules as RFC 5545 allows them: what passes, and the message for each kind of mistake. */
import { describe, expect, test } from 'vitest';
import { rruleProblem } from '../../src/schemas/rrule.ts';
import { releaseDatesBetween } from '../../src/lib/cadence.ts';

describe('rules release schedules can use', () => {
  test.each([
    'FREQ=MONTHLY;BYDAY=3TU',
    'RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=WE',
    'FREQ=MONTHLY;BYMONTHDAY=-1',
    'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1',
    'FREQ=YEARLY;BYMONTH=3,9;BYDAY=2TH',
    'FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO',
    'FREQ=YEARLY;BYYEARDAY=1,100,200',
    'FREQ=DAILY;INTERVAL=10;COUNT=5',
    'FREQ=WEEKLY;UNTIL=20271231;WKST=SU;BYDAY=TU,TH',
    'FREQ=MONTHLY;INTERVAL=3;BYDAY=-1FR',
    'FREQ=WEEKLY;UNTIL=20271231T000000Z',
  ])('%s passes and expands', (rule) => {
    expect(rruleProblem(rule)).toBeUndefined();
    // The calendar code takes it without throwing.
    expect(() =>
      releaseDatesBetween({ kind: 'recurring', rrule: rule, start: '2026-01-01', zone: 'UTC', label: 'x' }, '2026-01-01', '2027-12-31'),
    ).not.toThrow();
  });
});

describe('rules that are refused, with what was expected', () => {
  test.each([
    ['FREQ=MONTHLY;BYDAY=XX', /"BYDAY=XX".*weekdays MO, TU/],
    ['FREQ=MONTHLY;BYDAY=', /a value after "BYDAY="/],
    ['FREQ=MONTHLY;BYDAY=MO,,TU', /weekdays MO.*"" is not/],
    ['FREQ=WEEKLY;BYDAY=2TU', /without a position with FREQ=WEEKLY/],
    ['FREQ=MONTHLY;BYDAY=6TU', /positions from 1 to 5/],
    ['FREQ=MONTHLY;BYDAY=0TU', /positions from 1 to 5/],
    ['FREQ=YEARLY;BYDAY=54MO', /positions from 1 to 53/],
    ['FREQ=YEARLY;BYWEEKNO=1;BYDAY=1MO', /without a position together with BYWEEKNO/],
    ['FREQ=MONTHLY;BYMONTHDAY=0', /days of the month from 1 to 31/],
    ['FREQ=MONTHLY;BYMONTHDAY=32', /days of the month from 1 to 31/],
    ['FREQ=WEEKLY;BYMONTHDAY=1', /no BYMONTHDAY with FREQ=WEEKLY/],
    ['FREQ=MONTHLY;BYMONTH=13', /months from 1 to 12/],
    ['FREQ=MONTHLY;BYSETPOS=0;BYDAY=MO', /positions from 1 to 366/],
    ['FREQ=MONTHLY;BYSETPOS=-1', /BYSETPOS together with another BY part/],
    ['FREQ=MONTHLY;BYYEARDAY=1', /only with FREQ=YEARLY/],
    ['FREQ=MONTHLY;BYWEEKNO=1', /only with FREQ=YEARLY/],
    ['FREQ=WEEKLY;INTERVAL=0', /at least 1/],
    ['FREQ=WEEKLY;INTERVAL=-1', /at least 1/],
    ['FREQ=WEEKLY;COUNT=0', /at least 1/],
    ['FREQ=WEEKLY;COUNT=3;UNTIL=20271231', /both COUNT and UNTIL/],
    ['FREQ=WEEKLY;UNTIL=2027-12-31', /UNTIL=20271231/],
    ['FREQ=WEEKLY;UNTIL=20270231', /UNTIL=20271231/],
    ['FREQ=WEEKLY;WKST=XX', /a weekday/],
    ['FREQ=WEEKLY;WKST=MO,TU', /one value for WKST/],
    ['FREQ=HOURLY', /whole days/],
    ['FREQ=FORTNIGHTLY', /FREQ=DAILY, WEEKLY, MONTHLY or YEARLY/],
    ['freq=weekly', /in capitals: FREQ/],
    ['FREQ=WEEKLY;BYHOUR=10', /no time of day/],
    ['FREQ=WEEKLY;X-NAME=1', /one of the parts/],
    ['FREQ=WEEKLY;FREQ=MONTHLY', /FREQ once/],
    ['BYDAY=MO', /without FREQ/],
    ['FREQ=WEEKLY;;BYDAY=MO', /NAME=VALUE/],
    ['', /empty rule/],
  ])('%s', (rule, message) => {
    expect(rruleProblem(rule)).toMatch(message);
  });
});
