/** `pharos maintenance new`, `update` and `cancel`: announce a planned maintenance window, post a notice to it, call it off. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { SiteContent } from '../../src/lib/content/load.ts';
import type { Localized } from '../../src/schemas/common.ts';
import type { Maintenance } from '../../src/schemas/maintenance.ts';
import { localize } from '../../src/lib/i18n.ts';
import { maintenanceState } from '../../src/lib/status.ts';
import { CliError, type Io } from './io.ts';
import { CONTENT, PUBLISH, SLUG, ZONE, list, str, type CommandSpec, type OptionName, type ParsedArgs } from './options.ts';
import { findItem, loadValid, pageUrl, type ContentFolder } from './site.ts';
import { localDate, notAfterNow, parseTime, show, timeCheck, timeOption, timeWarnings, TIME_FORMS, type ParsedTime, type TimeContext } from './time.ts';
import { defaultText, localizedText } from './localized.ts';
import { askChoice, askMany, askText, needAnswers } from './prompts.ts';
import { maintenanceText } from './new-file.ts';
import { addUpdate, type Edit } from './front-matter.ts';
import { startWriting, whileLocked, writeValidated } from './write.ts';
import { checkPublishable, oneLine, publishOrShow } from './publish.ts';
import { slugify, slugOption } from './text.ts';

/** `pharos maintenance new`: its options, the one definition the parser and the help read. */
export const MAINTENANCE_NEW = {
  name: 'maintenance new',
  summary: 'write content/maintenance/<date>-<slug>.md; asks for what is missing',
  options: [
    { name: 'title', type: 'string', value: 'TEXT', localized: true, help: 'headline in the default language' },
    { name: 'products', type: 'string', value: 'ID', multiple: true, help: 'affected products' },
    { name: 'start', type: 'string', value: 'TIME', help: 'when the window begins' },
    { name: 'end', type: 'string', value: 'TIME', help: "when it ends; a local time is read in the start's zone" },
    { name: 'message', type: 'string', value: 'TEXT', localized: true, help: 'the first notice for customers' },
    { name: 'at', type: 'string', value: 'TIME', help: 'time of the first notice (default: now)' },
    SLUG,
    PUBLISH,
    CONTENT,
    ZONE,
  ],
} as const satisfies CommandSpec;

/** `pharos maintenance update`: its options. */
export const MAINTENANCE_UPDATE = {
  name: 'maintenance update',
  operands: '<id>',
  summary: 'append a notice to a window (the work has begun, runs late, is done)',
  options: [
    { name: 'message', type: 'string', value: 'TEXT', localized: true, help: 'the notice for customers' },
    { name: 'at', type: 'string', value: 'TIME', help: 'time of the notice (default: now)' },
    PUBLISH,
    CONTENT,
    ZONE,
  ],
} as const satisfies CommandSpec;

/** `pharos maintenance cancel`: its options. */
export const MAINTENANCE_CANCEL = {
  name: 'maintenance cancel',
  operands: '<id>',
  summary: 'call a window off: append the notice and set cancelled',
  options: [
    { name: 'message', type: 'string', value: 'TEXT', localized: true, help: 'the notice for customers (why, and what happens instead)' },
    { name: 'at', type: 'string', value: 'TIME', help: 'time of the cancellation (default: now)' },
    PUBLISH,
    CONTENT,
    ZONE,
  ],
} as const satisfies CommandSpec;

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
  return noticeCommand(p, io, false);
}

/** Runs `maintenance cancel`. */
export function maintenanceCancel(p: ParsedArgs<OptionName<typeof MAINTENANCE_CANCEL>>, io: Io): Promise<number> {
  return noticeCommand(p, io, true);
}

/** A notice as decided once: posted as is, and again on a colleague's newer file when they published first. */
interface NoticeAnswers {
  message: Localized;
  /** The time given with --at; without one, the notice takes the time it is written at. */
  at: ParsedTime | undefined;
  cancelling: boolean;
  ctx: TimeContext;
}

/** Update and cancel: one command, the second also setting `cancelled`. */
async function noticeCommand(p: ParsedArgs<OptionName<typeof MAINTENANCE_UPDATE>>, io: Io, cancelling: boolean): Promise<number> {
  const command = cancelling ? 'cancel' : 'update';
  if (p.positionals.length > 1) throw new CliError(`expected one maintenance window id (found ${p.positionals.map((s) => `"${s}"`).join(', ')})`, 2);
  const { folder, content, ctx, publishing } = startWriting(io, p);
  if (publishing) await checkPublishable(io, folder);
  const site = content.site;
  const def = site.defaultLocale;

  let typed = p.positionals[0];
  if (typed === undefined) {
    const open = content.maintenance.filter((m) => m.cancelled === undefined && maintenanceState(m, content.now) !== 'completed');
    if (!io.interactive || open.length === 0)
      throw new CliError(`which window? (pharos maintenance ${command} <id>; \`pharos list\` shows the upcoming ones)`, 2);
    typed = await askChoice(
      'Window',
      open.map((m) => ({ value: m.id, name: `${m.id}: ${localize(m.title, def, def).text}` })),
    );
  }
  const window = findWindow(content, folder, typed);
  checkNotCancelled(window, site.timeZone);
  const typedAt = str(p, 'at');
  const at = typedAt === undefined ? undefined : notAfterNow('at', timeOption('at', typedAt, ctx), ctx.now);
  let message = defaultText(str(p, 'message'), p.localized.message, site);
  needAnswers(io, message ? [] : ['--message'], `pharos maintenance ${command}`);
  message ??= await askText(cancelling ? `Why it is called off, for customers (${def})` : `Notice for customers (${def})`);
  const answers: NoticeAnswers = { message: localizedText('message', message, p.localized.message, site), at, cancelling, ctx };

  const { after, at: posted } = addNotice(io, folder, window.id, answers, window.updates.length);
  io.out(`Wrote ${window.file}: ${cancelling ? 'cancelled, with a notice' : 'notice'} at ${posted.iso}\n`);
  for (const line of timeWarnings({ at: posted }, ctx.now)) io.err(`${line}\n`);
  io.out(`Page: ${pageUrl(io, after, `/maintenance/${window.id}/`)}\n`);

  const title = localize(window.title, def, def).text;
  await publishOrShow(io, publishing, {
    folder,
    file: join('maintenance', `${window.id}.md`),
    message: oneLine(cancelling ? `Maintenance cancelled: ${title}` : `Maintenance notice: ${title}`),
    redo: () => {
      addNotice(io, folder, window.id, { ...answers, at: posted }, undefined);
      return `${cancelling ? 'your cancellation' : 'your notice'} is posted again on their version, in time order`;
    },
  });
  return 0;
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
function addNotice(io: Io, folder: ContentFolder, id: string, a: NoticeAnswers, seen: number | undefined): { after: SiteContent; at: ParsedTime } {
  return whileLocked(folder, () => {
    const content = loadValid(io, folder);
    const m = findWindow(content, folder, id);
    checkNotCancelled(m, content.site.timeZone);
    const at = a.at ?? timeOption('at', 'now', { ...a.ctx, now: content.now });
    const inOrder = seen === undefined || m.updates.length !== seen;
    const file = join('maintenance', `${m.id}.md`);
    const more: Edit[] = a.cancelling ? [{ op: 'set', key: 'cancelled', value: at.iso, comment: 'when the window was called off' }] : [];
    const { text } = addUpdate(join(folder.dir, file), m.file, m.updates, { at: at.iso, message: a.message }, inOrder, more);
    return { after: writeValidated(io, folder, { file, text, create: false }), at };
  });
}
