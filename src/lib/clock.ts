/** The build's single source of "now": PHAROS_NOW, else site.yaml's `now`, else the real clock. */
import { DateTime } from 'luxon';
import type { ContentError } from './content/errors.ts';

/** Where "now" came from, for messages that mention it. */
export type NowSource = 'PHAROS_NOW' | 'site.yaml' | 'clock';

/** Resolves "now" as an ISO 8601 UTC instant (and its source), or an error naming PHAROS_NOW. */
export function resolveNow(env: Record<string, string | undefined>, siteNow?: string): { now: string; source: NowSource } | { error: ContentError } {
  const raw = env.PHAROS_NOW?.trim();
  if (raw) {
    const dt = DateTime.fromISO(raw, { setZone: true });
    if (!dt.isValid || !/(Z|[+-]\d{2}:?\d{2})$/.test(raw)) {
      return { error: { file: 'PHAROS_NOW', message: `found "${raw}" (expected an ISO 8601 date and time with an offset, such as "2026-11-22T10:00:00Z")` } };
    }
    return { now: dt.toUTC().toISO() as string, source: 'PHAROS_NOW' };
  }
  if (siteNow) return { now: siteNow, source: 'site.yaml' };
  return { now: DateTime.utc().toISO() as string, source: 'clock' };
}
