/** `pharos maintenance new`: announce a planned maintenance window. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { localize } from '../../src/lib/i18n.ts';
import { CliError, type Io } from './io.ts';
import { CONTENT, PUBLISH, SLUG, ZONE, list, str, type CommandSpec, type OptionName, type ParsedArgs } from './options.ts';
import { pageUrl } from './site.ts';
import { localDate, parseTime, show, timeCheck, timeOption, timeWarnings, TIME_FORMS, type ParsedTime, type TimeContext } from './time.ts';
import { defaultText, localizedText } from './localized.ts';
import { askMany, askText, needAnswers } from './prompts.ts';
import { maintenanceText } from './new-file.ts';
import { startWriting, writeValidated } from './write.ts';
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
  const at = timeOption('at', str(p, 'at') ?? 'now', ctx);
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
  for (const line of timeWarnings({ start, end, at })) io.err(`${line}\n`);
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
