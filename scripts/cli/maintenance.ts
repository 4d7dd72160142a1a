/** `pharos maintenance new`, `update`, `cancel` and `reschedule`: announce a planned maintenance window, post a notice to it, call it off, move it. */
import { existsSync, readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { DateTime } from 'luxon';
import { join } from 'node:path';
import type { SiteContent } from '../../src/lib/content/load.ts';
import type { Localized } from '../../src/schemas/common.ts';
import type { Maintenance } from '../../src/schemas/maintenance.ts';
import { localize } from '../../src/lib/i18n.ts';
import { maintenanceState, windowState } from '../../src/lib/status.ts';
import { CliError, type Io } from './io.ts';
import { list, str, type OptionName, type ParsedArgs } from './options.ts';
import type { MAINTENANCE_NEW, MAINTENANCE_UPDATE, MAINTENANCE_CANCEL, MAINTENANCE_RESCHEDULE } from './commands.ts';
import { findItem, loadValid, pageUrl, type ContentFolder } from './site.ts';
import { localDate, notAfterNow, parseTime, show, timeCheck, timeOption, timeWarnings, TIME_FORMS, type ParsedTime, type TimeContext } from './time.ts';
import { defaultText, localizedText } from './localized.ts';
import { askChoice, askMany, askText, needAnswers } from './prompts.ts';
import { maintenanceText } from './new-file.ts';
import { addUpdate, splitFrontMatter, type Edit } from './front-matter.ts';
import { startWriting, whileLocked, writeValidated } from './write.ts';
import { checkPublishable, oneLine, publishOrShow } from './publish.ts';
import { slugify, slugOption } from './text.ts';

/** Runs `maintenance new`. */
export async function maintenanceNew(p: ParsedArgs<OptionName<typeof MAINTENANCE_NEW>>, io: Io): Promise<number> {
  const { folder, content, ctx, publishing } = startWriting(io, p);
  if (publishing) await checkPublishable(io, folder);
  const site = content.site;
  const def = site.defaultLocale;
  const productIds = content.products.map((x) => x.id);

  let products = list(p, 'products');
  for (const id of products)
    if (!productIds.includes(id)) throw new CliError(`option --products: unknown product "${id}" (expected one of ${productIds.join(', ')})`, 2);
  let title = defaultText(str(p, 'title'), p.localized.title, site);
  let message = defaultText(str(p, 'message'), p.localized.message, site);
  let startText = str(p, 'start');
  let endText = str(p, 'end');
  // Both given: checked now, before any question (endTime reads a local end in the start's zone).
  if (startText !== undefined && endText !== undefined) endTime(endText, timeOption('start', startText, ctx), ctx);
  else if (startText !== undefined) timeOption('start', startText, ctx);
  const at = notAfterNow('at', timeOption('at', str(p, 'at') ?? 'now', ctx), ctx.now);
  const givenSlug = slugOption(str(p, 'slug'));

  needAnswers(
    io,
    [title ? '' : '--title', products.length ? '' : '--products', startText ? '' : '--start', endText ? '' : '--end', message ? '' : '--message'].filter(
      Boolean,
    ),
    'pharos maintenance new',
  );
  title ??= await askText(`Title (${def})`);
  if (products.length === 0)
    products = await askMany(
      'Products',
      content.products.map((x) => ({ value: x.id, name: `${x.id} (${localize(x.name, def, def).text})` })),
    );
  startText ??= await askText(`Start ("YYYY-MM-DD HH:MM" in ${ctx.localZone}, or with a zone or offset)`, { check: timeCheck(ctx) });
  const start = timeOption('start', startText, ctx);
  endText ??= await askText(`End (same forms; a local time is read in ${start.zone})`, {
    check: (s) => {
      const t = parseTime(s, { ...ctx, localZone: start.zone });
      if ('error' in t) return `expected ${TIME_FORMS}`;
      return new Date(t.iso) <= new Date(start.iso) ? 'expected a time after the start' : undefined;
    },
  });
  const end = endTime(endText, start, ctx);
  message ??= await askText(`Notice for customers (${def})`, { default: 'Planned maintenance. No action is needed.' });

  const slug = givenSlug ?? slugify(title);
  if (slug === '') throw new CliError(`cannot make a file name from the title "${title}" (give one with --slug)`, 2);
  const id = `${localDate(start.iso)}-${slug}`;
  const file = join('maintenance', `${id}.md`);
  if (existsSync(join(folder.dir, file))) throw new CliError(`${join(folder.display, file)} already exists (choose another name with --slug)`);
  const text = maintenanceText({
    title: localizedText('title', title, p.localized.title, site),
    products,
    start: start.iso,
    end: end.iso,
    update: { at: at.iso, message: localizedText('message', message, p.localized.message, site) },
  });
  const after = writeValidated(io, folder, { file, text, create: true });
  io.out(`Wrote ${join(folder.display, file)}: ${show(start.iso, start.zone)} to ${show(end.iso, start.zone)} (${start.zone})\n`);
  for (const line of timeWarnings({ start, end, at }, ctx.now)) io.err(`${line}\n`);
  io.out(`Page: ${pageUrl(io, after, `/maintenance/${id}/`)}\n`);
  await publishOrShow(io, publishing, { folder, file, message: oneLine(`Maintenance: ${title}`) });
  return 0;
}

/**
 * The window's end: a local time without a zone is read in the start's zone or offset (a window is
 * planned in one zone, whatever --zone or the computer's zone say); it must come after the start.
 */
function endTime(text: string, start: ParsedTime, ctx: TimeContext): ParsedTime {
  const end = timeOption('end', text, { ...ctx, localZone: start.zone });
  if (new Date(end.iso) <= new Date(start.iso))
    throw new CliError(`the window ends at ${end.iso}, not after its start ${start.iso} (expected an end after the start)`, 2);
  return end;
}

/** Runs `maintenance update`. */
export function maintenanceUpdate(p: ParsedArgs<OptionName<typeof MAINTENANCE_UPDATE>>, io: Io): Promise<number> {
  return noticeCommand(p, io, 'update');
}

/** Runs `maintenance cancel`. */
export function maintenanceCancel(p: ParsedArgs<OptionName<typeof MAINTENANCE_CANCEL>>, io: Io): Promise<number> {
  return noticeCommand(p, io, 'cancel');
}

/** Runs `maintenance reschedule`. */
export function maintenanceReschedule(p: ParsedArgs<OptionName<typeof MAINTENANCE_RESCHEDULE>>, io: Io): Promise<number> {
  return noticeCommand(p, io, 'reschedule');
}

/** What a notice does besides being posted. */
type NoticeKind = 'update' | 'cancel' | 'reschedule';

/** A window's new start and end as typed (a local end read in the start's zone), checked against the window under the lock. */
interface Move {
  start?: ParsedTime;
  end?: ParsedTime;
}

/** A notice as decided once: posted as is, and again on a colleague's newer file when they published first. */
interface NoticeAnswers {
  message: Localized;
  /** The time given with --at; without one, the notice takes the time it is written at. */
  at: ParsedTime | undefined;
  kind: NoticeKind;
  /** For a reschedule: the new times. */
  move?: Move;
  ctx: TimeContext;
}

/** Update, cancel and reschedule: one command; cancel also sets `cancelled`, reschedule moves `window`. */
async function noticeCommand(p: ParsedArgs<OptionName<typeof MAINTENANCE_RESCHEDULE>>, io: Io, kind: NoticeKind): Promise<number> {
  const cancelling = kind === 'cancel';
  if (p.positionals.length > 1) throw new CliError(`expected one maintenance window id (found ${p.positionals.map((s) => `"${s}"`).join(', ')})`, 2);
  const { folder, content, ctx, publishing } = startWriting(io, p);
  if (publishing) await checkPublishable(io, folder);
  const site = content.site;
  const def = site.defaultLocale;

  let typed = p.positionals[0];
  if (typed === undefined) {
    const open = content.maintenance.filter((m) => m.cancelled === undefined && maintenanceState(m, content.now) !== 'completed');
    if (!io.interactive || open.length === 0) throw new CliError(`which window? (pharos maintenance ${kind} <id>; \`pharos list\` shows the upcoming ones)`, 2);
    typed = await askChoice(
      'Window',
      open.map((m) => ({ value: m.id, name: `${m.id}: ${localize(m.title, def, def).text}` })),
    );
  }
  const window = findWindow(content, folder, typed);
  checkNotCancelled(window, site.timeZone);
  const typedAt = str(p, 'at');
  const at = typedAt === undefined ? undefined : notAfterNow('at', timeOption('at', typedAt, ctx), ctx.now);
  const move = kind === 'reschedule' ? await askMove(p, io, folder, window, ctx) : undefined;
  // Checked before the notice is asked for; again under the lock, against the file as it is then.
  if (move) moveEdits(window, move, content.now, site.timeZone);
  let message = defaultText(str(p, 'message'), p.localized.message, site);
  needAnswers(io, message ? [] : ['--message'], `pharos maintenance ${kind}`);
  message ??= await askText(
    cancelling
      ? `Why it is called off, for customers (${def})`
      : kind === 'reschedule'
        ? `What moved, and why, for customers (${def})`
        : `Notice for customers (${def})`,
  );
  const answers: NoticeAnswers = { message: localizedText('message', message, p.localized.message, site), at, kind, ctx, ...(move && { move }) };

  const { after, at: posted, moved } = addNotice(io, folder, window.id, answers, window.updates.length);
  const done = cancelling
    ? 'cancelled, with a notice'
    : moved
      ? `moved to ${show(moved.start, moved.zone)} to ${show(moved.end, moved.zone)} (${moved.zone}), with a notice`
      : 'notice';
  io.out(`Wrote ${window.file}: ${done} at ${posted.iso}\n`);
  if (moved) io.out(`Its id, page address and calendar event stay ${window.id}; calendars see the change as a new revision.\n`);
  for (const line of timeWarnings({ at: posted, ...(move?.start && { start: move.start }), ...(move?.end && { end: move.end }) }, ctx.now)) io.err(`${line}\n`);
  io.out(`Page: ${pageUrl(io, after, `/maintenance/${window.id}/`)}\n`);

  const title = localize(window.title, def, def).text;
  const what = {
    update: ['Maintenance notice', 'your notice'],
    cancel: ['Maintenance cancelled', 'your cancellation'],
    reschedule: ['Maintenance rescheduled', 'your new times and notice'],
  }[kind];
  await publishOrShow(io, publishing, {
    folder,
    file: join('maintenance', `${window.id}.md`),
    message: oneLine(`${what[0]}: ${title}`),
    redo: () => {
      const again = addNotice(io, folder, window.id, { ...answers, at: posted }, undefined).moved;
      // Their version may have moved the other end: say what the window is now.
      const now = again ? `; the window now runs ${show(again.start, again.zone)} to ${show(again.end, again.zone)} (${again.zone})` : '';
      return `${what[1]} ${kind === 'reschedule' ? 'are' : 'is'} posted again on their version, in time order${now}`;
    },
  });
  return 0;
}

/**
 * The new start and end of `reschedule`, as given or asked. A local start is read in --zone (or
 * the computer's zone); a local end in the start's zone, the new one or the window's as written.
 */
async function askMove(
  p: ParsedArgs<OptionName<typeof MAINTENANCE_RESCHEDULE>>,
  io: Io,
  folder: ContentFolder,
  m: Maintenance,
  ctx: TimeContext,
): Promise<Move> {
  let startText = str(p, 'start');
  let endText = str(p, 'end');
  const written = writtenWindow(folder, m);
  if (startText === undefined && endText === undefined) {
    if (!io.interactive) throw new CliError('give the new times: --start, --end or both (pharos maintenance reschedule <id> --end "2026-11-26 02:00")', 2);
    // A window under way keeps its start: only its end is asked for. An answer left as it was moves nothing.
    if (windowState(m.window, ctx.now) === 'scheduled') {
      const typed = await askText(`Start ("YYYY-MM-DD HH:MM" in ${ctx.localZone}, or with a zone or offset)`, {
        default: written.start,
        check: timeCheck(ctx),
      });
      if (typed !== written.start) startText = typed;
    }
    const typed = await askText(`End (same forms; a local time is read in the start's zone)`, { default: written.end, check: timeCheck(ctx) });
    if (typed !== written.end) endText = typed;
  }
  const start = startText === undefined ? undefined : timeOption('start', startText, ctx);
  const end = endText === undefined ? undefined : timeOption('end', endText, { ...ctx, localZone: start?.zone ?? plannedZone(written.start, ctx) });
  return { ...(start && { start }), ...(end && { end }) };
}

/**
 * The zone a window's written start was planned in, to read a local end in: the author's zone
 * (--zone or the computer's) or the site's when its offset at that start is the one written, so an
 * end across a change of clocks keeps its wall time; else the written offset itself.
 */
function plannedZone(writtenStart: string, ctx: TimeContext): string {
  const start = timeOption('start', writtenStart, ctx);
  const offset = DateTime.fromISO(start.iso, { setZone: true }).offset;
  const zone = [ctx.localZone, ctx.siteZone].find((z) => DateTime.fromISO(start.iso, { zone: z }).offset === offset && DateTime.local().setZone(z).isValid);
  return zone ?? start.zone;
}

/** The window's start and end as its file writes them (with their offsets), for defaults and to read a local end in. */
function writtenWindow(folder: ContentFolder, m: Maintenance): { start: string; end: string } {
  const split = splitFrontMatter(readFileSync(join(folder.dir, 'maintenance', `${m.id}.md`), 'utf8'));
  const doc = split ? parseDocument(split.yaml) : undefined;
  const read = (key: string, fallback: string) => {
    const v: unknown = doc?.getIn(['window', key]);
    return typeof v === 'string' ? v : fallback;
  };
  return { start: read('start', m.window.start), end: read('end', m.window.end) };
}

/**
 * The edits that move a window, checked against it as it is now: a window that has ended or is
 * cancelled cannot move, one under way keeps its start, a new start lies ahead, and the window
 * ends after it starts and after now.
 */
function moveEdits(m: Maintenance, move: Move, now: string, zone: string): { edits: Edit[]; start: string; end: string; zone: string } {
  const state = windowState(m.window, now);
  if (state === 'completed')
    throw new CliError(`maintenance ${m.id} ended at ${show(m.window.end, zone)} ${zone}; nothing to move (post a notice with pharos maintenance update)`);
  if (move.start && state === 'in_progress')
    throw new CliError(`maintenance ${m.id} began at ${show(m.window.start, zone)} ${zone}; a window under way keeps its start (give only --end)`, 2);
  if (move.start && Date.parse(move.start.iso) <= Date.parse(now))
    throw new CliError(`option --start: found ${move.start.iso}, not after now ${show(now, zone)} (${zone}) (expected a new start ahead)`, 2);
  const start = move.start?.iso ?? m.window.start;
  const end = move.end?.iso ?? m.window.end;
  if (Date.parse(start) === Date.parse(m.window.start) && Date.parse(end) === Date.parse(m.window.end))
    throw new CliError(
      `nothing moves: maintenance ${m.id} already runs ${show(start, zone)} to ${show(end, zone)} (${zone}) (expected a new start or end; a notice alone: pharos maintenance update)`,
      2,
    );
  if (Date.parse(end) <= Date.parse(start))
    throw new CliError(`the window would end at ${show(end, zone)}, not after its start ${show(start, zone)} (${zone}) (expected an end after the start)`, 2);
  if (Date.parse(end) <= Date.parse(now))
    throw new CliError(
      `option --end: found ${show(end, zone)}, not after now ${show(now, zone)} (${zone}) (expected an end ahead; a window that is over gets a notice: pharos maintenance update)`,
      2,
    );
  const edits: Edit[] = [];
  if (move.start) edits.push({ op: 'setIn', path: ['window', 'start'], value: move.start.iso });
  if (move.end) edits.push({ op: 'setIn', path: ['window', 'end'], value: move.end.iso });
  return { edits, start, end, zone: move.start?.zone ?? move.end?.zone ?? zone };
}

/** The window of a typed id (or file name), or an error suggesting the nearest. */
function findWindow(content: SiteContent, folder: ContentFolder, typed: string): Maintenance {
  return findItem(content.maintenance, typed, 'maintenance window', folder, 'maintenance');
}

/** Refuses a notice to a window that was called off: it is over. */
function checkNotCancelled(m: Maintenance, zone: string): void {
  if (m.cancelled !== undefined) throw new CliError(`maintenance ${m.id} was cancelled (at ${show(m.cancelled, zone)} ${zone}); nothing more to post`);
}

/**
 * Posts the notice to the window as its file is once this command holds the content folder's lock,
 * checked and written; a cancellation also sets `cancelled` to the notice's time. Without --at,
 * the notice takes the time it is written at. If the window gained notices since the command read
 * it (`seen` of them; undefined on a redo), this one goes among them by time rather than last.
 */
function addNotice(
  io: Io,
  folder: ContentFolder,
  id: string,
  a: NoticeAnswers,
  seen: number | undefined,
): { after: SiteContent; at: ParsedTime; moved?: { start: string; end: string; zone: string } } {
  return whileLocked(io, folder, () => {
    const content = loadValid(io, folder);
    const m = findWindow(content, folder, id);
    checkNotCancelled(m, content.site.timeZone);
    const moved = a.move ? moveEdits(m, a.move, content.now, content.site.timeZone) : undefined;
    const at = a.at ?? timeOption('at', 'now', { ...a.ctx, now: content.now });
    const inOrder = seen === undefined || m.updates.length !== seen;
    const file = join('maintenance', `${m.id}.md`);
    const more: Edit[] =
      a.kind === 'cancel' ? [{ op: 'set', key: 'cancelled', value: at.iso, comment: 'when the window was called off' }] : (moved?.edits ?? []);
    const { text } = addUpdate(join(folder.dir, file), m.file, m.updates, { at: at.iso, message: a.message }, inOrder, more);
    return { after: writeValidated(io, folder, { file, text, create: false }), at, ...(moved && { moved }) };
  });
}
