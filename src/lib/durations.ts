/** Elapsed time in words, per locale ("1 h 50 min"). */
import { memo } from './memo.ts';

type DurationFormat = { format: (d: object) => string };
const DF = (Intl as unknown as { DurationFormat?: new (l: string, o: object) => DurationFormat }).DurationFormat;
const durationFormat = memo((locale: string) => (DF ? new DF(locale, { style: 'short' }) : undefined));

/** A span between two instants as short localized words, e.g. "2 d 3 h" or "45 min". */
export function formatDuration(fromIso: string, toIso: string, locale: string): string {
  return minutesInWords(Math.max(0, Math.round((Date.parse(toIso) - Date.parse(fromIso)) / 60000)), locale);
}

/** Minutes in words; the same few spans recur on every page, and formatting one is slow. */
const minutesInWords = memo((total: number, locale: string): string => {
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const minutes = total % 60;
  const parts: Record<string, number> = days > 0 ? { days, hours } : hours > 0 ? { hours, minutes } : { minutes };
  const f = durationFormat(locale);
  if (f) return f.format(parts);
  return Object.entries(parts)
    .filter(([, n]) => n > 0)
    .map(([unit, n]) => new Intl.NumberFormat(locale, { style: 'unit', unit: unit.replace(/s$/, ''), unitDisplay: 'short' }).format(n))
    .join(' ');
});
