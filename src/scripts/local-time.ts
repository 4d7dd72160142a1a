/**
 * Rewrites every <time data-local> into the reader's own time zone and clock style (reader-locale.ts),
 * with the zone named, and keeps the page-zone text as a tooltip. A time within a day of now reads
 * relative first, then the day and time: "12 min ago · 22 Nov, 10:05 CET" (kept current each minute;
 * the day keeps the text about as long as the date it replaces, so nothing reflows). A short one
 * (data-local="short", one of several in a small space) reads "22 Nov, 11:00", its zone named once
 * by the page's "Updated" line. The footer's zone note then names the reader's zone. Without
 * JavaScript the page-zone text stays (displayZone: the language's zone, else the site's).
 */
import { readerLocale } from './reader-locale.ts';

const lang = readerLocale();
// Built once: a formatter costs far more to make than to use, and a page may hold hundreds of times.
const dateTime = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short' });
// "05:40" where the clock runs to 23 (sv, fr, en-GB), as the long form writes it; "5:40 AM" where it runs to 12 (h11, h12).
const hour = /1/.test(dateTime.resolvedOptions().hourCycle!) ? 'numeric' : '2-digit';
const dayTime = new Intl.DateTimeFormat(lang, { month: 'short', day: 'numeric', hour, minute: '2-digit' });
const zone = new Intl.DateTimeFormat(lang, { timeZoneName: 'short' });
const readerZone = dateTime.resolvedOptions().timeZone;
const relative = new Intl.RelativeTimeFormat(lang, { numeric: 'auto', style: 'short' });
const MINUTE = 60_000;
const DAY = 86_400_000;

/** The zone's short name at an instant ("CET"). */
const zoneOf = (date: Date) => zone.formatToParts(date).find((p) => p.type === 'timeZoneName')?.value ?? '';

/** An instant in the reader's zone: "22 November 2026, 11:00 CET", or within a day of now "12 min ago · 22 Nov, 11:00 CET". */
function local(date: Date, now: number): string {
  const ms = date.getTime() - now;
  if (Math.abs(ms) >= DAY) return `${dateTime.format(date)} ${zoneOf(date)}`;
  // Rounded, not cut: an end 1 h 55 min away reads "in 2 hours", never "in 1 hour".
  const minutes = Math.sign(ms) * Math.round(Math.abs(ms) / MINUTE);
  const ago = Math.abs(minutes) < 60 ? relative.format(minutes, 'minute') : relative.format(Math.sign(minutes) * Math.round(Math.abs(minutes) / 60), 'hour');
  return `${ago} · ${dayTime.format(date)} ${zoneOf(date)}`;
}

const times = document.querySelectorAll<HTMLTimeElement>('time[data-local]');
const render = () => {
  const now = Date.now();
  for (const el of times) {
    const date = new Date(el.dateTime);
    if (isNaN(+date)) continue;
    const text = el.dataset.local === 'short' ? dayTime.format(date) : local(date, now);
    // Unchanged text is left alone: the status page's verdict is a live region, read out on change.
    if (el.textContent !== text) el.textContent = text;
    el.dataset.localized = readerZone;
  }
};
render();
setInterval(render, MINUTE);

const note = document.querySelector<HTMLElement>('[data-zone-note]');
const words = note?.dataset.zoneNote;
if (note && words) {
  const name = new Intl.DateTimeFormat(lang, { timeZoneName: 'longGeneric' }).formatToParts(new Date()).find((p) => p.type === 'timeZoneName')?.value;
  note.textContent = words.replace('{zone}', name && name !== readerZone ? `${name} (${readerZone})` : readerZone);
}

export {};
