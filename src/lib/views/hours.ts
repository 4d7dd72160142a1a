/** View model of the hours-and-contacts page: per product, each desk's channels, hours, state and coverage. */
import { dateTimeFormat, displayZone } from '../time.ts';
import { DateTime } from 'luxon';
import { DAYS, type Day, type Desk, type WeeklyRule } from '../../schemas/support-hours.ts';
import type { LocalizedText } from '../i18n.ts';
import { deskState, expandHours, hoursWindow, weeklyCoverage, type Interval } from '../hours.ts';
import { isClosed } from '../business-time.ts';
import type { Ctx } from './incidents.ts';

/** A phone line ready to dial. */
export interface PhoneView {
  country: string;
  number: string;
  tel: string;
  tollFree: boolean;
}

/** One desk's service for one product. */
export interface DeskProductView {
  deskId: string;
  deskName: LocalizedText;
  zone: string;
  /** The regular week, Monday first: every weekday in a row of days with the same hours, closed ones with none. */
  week: { days: string; shifts: { open: string; close: string; nextDay: boolean }[] }[];
  phones: PhoneView[];
  emails: string[];
  /** Where to open a case for this product, and who may. */
  caseRoute?: { url: string; label: string };
  /** Said when the hours come from an earlier policy revision. */
  fromRevision?: string;
  chat?: { url?: string };
  note?: LocalizedText;
  /** The desk's coming closures, only when it keeps hours for the product: a closure means nothing to an e-mail-only product. */
  closures: { when: string; name: LocalizedText; sample: boolean }[];
  state: { open: boolean; text: string };
  intervals: Interval[];
  /** The shifts a closure cancels in the expansion window, each with the closure's name: the 7-day list says the day is closed. */
  cancelled: { start: string; end: string; name: string }[];
}

/** A product with every desk that serves it and its weekly coverage. */
export interface ProductHoursView {
  id: string;
  name: string;
  desks: DeskProductView[];
  /** Said once for the product when every desk's hours come from the same earlier revision (then no desk says it). */
  fromRevision?: string;
  coverage: {
    zone: string;
    /** The Monday of the week shown, and that week's dates in words ("November 23 – 29, 2026"). */
    week: string;
    dates: string;
    rows: { day: string; date: string; spans: [number, number][] }[];
    /** The days of that week a desk serving the product is closed: "Thursday, November 26: Thanksgiving Day (Americas and Asia-Pacific)". */
    closed: { date: string; name: LocalizedText; desk: LocalizedText; sample: boolean }[];
  };
}

/** The whole page. */
export interface HoursView {
  products: ProductHoursView[];
  tiers: { names: string; description: LocalizedText }[];
  noPhone: { desk: LocalizedText; products: string }[];
  /** Per desk, the zone label the policy gives its region, or why its hours are read in the desk's zone. */
  zones: { desk: LocalizedText; text: LocalizedText }[];
  routing?: LocalizedText;
  reach?: LocalizedText;
}

/** "tel:" target of a printed number: digits only, with the "(0)" trunk prefix dropped. */
export function telHref(number: string): string {
  const cleaned = number.replace(/\(0\)/g, '').replace(/[^\d+]/g, '');
  return `tel:${cleaned.startsWith('+') ? cleaned : `+${cleaned}`}`;
}

/** Weekday names of a locale, Monday first. */
function weekdayNames(locale: string): Record<Day, string> {
  const fmt = dateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
  return Object.fromEntries(DAYS.map((d, i) => [d, fmt.format(new Date(Date.UTC(2026, 0, 5 + i)))])) as Record<Day, string>;
}

/** "Monday – Thursday", "Sunday", "Monday, Wednesday". */
function daysText(days: readonly Day[], names: Record<Day, string>): string {
  const idx = days.map((d) => DAYS.indexOf(d));
  const consecutive = idx.every((v, i) => i === 0 || v === idx[i - 1]! + 1);
  if (days.length > 2 && consecutive) return `${names[days[0]!]} – ${names[days[days.length - 1]!]}`;
  return days.map((d) => names[d]).join(', ');
}

