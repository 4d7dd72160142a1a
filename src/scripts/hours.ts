/**
 * The hours page, live: open/closed with "closes in" / "opens in", hours and the coverage chart in
 * the reader's zone or one they pick. Uses the build's precomputed UTC intervals and Intl only.
 */
import { readSpans, type Span } from '../lib/spans-text.ts';
import { forEachSlot, partsIn, SLOT } from '../lib/zone-slots.ts';
import { readerLocale } from './reader-locale.ts';

interface Strings {
  openNow: string;
  closedNow: string;
  closesIn: string;
  opensIn: string;
  zoneHours: string;
  closedDay: string;
  coverageNote: string;
  zonesSuggested: string;
  regions: Record<string, string>;
}

const form = document.querySelector<HTMLFormElement>('[data-zone-picker]');
const select = form?.querySelector<HTMLSelectElement>('select');
const strings = JSON.parse(form?.dataset.strings ?? '{}') as Strings;
// The page's one clock style (Swedish and French 24-hour, English as the reader's English).
const lang = readerLocale();
/**
 * Old names Chromium and other browsers still report for zones that were renamed, and the names the
 * zone database uses now: the picker offers only the current ones (Asia/Kolkata, Europe/Kyiv).
 */
const RENAMED: Record<string, string> = {
  'Asia/Calcutta': 'Asia/Kolkata',
  'Europe/Kiev': 'Europe/Kyiv',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'America/Godthab': 'America/Nuuk',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Pacific/Truk': 'Pacific/Chuuk',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Africa/Asmera': 'Africa/Asmara',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'America/Louisville': 'America/Kentucky/Louisville',
  'America/Coral_Harbour': 'America/Atikokan',
  'Asia/Ulan_Bator': 'Asia/Ulaanbaatar',
};
const current = (zone: string) => RENAMED[zone] ?? zone;
const own = current(Intl.DateTimeFormat().resolvedOptions().timeZone);

