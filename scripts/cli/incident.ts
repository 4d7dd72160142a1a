/** `pharos incident new | update | resolve`: write an incident, post an update, close it. */
import { existsSync } from 'node:fs';
import { DateTime } from 'luxon';
import { join } from 'node:path';
import type { SiteContent } from '../../src/lib/content/load.ts';
import {
  IMPACTS,
  INCIDENT_STATUSES,
  OPEN_STATUSES,
  UPDATE_IMPACTS,
  type Impact,
  type Incident,
  type IncidentStatus,
  type UpdateImpact,
} from '../../src/schemas/incident.ts';
import { SCOPES, type Scope } from '../../src/schemas/severities.ts';
import type { Localized } from '../../src/schemas/common.ts';
import { localize } from '../../src/lib/i18n.ts';
import { impactsThrough, isOpen } from '../../src/lib/status.ts';
import { CliError, type Io } from './io.ts';
import { flag, list, str, type OptionName, type ParsedArgs } from './options.ts';
import type { INCIDENT_NEW, INCIDENT_UPDATE, INCIDENT_RESOLVE } from './commands.ts';
import { findItem, loadValid, pageUrl, type ContentFolder } from './site.ts';
import { localDate, notAfterNow, parseTime, show, timeCheck, timeOption, timeWarnings, TIME_FORMS, type ParsedTime, type TimeContext } from './time.ts';
import { defaultText, localizedText } from './localized.ts';
import { askChoice, askMany, askText, askYesNo, needAnswers } from './prompts.ts';
import { incidentText } from './new-file.ts';
import { addUpdate, type Edit } from './front-matter.ts';
import { startWriting, whileLocked, writeValidated } from './write.ts';
import { checkPublishable, oneLine, publishOrShow } from './publish.ts';
import { slaLines } from './sla-report.ts';
import { incidentClock, nextUpdateBy } from '../../src/lib/sla.ts';
import { slugify, slugOption } from './text.ts';

/** An option's value from a fixed list (statuses, impacts, severity ids: all lower case), in any letter case. */
function oneOf<T extends string>(option: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  const found = allowed.find((a) => a === value.trim().toLowerCase());
  if (found === undefined) throw new CliError(`option --${option}: found "${value}" (expected one of ${allowed.join(', ')})`, 2);
  return found;
}

