/** Elapsed time in words, per locale ("1 h 50 min"). */

/** A span between two instants as short localized words, e.g. "2 d 3 h" or "45 min". */
export function formatDuration(fromIso: string, toIso: string, locale: string): string {
  let minutes = Math.max(0, Math.round((Date.parse(toIso) - Date.parse(fromIso)) / 60000));
  const days = Math.floor(minutes / 1440);
  minutes -= days * 1440;
  const hours = Math.floor(minutes / 60);
  minutes -= hours * 60;
  const parts: Record<string, number> = days > 0 ? { days, hours } : hours > 0 ? { hours, minutes } : { minutes };
  const DF = (Intl as unknown as { DurationFormat?: new (l: string, o: object) => { format: (d: object) => string } }).DurationFormat;
  if (DF) return new DF(locale, { style: 'narrow' }).format(parts);
  return Object.entries(parts)
    .filter(([, n]) => n > 0)
    .map(([unit, n]) => new Intl.NumberFormat(locale, { style: 'unit', unit: unit.replace(/s$/, ''), unitDisplay: 'narrow' }).format(n))
    .join(' ');
}
