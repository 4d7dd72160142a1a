/**
 * The hours page, live: open/closed with "closes in" / "opens in", hours and the coverage chart in
 * the reader's zone or one they pick. Uses the build's precomputed UTC intervals and Intl only.
 */
import { forEachSlot, partsIn } from '../lib/zone-slots.ts';

interface Interval {
  start: string;
  end: string;
}
interface Strings {
  openNow: string;
  closedNow: string;
  closesIn: string;
  opensIn: string;
  zoneHours: string;
  coverageNote: string;
}

const form = document.querySelector<HTMLFormElement>('[data-zone-picker]');
const select = form?.querySelector<HTMLSelectElement>('select');
const strings = JSON.parse(form?.dataset.strings ?? '{}') as Strings;
const lang = document.documentElement.lang || undefined;
const own = Intl.DateTimeFormat().resolvedOptions().timeZone;

function addDays(date: string, n: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

const DF = (Intl as unknown as { DurationFormat?: new (l?: string, o?: object) => { format: (d: object) => string } }).DurationFormat;
const durationFormat = DF ? new DF(lang, { style: 'narrow' }) : undefined;

function duration(ms: number): string {
  const total = Math.max(1, Math.round(ms / 60000));
  const hours = Math.floor(total / 60);
  const minutes = total % 60;
  const value = hours > 0 ? { hours, minutes } : { minutes };
  if (durationFormat) return durationFormat.format(value);
  return hours > 0 ? `${hours} h ${minutes} min` : `${minutes} min`;
}

function parse(el: HTMLElement, key: string): Interval[] {
  try {
    return JSON.parse(el.dataset[key] ?? '[]') as Interval[];
  } catch {
    return [];
  }
}

function updateStates(): void {
  const now = Date.now();
  for (const el of document.querySelectorAll<HTMLElement>('[data-desk-state]')) {
    if (el.dataset.hasHours !== 'yes') continue;
    const intervals = parse(el, 'deskState');
    const current = intervals.find((i) => Date.parse(i.start) <= now && now < Date.parse(i.end));
    const next = intervals.find((i) => Date.parse(i.start) > now);
    el.classList.toggle('open', Boolean(current));
    if (current) el.textContent = `${strings.openNow}, ${strings.closesIn.replace('{duration}', duration(Date.parse(current.end) - now))}`;
    else el.textContent = next ? `${strings.closedNow}, ${strings.opensIn.replace('{duration}', duration(Date.parse(next.start) - now))}` : strings.closedNow;
    const asOf = el.parentElement?.querySelector<HTMLElement>('[data-as-of]');
    if (asOf) asOf.hidden = true;
  }
}

function updateZone(zone: string): void {
  const now = Date.now();
  const week = 7 * 86400000;
  const time = new Intl.DateTimeFormat(lang, { timeZone: zone, hour: '2-digit', minute: '2-digit' });
  const day = new Intl.DateTimeFormat(lang, { timeZone: zone, weekday: 'long' });
  for (const el of document.querySelectorAll<HTMLElement>('[data-local-hours]')) {
    const lines = parse(el, 'localHours')
      .filter((i) => Date.parse(i.end) > now && Date.parse(i.start) < now + week)
      .map((i) => {
        const s = new Date(i.start);
        const e = new Date(i.end);
        const nextDay = partsIn(zone, s.getTime()).date !== partsIn(zone, e.getTime() - 1).date;
        return `${day.format(s)} ${time.format(s)}–${time.format(e)}${nextDay ? ' (+1)' : ''}`;
      });
    el.textContent = `${strings.zoneHours.replace('{zone}', zone)}: ${lines.join('; ')}`;
    el.hidden = lines.length === 0;
  }
  const today = partsIn(zone, now);
  const monday = addDays(today.date, 7 - today.weekday);
  const dates = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  for (const fig of document.querySelectorAll<HTMLElement>('[data-coverage]')) {
    const rows: boolean[][] = dates.map(() => new Array<boolean>(96).fill(false));
    for (const i of parse(fig, 'coverage')) {
      forEachSlot(zone, Date.parse(i.start), Date.parse(i.end), (date, minutes) => {
        const row = dates.indexOf(date);
        if (row >= 0) rows[row]![Math.floor(minutes / 15)] = true;
      });
    }
    const svg = fig.querySelector<SVGSVGElement>('[data-chart]');
    if (!svg) continue;
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
    const note = fig.querySelector<HTMLElement>('[data-coverage-note]');
    if (note) note.textContent = strings.coverageNote.replace('{zone}', zone);
  }
}

if (form && select) {
  const listed = JSON.parse(select.dataset.zones ?? '[]') as string[];
  const all = (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
  const zones = [...new Set([own, ...listed, ...all])];
  // The reader's zone and the desks' zones at once; the other four hundred when the reader reaches
  // for the list, or in small batches when the page is idle, so loading never blocks the page.
  let added = 0;
  const addZones = (upTo: number) => {
    for (; added < Math.min(upTo, zones.length); added++) select.add(new Option(zones[added], zones[added], zones[added] === own, zones[added] === own));
  };
  addZones(1 + listed.length);
  const addAll = () => addZones(zones.length);
  for (const type of ['pointerdown', 'focus', 'keydown']) select.addEventListener(type, addAll, { once: true });
  const idle = (fn: () => void) => ('requestIdleCallback' in window ? requestIdleCallback(fn) : setTimeout(fn, 200));
  const batch = () => {
    addZones(added + 60);
    if (added < zones.length) idle(batch);
  };
  idle(batch);
  select.addEventListener('change', () => updateZone(select.value));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    updateZone(select.value);
  });
  updateZone(own);
}
updateStates();
setInterval(updateStates, 60000);

export {};