/** Runs `incident new`. */
export async function incidentNew(p: ParsedArgs<OptionName<typeof INCIDENT_NEW>>, io: Io): Promise<number> {
  const { folder, content, ctx, publishing } = startWriting(io, p);
  if (publishing) await checkPublishable(io, folder);
  const site = content.site;
  const def = site.defaultLocale;
  const sevIds = content.severities.map((s) => s.id);
  const productIds = content.products.map((x) => x.id);

  // Check what was given before asking for the rest, so a typo is not found after five questions.
  let severity = oneOf('severity', str(p, 'severity'), sevIds);
  let scope = oneOf<Scope>('scope', str(p, 'scope'), SCOPES);
  const defaultImpact = oneOf<Impact>('impact', str(p, 'impact'), IMPACTS) ?? 'partial_outage';
  const status = oneOf<IncidentStatus>('status', str(p, 'status'), OPEN_STATUSES) ?? 'investigating';
  let affects = list(p, 'affects').map((entry) => {
    const [product, impact] = entry.split(':').map((s) => s.trim());
    if (!productIds.includes(product!)) throw new CliError(`option --affects: unknown product "${product}" (expected one of ${productIds.join(', ')})`, 2);
    return { product: product!, impact: oneOf<Impact>('affects', impact, IMPACTS) ?? defaultImpact };
  });
  let title = defaultText(str(p, 'title'), p.localized.title, site);
  let message = defaultText(str(p, 'message'), p.localized.message, site);
  let startedText = str(p, 'started');
  if (startedText !== undefined) notAfterNow('started', timeOption('started', startedText, ctx), ctx.now);
  const at = notAfterNow('at', timeOption('at', str(p, 'at') ?? 'now', ctx), ctx.now);
  const nextUpdate = nextUpdateOption(str(p, 'next-update'), at, ctx);
  const givenSlug = slugOption(str(p, 'slug'));

  needAnswers(
    io,
    [title ? '' : '--title', severity ? '' : '--severity', affects.length ? '' : '--affects', message ? '' : '--message'].filter(Boolean),
    'pharos incident new',
  );
  const sevName = (id: string) => localize(content.severities.find((s) => s.id === id)!.name, def, def).text;
  title ??= await askText(`Title (${def})`);
  severity ??= await askChoice(
    'Severity',
    content.severities.map((s) => ({ value: s.id, name: `${s.id} (${sevName(s.id)})`, description: localize(s.definition[0] ?? s.name, def, def).text })),
  );
  if (scope === undefined)
    scope = io.interactive
      ? await askChoice<Scope>(
          'Whose software failed?',
          [
            { value: 'own', name: 'own (our software)' },
            { value: 'third-party', name: "third-party (a supplier's software)" },
          ],
          'own',
        )
      : 'own';
  let systemWide = flag(p, 'system-wide');
  const level = content.severities.find((s) => s.id === severity)!;
  // Only worth asking when it changes a promise: a root-cause report is due for system-wide problems.
  if (!p.values['system-wide'] && io.interactive && level.targets[scope].rootCauseReport)
    systemWide = await askYesNo('Is the whole service hit (system-wide)?', false);
  if (affects.length === 0) {
    const products = await askMany(
      'Affected products',
      content.products.map((x) => ({ value: x.id, name: `${x.id} (${localize(x.name, def, def).text})` })),
    );
    affects = [];
    for (const product of products) {
      affects.push({
        product,
        impact: await askChoice<Impact>(
          `Impact on ${product}`,
          IMPACTS.map((i) => ({ value: i, name: i.replace(/_/g, ' ') })),
          defaultImpact,
        ),
      });
    }
  }
  if (startedText === undefined && io.interactive)
    startedText = await askText(`Started (${TIME_FORMS.split(',')[0]}, ISO 8601, or "YYYY-MM-DD HH:MM Zone")`, { default: 'now', check: timeCheck(ctx) });
  message ??= await askText(`First update, for customers (${def}; status ${status})`);
  const started = notAfterNow('started', timeOption('started', startedText ?? 'now', ctx), ctx.now);

  const slug = givenSlug ?? slugify(title);
  if (slug === '') throw new CliError(`cannot make a file name from the title "${title}" (give one with --slug, such as --slug cloud-sign-in)`, 2);
  const id = `${localDate(started.iso)}-${slug}`;
  const file = join('incidents', `${id}.md`);
  if (existsSync(join(folder.dir, file)))
    throw new CliError(`${join(folder.display, file)} already exists (choose another name with --slug, or post an update: pharos incident update ${id})`);

  const text = incidentText(
    {
      title: localizedText('title', title, p.localized.title, site),
      severity,
      severityIds: sevIds,
      scope,
      systemWide,
      affects,
      started: started.iso,
      update: { at: at.iso, status, message: localizedText('message', message, p.localized.message, site), ...(nextUpdate ? { nextUpdate } : {}) },
    },
    id,
  );
  const after = writeValidated(io, folder, { file, text, create: true });
  io.out(`Wrote ${join(folder.display, file)}\n`);
  for (const line of timeWarnings({ started, at }, ctx.now)) io.err(`${line}\n`);
  io.out(`Page: ${pageUrl(io, after, `/incidents/${id}/`)}\n`);
  nextUpdateLine(io, after, id);
  await publishOrShow(io, publishing, { folder, file, message: oneLine(`Incident: ${title}`) });
  return 0;
}

/** The incident a typed id names; an unknown one is refused with the nearest id. */
function findIncident(content: SiteContent, folder: ContentFolder, typed: string): Incident {
  return findItem(content.incidents, typed, 'incident', folder, 'incidents');
}

const RANK: Record<IncidentStatus, number> = { investigating: 0, identified: 1, monitoring: 2, resolved: 3 };

/** An update as decided once: posted as is, and posted again on a colleague's newer file when they published first. */
interface UpdateAnswers {
  status: IncidentStatus;
  message: Localized;
  /** The time given with --at; without one, the update takes the time it is written at. */
  at: ParsedTime | undefined;
  resolving: boolean;
  reopen: boolean;
  force: boolean;
  /** When customers get the next update (--next-update) as typed: a span after the update, or a TIME. */
  nextUpdate?: string | undefined;
  /** How the times typed are read. */
  ctx: TimeContext;
  /** Products whose impact changes with this update (--affects). */
  affects?: { product: string; impact: UpdateImpact }[];
}

