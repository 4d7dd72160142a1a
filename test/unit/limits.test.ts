/** Text limits: at the limit a text passes, one character over it is refused with the limit named. */
import { describe, expect, test } from 'vitest';
import { IncidentSchema } from '../../src/schemas/incident.ts';
import { LIMITS, textProblem } from '../../src/schemas/limits.ts';

const incident = (title: unknown, message: unknown = 'Looking into it.') => ({
  title,
  severity: 'major',
  scope: 'own',
  affects: [{ product: 'p', impact: 'partial_outage' }],
  started: '2026-11-20T08:00:00Z',
  updates: [{ at: '2026-11-20T08:05:00Z', status: 'investigating', message }],
});
const issues = (value: unknown) => IncidentSchema.safeParse(value).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

describe('an incident title', () => {
  test('of 160 characters (emoji count one each) passes; of 161 is refused naming the limit', () => {
    expect(issues(incident('t'.repeat(158) + '🚨🚨'))).toEqual([]);
    expect(issues(incident('t'.repeat(161)))).toEqual([
      'title: found a title of 161 characters (expected at most 160; shorten it and put the details in an update message)',
    ]);
  });
  test.each(['line one\nline two', 'a\r\nb', 'a\u2028b'])('with a line break (%j) is refused', (title) => {
    expect(issues(incident(title))[0]).toMatch(/^title: found a line break \(expected a title on one line/);
  });
  test('in each language of a map is held to the limit', () => {
    expect(issues(incident({ en: 'Short', sv: 's'.repeat(200) }))[0]).toMatch(/^title\.sv: found a title of 200 characters/);
  });
  test('of 200 KB is refused, not copied into every page', () => {
    expect(issues(incident('y'.repeat(200_000)))[0]).toMatch(/found a title of 200,000 characters/);
  });
});

describe('other texts', () => {
  test.each(Object.entries(LIMITS))('%s: at %o passes, one more is refused', (kind, limit) => {
    const k = kind as keyof typeof LIMITS;
    expect(textProblem('x'.repeat(limit.max), k)).toBeUndefined();
    expect(textProblem('x'.repeat(limit.max + 1), k)).toMatch(/expected at most/);
  });
  test('an update message over 10,000 characters is refused', () => {
    expect(issues(incident('Title', 'm'.repeat(10_001)))[0]).toMatch(/^updates\.0\.message: found an update message of 10,001 characters/);
  });
  test('a control character that XML cannot carry is refused', () => {
    expect(textProblem('bell \u0007', 'paragraph')).toMatch(/control character U\+0007/);
  });
});
