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
    // RFC 5545 section 3.8.5.3's examples that fall on days (its hourly and minutely ones are refused below).
    'FREQ=DAILY;COUNT=10',
    'FREQ=DAILY;UNTIL=19971224T000000Z',
    'FREQ=DAILY;INTERVAL=2',
    'FREQ=YEARLY;UNTIL=20000131T140000Z;BYMONTH=1;BYDAY=SU,MO,TU,WE,TH,FR,SA',
    'FREQ=DAILY;UNTIL=20000131T140000Z;BYMONTH=1',
    'FREQ=WEEKLY;COUNT=10',
    'FREQ=WEEKLY;INTERVAL=2;WKST=SU',
    'FREQ=WEEKLY;UNTIL=19971007T000000Z;WKST=SU;BYDAY=TU,TH',
    'FREQ=WEEKLY;INTERVAL=2;UNTIL=19971224T000000Z;WKST=SU;BYDAY=MO,WE,FR',
    'FREQ=WEEKLY;INTERVAL=2;COUNT=8;WKST=SU;BYDAY=TU,TH',
    'FREQ=MONTHLY;COUNT=10;BYDAY=1FR',
    'FREQ=MONTHLY;INTERVAL=2;COUNT=10;BYDAY=1SU,-1SU',
    'FREQ=MONTHLY;COUNT=6;BYDAY=-2MO',
    'FREQ=MONTHLY;BYMONTHDAY=-3',
    'FREQ=MONTHLY;COUNT=10;BYMONTHDAY=1,-1',
    'FREQ=MONTHLY;INTERVAL=18;COUNT=10;BYMONTHDAY=10,11,12,13,14,15',
    'FREQ=MONTHLY;INTERVAL=2;BYDAY=TU',
    'FREQ=YEARLY;COUNT=10;BYMONTH=6,7',
    'FREQ=YEARLY;INTERVAL=3;COUNT=10;BYYEARDAY=1,100,200',
    'FREQ=YEARLY;BYDAY=20MO',
    'FREQ=YEARLY;BYDAY=TH;BYMONTH=6,7,8',
    'FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13',
    'FREQ=MONTHLY;BYDAY=SA;BYMONTHDAY=7,8,9,10,11,12,13',
    'FREQ=YEARLY;INTERVAL=4;BYMONTH=11;BYDAY=TU;BYMONTHDAY=2,3,4,5,6,7,8',
    'FREQ=MONTHLY;COUNT=3;BYDAY=TU,WE,TH;BYSETPOS=3',
    'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2',
    'FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO',
    'FREQ=MONTHLY;BYMONTHDAY=15,30;COUNT=5',
    // February 29th: a date every four years is still a date.
    'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29',
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
    ['FREQ=MINUTELY;INTERVAL=15', /whole days/],
    ['FREQ=DAILY;BYHOUR=9,10,11,12,13,14,15,16;BYMINUTE=0,20,40', /no time of day/],
    // The rrule package would keep only first Mondays that are Fridays: nothing, or a wrong calendar.
    ['FREQ=MONTHLY;BYDAY=1MO,FR', /either every weekday with a position \(1MO,-1FR\) or none/],
    ['FREQ=WEEKLY;BYDAY=MO,TU;BYSETPOS=9', /positions within one period of FREQ=WEEKLY, which holds at most 7 days; "9" is never reached/],
    ['FREQ=DAILY;BYDAY=MO;BYSETPOS=2', /at most 1 day; "2" is never reached/],
    ['FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30,31', /February has at most 29\); no date ever matches/],
    ['FREQ=MONTHLY;BYMONTH=4,6;BYMONTHDAY=-31', /April has at most 30, June has at most 30/],
    ['FREQ=WEEKLY;UNTIL=20271231T250000Z', /UNTIL=20271231/],
  ])('%s', (rule, message) => {
    expect(rruleProblem(rule)).toMatch(message);
  });
});