function addDays(date: string, n: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

const DF = (Intl as unknown as { DurationFormat?: new (l?: string, o?: object) => { format: (d: object) => string } }).DurationFormat;
const durationFormat = DF ? new DF(lang, { style: 'short' }) : undefined;

/**
 * How long until a desk opens or closes, in the short style durations.ts writes: importing
 * durations.ts (with its memo and its fallback for browsers without Intl.DurationFormat) would take
 * the hours page over its 4 KB script budget.
 */
function duration(ms: number): string {
  const total = Math.max(1, Math.round(ms / 60000));
  const hours = Math.floor(total / 60);
  const minutes = total % 60;
  const value = hours > 0 ? { hours, minutes } : { minutes };
  if (durationFormat) return durationFormat.format(value);
  return hours > 0 ? `${hours} h ${minutes} min` : `${minutes} min`;
}

/** Intervals by attribute text: cards and charts of one desk or product carry the same list. */
const spansByText = new Map<string, Span[]>();

function parse(el: HTMLElement, key: string): Span[] {
  const text = el.dataset[key] ?? '';
  let spans = spansByText.get(text);
  if (!spans) spansByText.set(text, (spans = readSpans(text)));
  return spans;
}

function updateStates(): void {
  const now = Date.now();
  for (const el of document.querySelectorAll<HTMLElement>('[data-desk-state]')) {
    if (el.dataset.hasHours !== 'yes') continue;
    const spans = parse(el, 'deskState');
    const current = spans.find(([start, end]) => start <= now && now < end);
    const next = spans.find(([start]) => start > now);
    el.classList.toggle('open', Boolean(current));
    if (current) el.textContent = `${strings.openNow}, ${strings.closesIn.replace('{duration}', duration(current[1] - now))}`;
    else el.textContent = next ? `${strings.closedNow}, ${strings.opensIn.replace('{duration}', duration(next[0] - now))}` : strings.closedNow;
  }
  const asOf = document.querySelector<HTMLElement>('[data-as-of]');
  if (asOf) asOf.hidden = true;
}

/**
 * The desks' regular hours on the page's clock ("7:00 AM" for an en-US reader): each row's
 * data-wall holds its shifts as "open close nextDay" triples of the desk's wall times.
 */
function updateWallTimes(): void {
  const time = new Intl.DateTimeFormat(lang, { timeZone: 'UTC', timeStyle: 'short' });
  const wall = (hm: string) => time.format(Date.UTC(2026, 0, 5, Number(hm.slice(0, 2)), Number(hm.slice(3, 5))));
  for (const el of document.querySelectorAll<HTMLElement>('[data-wall]')) {
    const parts = (el.dataset.wall ?? '').split(' ');
    const shifts: string[] = [];
    for (let i = 0; i + 2 < parts.length; i += 3) shifts.push(`${wall(parts[i]!)}–${wall(parts[i + 1]!)}${parts[i + 2] === '1' ? ' (+1)' : ''}`);
    if (shifts.length > 0 && parts.every((p) => /^(\d\d:\d\d|[01])$/.test(p))) el.textContent = shifts.join(', ');
  }
}

/** The shifts a closure cancels, from a list's data-cancelled: [start, end, the closure's name]. */
function cancelledOf(el: HTMLElement): [number, number, string][] {
  try {
    const list = JSON.parse(el.dataset.cancelled ?? '[]') as unknown;
    return Array.isArray(list)
      ? list.filter((c): c is [number, number, string] => Array.isArray(c) && typeof c[0] === 'number' && typeof c[1] === 'number' && typeof c[2] === 'string')
      : [];
  } catch {
    return [];
  }
}

/** The desks' hours in a zone, a line per card. */
function updateHours(zone: string): void {
  const now = Date.now();
  const week = 7 * 86400000;
  const time = new Intl.DateTimeFormat(lang, { timeZone: zone, timeStyle: 'short' });
  const day = new Intl.DateTimeFormat(lang, { timeZone: zone, weekday: 'long' });
  const dated = new Intl.DateTimeFormat(lang, { timeZone: zone, weekday: 'long', day: 'numeric', month: 'short' });
  // Several cards show the same intervals: each list is written once per zone.
  const linesOf = new Map<string, string[]>();
  for (const el of document.querySelectorAll<HTMLElement>('[data-local-hours]')) {
    const spans = parse(el, 'localHours');
    const key = `${el.dataset.localHours ?? ''}|${el.dataset.cancelled ?? ''}`;
    let lines = linesOf.get(key);
    if (!lines) {
      // Shifts in the next 7 days, and the ones a closure cancels ("Thursday Closed (Thanksgiving Day)"), so no day vanishes.
      const shown: [number, number, string?][] = spans.filter(([start, end]) => end > now && start < now + week).map(([start, end]) => [start, end]);
      for (const c of cancelledOf(el)) if (c[1] > now && c[0] < now + week) shown.push(c);
      shown.sort((a, b) => a[0] - b[0]);
      // A weekday twice in the list (today and a week on, or two shifts) reads with its dates.
      const days = shown.map(([start]) => day.format(start));
      const named = new Set(days).size < days.length ? dated : day;
      lines = shown.map(([start, end, closure]) => {
        if (closure !== undefined) return `${named.format(start)} ${strings.closedDay} (${closure})`;
        const nextDay = partsIn(zone, start).date !== partsIn(zone, end - 1).date;
        return `${named.format(start)} ${time.format(start)}–${time.format(end)}${nextDay ? ' (+1)' : ''}`;
      });
      linesOf.set(key, lines);
    }
    el.textContent = lines.join('; ');
    const box = el.closest('details');
    const summary = box?.querySelector('summary');
    if (summary) summary.textContent = strings.zoneHours.replace('{zone}', zone);
    if (box) box.hidden = lines.length === 0;
  }
}

/** Which drawing of the charts is current: a newer one stops the charts an older one has left. */
let drawing = 0;

/**
 * Redraws every coverage chart in a zone; `spread` draws one chart per task (while the page
 * loads, so that no task holds the page for long), otherwise all at once (the reader picked a
 * zone). Each chart's note names the zone at once; the figure's data-drawn says when its bars are.
 */
function drawCharts(zone: string, spread: boolean): void {
  const run = ++drawing;
  const today = partsIn(zone, Date.now());
  // The week the page names (data-week, a Monday), so the chart keeps the dates it says it shows.
  const named = document.querySelector<HTMLElement>('[data-coverage]')?.dataset.week;
  const monday = named && /^\d{4}-\d{2}-\d{2}$/.test(named) ? named : addDays(today.date, 7 - today.weekday);
  const dates = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  // The chart's week in UTC, with room for any zone's offset: intervals outside it are skipped.
  const from = Date.parse(`${monday}T00:00:00Z`) - 86400000;
  const to = from + 9 * 86400000;
  const rowsOf = new Map<Span[], boolean[][]>();
  const figures = [...document.querySelectorAll<HTMLElement>('[data-coverage]')];
  for (const fig of figures) {
    delete fig.dataset.drawn;
    const note = fig.querySelector<HTMLElement>('[data-coverage-note]');
    if (note) note.textContent = strings.coverageNote.replace('{zone}', zone);
  }
  const draw = (fig: HTMLElement) => {
    const spans = parse(fig, 'coverage');
    let rows = rowsOf.get(spans);
    if (!rows) {
      const marked: boolean[][] = dates.map(() => new Array<boolean>(96).fill(false));
      for (const [start, end] of spans) {
        if (end <= from || start >= to) continue;
        // Whole slots are skipped, so the slots keep the interval's own grid.
        const first = start < from ? start + Math.floor((from - start) / SLOT) * SLOT : start;
        forEachSlot(zone, first, Math.min(end, to), (date, minutes) => {
          const row = dates.indexOf(date);
          if (row >= 0) marked[row]![Math.floor(minutes / 15)] = true;
        });
      }
      rowsOf.set(spans, (rows = marked));
    }
    const svg = fig.querySelector<SVGSVGElement>('[data-chart]');
    if (!svg) return;
    svg.querySelectorAll('rect').forEach((r) => r.remove());
    rows.forEach((slots, r) => {
      for (let s = 0; s < 96; s++) {
        if (!slots[s] || (s > 0 && slots[s - 1])) continue;
        let e = s;
        while (e < 96 && slots[e]) e++;
        const rect = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
        rect.setAttribute('x', String(s * 15));
        rect.setAttribute('y', String(r * 18 + 3));
        rect.setAttribute('width', String((e - s) * 15));
        rect.setAttribute('height', '12');
        svg.append(rect);
      }
    });
    fig.dataset.drawn = zone;
  };
  if (!spread) {
    figures.forEach(draw);
    return;
  }
  const next = (i: number) => {
    if (run !== drawing || i >= figures.length) return;
    draw(figures[i]!);
    setTimeout(() => next(i + 1), 0);
  };
  setTimeout(() => next(0), 0);
}

/** Everything in a zone the reader picked. */
function updateZone(zone: string): void {
  updateHours(zone);
  drawCharts(zone, false);
}

/** Runs each step in a task of its own, in order: while the page loads, no task holds it for long. */
function inTurn(...steps: (() => void)[]): void {
  const next = (i: number) => {
    if (i >= steps.length) return;
    steps[i]!();
    setTimeout(() => next(i + 1), 0);
  };
  next(0);
}

/** A zone as a reader looks for it: its city ("Buenos Aires" for America/Argentina/Buenos_Aires). */
const city = (zone: string) => zone.split('/').slice(1).reverse()[0]?.replaceAll('_', ' ') ?? zone;

/** A zone's region in the page's language (the first part of its name: Europe, America, Pacific). */
const regionName = (region: string) => strings.regions[region] ?? region;

/**
 * The zone picker: the reader's zone and the desks' zones first, then every zone Intl knows,
 * grouped by region and shown by city, each under its current name.
 */
function setUpPicker(form: HTMLFormElement, select: HTMLSelectElement): void {
  const listed = (JSON.parse(select.dataset.zones ?? '[]') as string[]).map(current);
  const first = [...new Set([own, ...listed])];
  const top = document.createElement('optgroup');
  top.label = strings.zonesSuggested;
  for (const zone of first) top.append(new Option(zone === 'UTC' ? zone : `${city(zone)} (${zone})`, zone, zone === own, zone === own));
  select.append(top);
  // The other four hundred zones when the reader reaches for the list, or when the page is idle,
  // so loading never blocks the page.
  let complete = false;
  const addAll = () => {
    if (complete) return;
    complete = true;
    const all = (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
    const groups = new Map<string, string[]>();
    for (const zone of new Set(all.map(current))) {
      const region = zone.includes('/') ? zone.slice(0, zone.indexOf('/')) : '';
      if (region === '' || region === 'Etc') continue;
      groups.set(region, [...(groups.get(region) ?? []), zone]);
    }
    const collator = new Intl.Collator(lang);
    for (const [region, zones] of [...groups].sort(([a], [b]) => collator.compare(regionName(a), regionName(b)))) {
      const group = document.createElement('optgroup');
      group.label = regionName(region);
      for (const zone of zones.sort((a, b) => collator.compare(city(a), city(b)))) group.append(new Option(city(zone), zone));
      select.append(group);
    }
  };
  for (const type of ['pointerdown', 'focus', 'keydown']) select.addEventListener(type, addAll, { once: true });
  ('requestIdleCallback' in window ? requestIdleCallback : (fn: () => void) => setTimeout(fn, 200))(addAll);
  select.addEventListener('change', () => updateZone(select.value));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    updateZone(select.value);
  });
}

inTurn(
  updateStates,
  updateWallTimes,
  () => {
    if (form && select) updateHours(own);
  },
  () => {
    if (form && select) setUpPicker(form, select);
  },
  () => {
    if (form && select) drawCharts(own, true);
  },
);
setInterval(updateStates, 60000);

export {};
