/** Elapsed time in words, per locale ("1 h 50 min"). */

const durationFormats = new Map<string, { format: (d: object) => string }>();
// Pages show the same few durations over and over; words per (locale, minutes) are cached.
const texts = new Map<string, string>();

/** A span between two instants as short localized words, e.g. "2 d 3 h" or "45 min". */
export function formatDuration(fromIso: string, toIso: string, locale: string): string {
  const total = Math.max(0, Math.round((Date.parse(toIso) - Date.parse(fromIso)) / 60000));
  const key = `${locale}|${total}`;
  let out = texts.get(key);
  if (out === undefined) texts.set(key, (out = minutesInWords(total, locale)));
  return out;
}

function minutesInWords(total: number, locale: string): string {
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const minutes = total % 60;
  const parts: Record<string, number> = days > 0 ? { days, hours } : hours > 0 ? { hours, minutes } : { minutes };
  const DF = (Intl as unknown as { DurationFormat?: new (l: string, o: object) => { format: (d: object) => string } }).DurationFormat;
  if (DF) {
    let f = durationFormats.get(locale);
    if (!f) durationFormats.set(locale, (f = new DF(locale, { style: 'narrow' })));
    return f.format(parts);
  }
  return Object.entries(parts)
    .filter(([, n]) => n > 0)
    .map(([unit, n]) => new Intl.NumberFormat(locale, { style: 'unit', unit: unit.replace(/s$/, ''), unitDisplay: 'narrow' }).format(n))
    .join(' ');
}