/**
 * Refuses to post to a resolved incident, unless the update reopens it; a "reopening" update that
 * resolves it again is none (it would only move the resolution). The status, once known.
 */
function checkOpen(incident: Incident, a: Pick<UpdateAnswers, 'resolving' | 'reopen'> & { status?: IncidentStatus }, zone: string): void {
  if (incident.resolved === undefined) return;
  if (!a.resolving && a.reopen && a.status === 'resolved')
    throw new CliError(
      `incident ${incident.id} is already resolved (at ${show(incident.resolved, zone)} ${zone}); --reopen needs a status that reopens it: ${OPEN_STATUSES.join(', ')}`,
    );
  if (!a.resolving && a.reopen) return;
  throw new CliError(
    `incident ${incident.id} is already resolved (at ${show(incident.resolved, zone)} ${zone}); ` +
      (a.resolving ? 'nothing to do' : 'add --reopen to post an update that reopens it'),
  );
}

/** Refuses a status that goes back from the update before it (the last one, unless placed among them by time). */
function checkStatus(incident: Incident, index: number, a: Omit<UpdateAnswers, 'message'>, zone: string): void {
  const before = incident.updates[index - 1];
  if (!before || a.status === 'resolved' || RANK[a.status] >= RANK[before.status] || a.force || (a.reopen && incident.resolved !== undefined)) return;
  const which = index === incident.updates.length ? 'last' : 'previous';
  throw new CliError(
    `status "${a.status}" goes back from "${before.status}" (the ${which} update's, at ${show(before.at, zone)}); add --force if the incident really got worse again`,
  );
}

/**
 * Posts the update to the incident as its file is once this command holds the content folder's
 * lock (so two commands posting at once both land): the command's checks, then the edit, checked
 * and written. Without --at, the update takes the time it is written at, after any question. If
 * the incident has gained updates since the command read it with `seen` of them (or on a redo on a
 * colleague's newer file, `seen` undefined), this one goes among them by time rather than last:
 * theirs may be later, and this one was not out of order when it was typed.
 */
function postUpdate(
  io: Io,
  folder: ContentFolder,
  id: string,
  a: UpdateAnswers,
  seen: number | undefined,
): { after: SiteContent; incident: Incident; index: number; at: ParsedTime } {
  return whileLocked(io, folder, () => {
    const content = loadValid(io, folder);
    const incident = findIncident(content, folder, id);
    const zone = content.site.timeZone;
    checkOpen(incident, a, zone);
    const at = a.at ?? timeOption('at', 'now', { ...a.ctx, now: content.now });
    const nextUpdate = a.resolving ? undefined : nextUpdateOption(a.nextUpdate, at, a.ctx);
    const inOrder = seen === undefined || incident.updates.length !== seen;
    const file = join('incidents', `${incident.id}.md`);
    const item = {
      at: at.iso,
      status: a.status,
      message: a.message,
      ...(nextUpdate ? { nextUpdate } : {}),
      ...(a.affects?.length ? { affects: a.affects } : {}),
    };
    const more: Edit[] = [];
    if (a.status === 'resolved') more.push({ op: 'set', key: 'resolved', value: at.iso, comment: "equals the resolved update's time" });
    else if (incident.resolved !== undefined) more.push({ op: 'delete', key: 'resolved' });
    const { text, index } = addUpdate(join(folder.dir, file), incident.file, incident.updates, item, inOrder, more);
    checkStatus(incident, index, a, zone);
    return { after: writeValidated(io, folder, { file, text, create: false }), incident, index, at };
  });
}

/** Runs `incident update`. */
export function incidentUpdate(p: ParsedArgs<OptionName<typeof INCIDENT_UPDATE>>, io: Io): Promise<number> {
  return postCommand(p, io, false);
}

/** Runs `incident resolve`. */
export function incidentResolve(p: ParsedArgs<OptionName<typeof INCIDENT_RESOLVE>>, io: Io): Promise<number> {
  return postCommand(p, io, true);
}