/** The regular week of a desk's rules: consecutive weekdays with the same shifts in one row, closed days included. */
function weekView(rules: readonly WeeklyRule[], names: Record<Day, string>): DeskProductView['week'] {
  const shiftsOf = (day: Day) =>
    rules.filter((r) => r.days.includes(day)).map((r) => ({ open: r.open, close: r.close, nextDay: r.close <= r.open && r.close !== '00:00' }));
  const rows: { days: Day[]; shifts: ReturnType<typeof shiftsOf>; key: string }[] = [];
  for (const day of DAYS) {
    const shifts = shiftsOf(day);
    const key = JSON.stringify(shifts);
    const last = rows[rows.length - 1];
    if (last && last.key === key) last.days.push(day);
    else rows.push({ days: [day], shifts, key });
  }
  return rows.map((r) => ({ days: daysText(r.days, names), shifts: r.shifts }));
}

/** Builds the page for one locale at the content's now. */
export function hoursView(x: Ctx): HoursView {
  const names = weekdayNames(x.locale);
  const regions = new Intl.DisplayNames([x.locale], { type: 'region' });
  const now = x.c.now;
  // In the desk's zone, as its hours table, with the zone's name: without JavaScript (which says "opens in 13 h") a reader
  // must not take a Chicago desk's "Sunday 17:00" for their own time.
  const when = (iso: string, zone: string) =>
    dateTimeFormat(x.locale, { weekday: 'long', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone, timeZoneName: 'short' }).format(
      new Date(iso),
    );
  // The coverage chart's zone before a browser redraws it in the reader's: the page's (its language's, else the site's).
  const pageZone = displayZone(x.c.site, x.locale);
  const monday = DateTime.fromISO(now, { zone: pageZone }).startOf('week').plus({ weeks: 1 });
  const deskProduct = (desk: Desk, entry: Desk['products'][number]): DeskProductView => {
    const win = hoursWindow(now, desk.zone);
    const intervals = expandHours(entry.hours, desk.zone, desk.closures, win.fromDate, win.days);
    const state = deskState(intervals, now);
    const lastDay = DateTime.fromISO(win.fromDate).plus({ days: win.days }).toISODate()!;
    const view: DeskProductView = {
      deskId: desk.id,
      deskName: x.loc(desk.name),
      zone: desk.zone,
      week: entry.hours.length > 0 ? weekView(entry.hours, names) : [],
      phones: entry.phones.map((p) => ({ country: regions.of(p.country) ?? p.country, number: p.number, tel: telHref(p.number), tollFree: p.tollFree })),
      emails: entry.emails,
      closures: desk.closures
        .filter((c) => entry.hours.length > 0 && (c.until ?? c.date) >= now.slice(0, 10) && c.date <= lastDay)
        .map((c) => ({
          when: c.until ? `${fmtDate(c.date, x.locale)} – ${fmtDate(c.until, x.locale)}` : fmtDate(c.date, x.locale),
          name: x.loc(c.name),
          sample: c.sample === true,
        })),
      state:
        entry.hours.length === 0
          ? { open: false, text: x.t('hours.noHours') }
          : state.open
            ? { open: true, text: `${x.t('hours.openNow')}, ${x.t('hours.closesAt', { time: when(state.closes, desk.zone) })}` }
            : {
                open: false,
                text: state.opens ? `${x.t('hours.closedNow')}, ${x.t('hours.opensAt', { time: when(state.opens, desk.zone) })}` : x.t('hours.closedNow'),
              },
      intervals,
      cancelled: cancelledShifts(entry.hours, desk, win).map((c) => ({ ...c, name: x.loc(c.name).text })),
    };
    const product = x.c.products.find((p) => p.id === entry.product);
    const caseUrl = entry.portal ?? product?.caseForm;
    if (caseUrl && product) {
      const label = product.caseAccess === 'product-form' ? x.t('hours.caseProductForm', { product: product.name }) : x.t('hours.caseAdministrators');
      view.caseRoute = { url: caseUrl, label };
    }
    if (entry.hoursRevision && entry.hours.length > 0) view.fromRevision = x.t('hours.fromRevision', { revision: entry.hoursRevision });
    if (entry.chat) view.chat = entry.chat === 'in-product' ? {} : { url: entry.chat };
    if (entry.note) view.note = x.loc(entry.note);
    return view;
  };
  const products = x.c.products.map((p): ProductHoursView => {
    const desks = x.c.support.desks.flatMap((d) => d.products.filter((e) => e.product === p.id).map((e) => deskProduct(d, e)));
    const all = desks.flatMap((d) => d.intervals).sort((a, b) => a.start.localeCompare(b.start));
    const coverage = weeklyCoverage(all, pageZone, monday.toISODate()!);
    const dates = DAYS.map((_, i) => monday.plus({ days: i }).toISODate()!);
    const closed = x.c.support.desks
      .filter((d) => d.products.some((e) => e.product === p.id && e.hours.length > 0))
      .flatMap((d) =>
        dates.flatMap((date) =>
          d.closures
            .filter((c) => isClosed(date, [c]))
            .map((c) => ({ date: dayDate(date, x.locale), name: x.loc(c.name), desk: x.loc(d.name), sample: c.sample === true })),
        ),
      );
    const revisions = new Set(desks.map((d) => d.fromRevision));
    const shared = revisions.size === 1 ? [...revisions][0] : undefined;
    if (shared) for (const d of desks) delete d.fromRevision;
    return {
      id: p.id,
      name: p.name,
      desks,
      ...(shared ? { fromRevision: shared } : {}),
      coverage: {
        zone: pageZone,
        week: monday.toISODate()!,
        dates: weekDates(dates[0]!, dates[6]!, x.locale),
        rows: DAYS.map((d, i) => ({ day: names[d], date: shortDate(dates[i]!, x.locale), spans: coverage[d] })),
        closed,
      },
    };
  });
  const view: HoursView = {
    products: products.filter((p) => p.desks.length > 0),
    tiers: x.c.support.tiers.map((tier) => ({ names: tier.names.join(' / '), description: x.loc(tier.description) })),
    noPhone: x.c.support.desks
      .map((d) => ({
        desk: x.loc(d.name),
        products: d.products
          .filter((e) => e.phones.length === 0)
          .map((e) => x.productName(e.product))
          .join(', '),
      }))
      .filter((d) => d.products !== ''),
    zones: x.c.support.desks.flatMap((d) => {
      // The label ("UTC-6") is one token: no-break hyphens keep a phone's line from ending at "UTC-", as in phone numbers.
      const label = d.zoneLabel?.replace(/-/g, '\u2011');
      const text = d.zoneNote ? x.loc(d.zoneNote) : label ? { text: x.t('hours.zoneLabel', { label, zone: d.zone }), lang: x.locale } : undefined;
      return text ? [{ desk: x.loc(d.name), text }] : [];
    }),
  };
  if (x.c.support.routing) view.routing = x.loc(x.c.support.routing);
  if (x.c.support.reach) view.reach = x.loc(x.c.support.reach);
  return view;
}

/** The first shift each closure day in the window would have opened, with the closure's name. */
function cancelledShifts(
  rules: readonly WeeklyRule[],
  desk: Desk,
  win: { fromDate: string; days: number },
): { start: string; end: string; name: Desk['closures'][number]['name'] }[] {
  const first = DateTime.fromISO(win.fromDate, { zone: 'utc' });
  return Array.from({ length: win.days }, (_, i) => first.plus({ days: i }).toISODate()!).flatMap((date) => {
    const closure = desk.closures.find((c) => isClosed(date, [c]));
    const shift = closure ? expandHours(rules, desk.zone, [], date, 1)[0] : undefined;
    return closure && shift ? [{ ...shift, name: closure.name }] : [];
  });
}

/** "November 23 – 29, 2026": a week's first and last date in words. */
function weekDates(first: string, last: string, locale: string): string {
  const format = dateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return format.formatRange(new Date(`${first}T12:00:00Z`), new Date(`${last}T12:00:00Z`));
}

/** "Nov 23": a chart row's date beside its weekday. */
function shortDate(date: string, locale: string): string {
  return dateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
}

/** "Thursday, November 26". */
function dayDate(date: string, locale: string): string {
  return dateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
}

function fmtDate(date: string, locale: string): string {
  return dateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
}
