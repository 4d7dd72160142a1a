/**
 * The severity page's calculator: due times from the same code as the incident pages
 * (business-time.ts, Intl only), in the reader's zone and clock style (reader-locale.ts).
 */
import { dueAt, type BusinessCalendar } from '../lib/business-time.ts';
import type { Target } from '../schemas/common.ts';
import { readerLocale } from './reader-locale.ts';

interface Data {
  labels: Record<string, string>;
  noDeadline: string;
  levels: { id: string; targets: Record<string, { key: string; target: Target; words: string }[]> }[];
  calendars: Record<string, BusinessCalendar>;
}

const root = document.querySelector<HTMLElement>('[data-calculator]');
const raw = root?.querySelector('[data-calculator-data]')?.textContent;
if (root && raw) {
  const data = JSON.parse(raw) as Data;
  const form = root.querySelector('form')!;
  const out = root.querySelector<HTMLElement>('[data-result]')!;
  const opened = form.elements.namedItem('opened') as HTMLInputElement;
  const pad = (n: number) => String(n).padStart(2, '0');
  const now = new Date();
  opened.value = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}T${pad(now.getHours())}:${pad(now.getMinutes())}`;
  const fmt = new Intl.DateTimeFormat(readerLocale(), { dateStyle: 'full', timeStyle: 'short' });
  const zone = new Intl.DateTimeFormat(readerLocale(), { timeZoneName: 'short' });
  const render = () => {
    const get = (name: string) => (form.elements.namedItem(name) as HTMLSelectElement).value;
    const level = data.levels.find((l) => l.id === get('severity'));
    const calendar = data.calendars[get('product')];
    const start = new Date(opened.value);
    out.replaceChildren();
    if (!level || !calendar || Number.isNaN(start.getTime())) return;
    for (const row of level.targets[get('scope')] ?? []) {
      const due = dueAt(start.toISOString(), row.target, calendar);
      const dt = document.createElement('dt');
      dt.textContent = `${data.labels[row.key]}: ${row.words}`;
      const dd = document.createElement('dd');
      if (due) {
        const d = new Date(due);
        const time = document.createElement('time');
        time.dateTime = due;
        time.textContent = `${fmt.format(d)} ${zone.formatToParts(d).find((p) => p.type === 'timeZoneName')?.value ?? ''}`;
        dd.append(time);
      } else dd.textContent = data.noDeadline;
      out.append(dt, dd);
    }
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    render();
  });
  form.addEventListener('change', render);
  root.hidden = false;
  for (const link of document.querySelectorAll<HTMLElement>('[data-calculator-link]')) link.classList.add('ready');
  render();
}