/** Update and resolve: one command, the second with its status fixed to resolved. */
async function postCommand(p: ParsedArgs<OptionName<typeof INCIDENT_UPDATE>>, io: Io, resolving: boolean): Promise<number> {
  const command = resolving ? 'resolve' : 'update';
  if (p.positionals.length > 1) throw new CliError(`expected one incident id (found ${p.positionals.map((s) => `"${s}"`).join(', ')})`, 2);
  const { folder, content, ctx, publishing } = startWriting(io, p);
  if (publishing) await checkPublishable(io, folder);
  const site = content.site;
  const def = site.defaultLocale;

  let typed = p.positionals[0];
  if (typed === undefined) {
    const open = content.incidents.filter((i) => isOpen(i, content.now));
    if (!io.interactive || open.length === 0) throw new CliError(`which incident? (pharos incident ${command} <id>; \`pharos list\` shows the open ones)`, 2);
    typed = await askChoice(
      'Incident',
      open.map((i) => ({ value: i.id, name: `${i.id}: ${localize(i.title, def, def).text}` })),
    );
  }
  const incident = findIncident(content, folder, typed);
  const last = incident.updates[incident.updates.length - 1]!;
  const reopen = flag(p, 'reopen');
  checkOpen(incident, { resolving, reopen }, site.timeZone);

  let status: IncidentStatus = resolving
    ? 'resolved'
    : (oneOf<IncidentStatus>('status', str(p, 'status'), INCIDENT_STATUSES) ?? (reopen ? 'investigating' : last.status));
  let message = defaultText(str(p, 'message'), p.localized.message, site);
  const typedAt = str(p, 'at');
  // Without --at, "now" here only checks --next-update: the update takes the time it is written at.
  const at = notAfterNow('at', timeOption('at', typedAt ?? 'now', ctx), ctx.now);
  needAnswers(io, message ? [] : ['--message'], `pharos incident ${command}`);
  const asking = !resolving && str(p, 'status') === undefined && io.interactive && message === undefined;
  if (asking) {
    status = await askChoice<IncidentStatus>(
      'Status',
      INCIDENT_STATUSES.map((s) => ({ value: s, name: s })),
      status,
    );
  }
  // Refused now rather than after the questions (and again under the lock).
  checkOpen(incident, { resolving, reopen, status }, site.timeZone);
  // A resolving update promises nothing more.
  if (!resolving && status === 'resolved' && str(p, 'next-update') !== undefined)
    throw new CliError('--next-update: a resolving update promises no next one; leave it out', 2);
  let affects = impactChanges(list(p, 'affects'), incident, status);
  if (asking && status !== 'resolved' && affects.length === 0) affects = await askImpactChanges(incident);
  const decided = {
    status,
    affects,
    at: typedAt === undefined ? undefined : at,
    resolving,
    reopen,
    force: flag(p, 'force'),
    nextUpdate: resolving ? undefined : str(p, 'next-update'),
    ctx,
  };
  // Refused now rather than after the questions.
  if (!resolving) nextUpdateOption(decided.nextUpdate, at, ctx);
  checkStatus(incident, incident.updates.length, decided, site.timeZone);
  message ??= await askText(`Update for customers (${def}; status ${status})`);
  const answers: UpdateAnswers = { ...decided, message: localizedText('message', message, p.localized.message, site) };

  const { after, at: posted } = postUpdate(io, folder, incident.id, answers, incident.updates.length);
  io.out(`Wrote ${incident.file}: ${status} update at ${posted.iso}${incident.resolved !== undefined ? ' (reopened)' : ''}\n`);
  for (const line of timeWarnings({ at: posted }, ctx.now)) io.err(`${line}\n`);
  io.out(`Page: ${pageUrl(io, after, `/incidents/${incident.id}/`)}\n`);
  const updated = after.incidents.find((i) => i.id === incident.id)!;
  if (status === 'resolved') for (const line of slaLines(after, updated)) io.out(`${line}\n`);
  else nextUpdateLine(io, after, incident.id);

  const title = localize(incident.title, def, def).text;
  await publishOrShow(io, publishing, {
    folder,
    file: join('incidents', `${incident.id}.md`),
    message: oneLine(resolving ? `Incident resolved: ${title}` : `Incident update: ${title} (${status})`),
    redo: () => {
      const again = postUpdate(io, folder, incident.id, { ...answers, at: posted }, undefined);
      const next = again.incident.updates[again.index];
      const mine = resolving ? 'your resolution' : 'your update';
      return next
        ? `${mine} is posted again before their update at ${show(next.at, site.timeZone)} (${site.timeZone}), in time order`
        : `${mine} is posted again after theirs`;
    },
  });
  return 0;
}

