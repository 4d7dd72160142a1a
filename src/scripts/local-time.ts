/**
 * Rewrites every <time data-local> into the reader's own time zone and language, with the zone
 * named, and keeps the site-zone text as a tooltip. Without JavaScript the site-zone text stays.
 */
const lang = document.documentElement.lang || undefined;
// Built once: a formatter costs far more to make than to use, and a page may hold hundreds of times.
const dateTime = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short' });
const zone = new Intl.DateTimeFormat(lang, { timeZoneName: 'short' });
const readerZone = dateTime.resolvedOptions().timeZone;

/** Formats an instant in the reader's zone: "22 November 2026, 11:00 CET". */
function local(date: Date): string {
  return dateTime.format(date) + ' ' + (zone.formatToParts(date).find((p) => p.type === 'timeZoneName')?.value ?? '');
}

for (const el of document.querySelectorAll<HTMLTimeElement>('time[data-local]')) {
  const date = new Date(el.dateTime);
  if (Number.isNaN(date.getTime())) continue;
  el.textContent = local(date);
  el.dataset.localized = readerZone;
}

export {};