/**
 * Asked with the status when staff answer questions: which products this update changes (none by
 * default, so an update that changes none costs one keypress), then each one's impact from now on.
 */
async function askImpactChanges(incident: Incident): Promise<{ product: string; impact: UpdateImpact }[]> {
  // A reopened incident starts again from its affects.
  const current = impactsThrough(incident, incident.resolved === undefined ? incident.updates.length - 1 : -1);
  const name = (impact: UpdateImpact) => impact.replace(/_/g, ' ');
  const products = await askMany(
    'Products whose impact this update changes (none: press enter)',
    current.map((c) => ({ value: c.product, name: `${c.product} (now ${name(c.impact)})` })),
    false,
  );
  const changes: { product: string; impact: UpdateImpact }[] = [];
  for (const product of products) {
    const now = current.find((c) => c.product === product)!.impact;
    const impact = await askChoice<UpdateImpact>(
      `Impact on ${product} from this update`,
      UPDATE_IMPACTS.filter((i) => i !== now).map((i) => ({ value: i, name: name(i) })),
    );
    changes.push({ product, impact });
  }
  return changes;
}

/** `--affects ID:IMPACT` of an update: products of the incident, each with its impact from this update on. */
function impactChanges(entries: string[], incident: Incident, status: IncidentStatus): { product: string; impact: UpdateImpact }[] {
  if (entries.length > 0 && status === 'resolved')
    throw new CliError('option --affects: a resolved update ends every impact (expected no --affects when resolving)', 2);
  const products = incident.affects.map((a) => a.product);
  const changes = entries.map((entry) => {
    const [product = '', impact] = entry.split(':').map((s) => s.trim());
    if (!products.includes(product))
      throw new CliError(`option --affects: found "${product}", which this incident does not affect (expected one of ${products.join(', ')})`, 2);
    if (impact === undefined)
      throw new CliError(`option --affects: found "${entry}" (expected ${product}:IMPACT, IMPACT one of ${UPDATE_IMPACTS.join(', ')})`, 2);
    return { product, impact: oneOf<UpdateImpact>('affects', impact, UPDATE_IMPACTS)! };
  });
  const twice = changes.find((c, i) => changes.findIndex((d) => d.product === c.product) !== i);
  if (twice) throw new CliError(`option --affects: found "${twice.product}" twice (expected each product once)`, 2);
  return changes;
}

/**
 * `--next-update`: a span after the update ("30m", "2h", "90 minutes") or a TIME, written as ISO 8601
 * in the update's offset; refused unless it is after the update.
 */
function nextUpdateOption(value: string | undefined, at: ParsedTime, ctx: TimeContext): string | undefined {
  if (value === undefined) return undefined;
  // "30m", "2h", "90 min", "1h30m", "1 h 30 min".
  const span = /^(?:(\d{1,4}) ?(?:h|hrs?|hours?))? ?(?:(\d{1,4}) ?(?:m|mins?|minutes?))?$/i.exec(value.trim());
  const minutes = span && (span[1] !== undefined || span[2] !== undefined) ? Number(span[1] ?? 0) * 60 + Number(span[2] ?? 0) : undefined;
  let when: string;
  if (minutes !== undefined) when = DateTime.fromISO(at.iso, { setZone: true }).plus({ minutes }).toISO({ suppressMilliseconds: true })!;
  else {
    const t = parseTime(value, ctx);
    if ('error' in t)
      throw new CliError(
        /^found "[^"]*" \(expected /.test(t.error)
          ? `option --next-update: found "${value.trim()}" (expected a span such as "30m", "2h" or "1h30m", or a time: ${TIME_FORMS.replace(/^"now", /, '')})`
          : `option --next-update: ${t.error}`,
        2,
      );
    when = t.iso;
  }
  if (Date.parse(when) <= Date.parse(at.iso))
    throw new CliError(`option --next-update: found "${value}", not after the update at ${at.iso} (expected a span such as "2h" or a later TIME)`, 2);
  return when;
}

/** "Next update due by ...", as the incident's page says it (nextUpdateBy), while the incident is open. */
function nextUpdateLine(io: Io, content: SiteContent, id: string): void {
  const incident = content.incidents.find((i) => i.id === id);
  const next = incident && nextUpdateBy(content, incident, incidentClock(content, incident));
  if (next) io.out(`Next update due by ${show(next.due, content.site.timeZone)} (${content.site.timeZone})\n`);
}
