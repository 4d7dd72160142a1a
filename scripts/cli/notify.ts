/**
 * `pharos notify`: after a deploy, tells the channels of content/notify.yaml what changed, exactly
 * once per event and channel across runs.
 *
 * How "exactly once" holds:
 * - Events come from content and "now" alone (events.ts), each with a key that never changes
 *   between runs: "incident/<id>/update/<time>/<status>" (never a position in the list, which
 *   deleting or backdating an update would shift), "incident/<id>/report", "maintenance/<id>/notice/<time>",
 *   "maintenance/<id>/started".
 * - The delivery record (record.ts; a JSON file, by default node_modules/.cache/pharos/
 *   notify-state.json, kept between CI runs by the workflow's cache) holds, per channel id and
 *   event key, what became of it. An event is sent only when the record has no entry for it, or a
 *   failed one whose retry time has come (5 minutes, then three times longer each time, at most 6
 *   hours; 8 attempts). Secrets never reach it: it holds ids, keys, times and reasons.
 * - Before a message leaves, its entry becomes "sending" and the record is written (by rename);
 *   after, "sent" or "failed". A run killed in between leaves "sending", which the next run turns
 *   into "uncertain" and never sends again; so does a receiver that took the request and gave no
 *   answer. Only a failure that proves the message did not arrive (no connection, an HTTP or SMTP
 *   refusal) is retried: a second copy is never sent, at the price of maybe none in those cases,
 *   which the output names. Webhooks also get an Idempotency-Key header, the same in every run.
 * - A channel the record has never seen (a new channel, or a lost record) starts from a baseline:
 *   every event already there is recorded and not sent, so adding a channel does not replay the
 *   last 30 days; a switched-off channel (enabled: false) keeps recording events as they pass, so
 *   switching it on does not either; nor does widening a channel's events or products: the record
 *   keeps each channel's filter, and events only the wider one takes in, from before the last run,
 *   are recorded and not sent. Events older than 30 days are neither sent nor kept, nor are
 *   channels no longer in notify.yaml.
 * - Runs that overlap take turns: a lock file beside the record, refreshed every minute while a
 *   run lasts (so it never looks abandoned) and removed only by the run that took it; a second run
 *   waits for the first and then reads what it recorded, so it sends nothing twice. Mail has its
 *   own time limits, as webhooks do (send.ts). The workflow also runs the notify
 *   job in a concurrency group, as runs on different machines share no file.
 * - "Now" is the deployed build's: `--built DIR` reads the build.json the build wrote, so a window
 *   beginning between the build and this run is announced by the next build, when its page says so
 *   too. Without --built, the clock (or site.yaml's now); PHAROS_NOW overrides both.
 * `--dry-run` reads the record and prints what would be sent, writing nothing.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { SiteContent } from '../../src/lib/content/load.ts';
import type { Channel } from '../../src/schemas/notify.ts';
import { apiDocuments } from '../../src/lib/api.ts';
import { CliError, envVar, type Io } from './io.ts';
import { flag, str, type OptionName, type ParsedArgs } from './options.ts';
import type { NOTIFY } from './commands.ts';
import { basePath, contentFolder, loadValid } from './site.ts';
import { eventsOf, filterOf, wants, MAX_AGE_DAYS, type Filter, type NotifyEvent } from './notify/events.ts';
import { MAX_ATTEMPTS, lock, readRecord, retryAt, writeRecord, type DeliveryRecord, type Entry } from './notify/record.ts';
import {
  compose,
  discordPayload,
  emailMessage,
  idempotencyKey,
  plainText,
  slackPayload,
  teamsPayload,
  webhookPayload,
  type SiteLocation,
} from './notify/messages.ts';
import { postJson, sendMail, type Outcome } from './notify/send.ts';

/** How long a run waits for an overlapping one to finish. */
const LOCK_WAIT_MS = 5 * 60_000;

/** One message to send: an event on a channel. */
interface Delivery {
  channel: Channel;
  event: NotifyEvent;
}

/** A version 1 record keyed an incident's updates by position: each entry moves to the update it named then. */
function carryOver(record: DeliveryRecord, events: NotifyEvent[]): void {
  if (record.version !== 1) return;
  for (const entries of Object.values(record.channels))
    for (const e of events) {
      const old = e.legacyKey === undefined ? undefined : entries[e.legacyKey];
      if (old === undefined) continue;
      delete entries[e.legacyKey!];
      entries[e.key] ??= old;
    }
  record.version = 2;
}

/**
 * Brings the record up to date with content and says what is due: new channels get their
 * baseline, and so do past events a widened filter takes in; old entries are forgotten,
 * interrupted deliveries become uncertain.
 */
function plan(record: DeliveryRecord, channels: Channel[], events: NotifyEvent[], now: string, io: Io): Delivery[] {
  const due: Delivery[] = [];
  const oldest = Date.parse(now) - MAX_AGE_DAYS * 86_400_000;
  const lastRun = record.now === undefined ? undefined : Date.parse(record.now);
  carryOver(record, events);
  const filters = (record.filters ??= {});
  // A channel taken out of notify.yaml is forgotten: written in again, it starts from a new baseline.
  for (const id of Object.keys(record.channels)) if (!channels.some((ch) => ch.id === id)) delete record.channels[id];
  for (const id of Object.keys(filters)) if (!channels.some((ch) => ch.id === id)) delete filters[id];
  for (const channel of channels) {
    const filter = filterOf(channel);
    const wanted = events.filter((e) => wants(filter, e));
    // What the channel took in the last run (a record without filters: the same as now, but no component events or later notices, which it predates).
    const before = (filters[channel.id] as Filter | undefined) ?? { ...filter, components: false, notices: false };
    filters[channel.id] = filter;
    const entries = record.channels[channel.id];
    if (entries === undefined) {
      record.channels[channel.id] = Object.fromEntries(wanted.map((e): [string, Entry] => [e.key, { state: 'baseline', at: e.at, attempts: 0 }]));
      if (channel.enabled)
        io.out(
          `${channel.id}: first run for this channel; ${wanted.length} earlier event${wanted.length === 1 ? '' : 's'} recorded as already known, not sent\n`,
        );
      continue;
    }
    for (const [key, entry] of Object.entries(entries)) if (Date.parse(entry.at) < oldest) delete entries[key];
    let widened = 0;
    for (const event of wanted) {
      const entry = entries[event.key];
      // Taken in only by a widened filter, and from before the last run: past news, not sent.
      const past = entry === undefined && !wants(before, event) && (lastRun === undefined || Date.parse(event.at) <= lastRun);
      if (past) widened++;
      // While a channel is switched off its events pass by: switched on again, it does not replay them.
      if (entry === undefined && (!channel.enabled || past)) entries[event.key] = { state: 'baseline', at: event.at, attempts: 0 };
      else if (entry === undefined) due.push({ channel, event });
      else if (entry.state === 'sending') {
        entries[event.key] = { ...entry, state: 'uncertain', reason: 'a run stopped while sending it; it may have arrived, so it is not sent again' };
        io.err(`${channel.id}: ${event.kind} ${event.key} may not have arrived (a run stopped while sending it); not sent again\n`);
      } else if (channel.enabled && entry.state === 'failed' && entry.attempts < MAX_ATTEMPTS && entry.next !== undefined && entry.next <= now)
        due.push({ channel, event });
    }
    if (widened > 0 && channel.enabled)
      io.out(`${channel.id}: its events or products now take in ${widened} earlier event${widened === 1 ? '' : 's'}; recorded as already known, not sent\n`);
  }
  record.now = now;
  return due;
}

/** The record at `path`, or a refusal naming it (a run must not start over from a baseline when the record is only damaged). */
function recordAt(path: string): DeliveryRecord {
  try {
    return readRecord(path);
  } catch (err) {
    throw new CliError(
      `the delivery record ${path} cannot be read (${err instanceof Error ? err.message : String(err)}); nothing was sent (move it aside to start from a baseline)`,
    );
  }
}

/** Where the site is: PHAROS_SITE and PHAROS_BASE as the build reads them, else site.yaml. */
function location(io: Io, c: SiteContent): SiteLocation {
  return { site: envVar(io.env, 'PHAROS_SITE') ?? c.site.url, base: basePath(io, c) };
}

/** Sends one delivery; the channel's secret comes from the environment and goes nowhere else. */
async function deliver(d: Delivery, c: SiteContent, at: SiteLocation, io: Io, docs: () => ReturnType<typeof apiDocuments>): Promise<Outcome> {
  const { channel: ch, event: e } = d;
  const secret = envVar(io.env, ch.secret);
  if (secret === undefined) return { ok: false, retry: true, reason: `the environment variable ${ch.secret} is not set` };
  const message = compose(c, e, ch.language ?? c.site.defaultLocale, at);
  const key = idempotencyKey(ch.id, e.key);
  if (ch.type === 'email') return sendMail(secret, ch, { ...emailMessage(message), lang: message.lang, id: key });
  if (!/^https?:\/\/[^\s]+$/.test(secret))
    return { ok: false, retry: true, reason: `the environment variable ${ch.secret} does not hold an http or https address` };
  const body =
    ch.type === 'slack'
      ? slackPayload(message)
      : ch.type === 'teams'
        ? teamsPayload(message)
        : ch.type === 'discord'
          ? discordPayload(message)
          : webhookPayload(c, e, at, docs());
  return postJson(secret, body, { 'Idempotency-Key': key, 'X-Pharos-Event': e.kind });
}

/**
 * The "now" the build in `dir` resolved (its build.json), so that notify announces what the
 * deployed site says: a window that begins between the build and this run is not announced
 * before the site shows it (the next build does both).
 */
function builtNow(dir: string): string {
  const file = join(dir, 'build.json');
  let now: unknown;
  try {
    now = (JSON.parse(readFileSync(file, 'utf8')) as { now?: unknown }).now;
  } catch (err) {
    const why = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'it is missing: is this the built site?' : err instanceof Error ? err.message : String(err);
    throw new CliError(`cannot read the build's "now" from ${file} (${why}); nothing was sent`);
  }
  if (typeof now !== 'string' || Number.isNaN(Date.parse(now)))
    throw new CliError(`${file} has no "now" of the build (found ${JSON.stringify(now)}); nothing was sent`);
  return now;
}

/** Runs `notify`: exit 0 when everything due was delivered (or nothing was due), 1 when a delivery failed or may have failed. */
export async function notifyCommand(p: ParsedArgs<OptionName<typeof NOTIFY>>, io: Io): Promise<number> {
  const folder = contentFolder(io, str(p, 'content'));
  const built = str(p, 'built');
  // The build's now, unless PHAROS_NOW pins one (tests, demonstrations); else the loader's (site.yaml, the clock).
  const pinned = envVar(io.env, 'PHAROS_NOW') !== undefined;
  const env = built === undefined || pinned ? io.env : { ...io.env, PHAROS_NOW: builtNow(resolve(io.cwd, built)) };
  const c = loadValid({ ...io, env }, folder);
  const channels = c.notify?.channels ?? [];
  if (channels.length === 0) {
    io.out(`No channels in ${folder.display}/notify.yaml; nothing to send.\n`);
    return 0;
  }
  // Switched-off channels still keep their record, so that switching one on does not replay what passed meanwhile.
  if (!channels.some((ch) => ch.enabled)) io.out(`No channel is switched on in ${folder.display}/notify.yaml; nothing is sent.\n`);
  const statePath = resolve(io.cwd, str(p, 'state') ?? envVar(io.env, 'PHAROS_NOTIFY_STATE') ?? 'node_modules/.cache/pharos/notify-state.json');
  const at = location(io, c);
  const events = eventsOf(c);

  if (flag(p, 'dry-run')) {
    const due = plan(recordAt(statePath), channels, events, c.now, io);
    if (due.length === 0) io.out('Nothing to send.\n');
    for (const { channel: ch, event: e } of due) {
      const text = plainText(compose(c, e, ch.language ?? c.site.defaultLocale, at));
      io.out(`Would send ${e.kind} (${e.key}) to ${ch.id} (${ch.type}):\n${text.replace(/^(?=.)/gm, '  ')}\n`);
    }
    return 0;
  }

  const held = await lock(statePath, LOCK_WAIT_MS, () => io.err('Another pharos notify is delivering with this record; waiting for it to finish.\n'));
  if (!held) throw new CliError(`another pharos notify still holds ${statePath}.lock after ${LOCK_WAIT_MS / 60_000} minutes; nothing was sent`);
  let problems = 0;
  let sent = 0;
  try {
    const record = recordAt(statePath);
    const due = plan(record, channels, events, c.now, io);
    writeRecord(statePath, record);
    let docs: ReturnType<typeof apiDocuments> | undefined;
    for (const d of due) {
      // Taken over as stale (the machine slept?): the other run now owns the record, and writing it would undo its entries.
      if (!held.held()) {
        io.err(`Another pharos notify took over ${statePath}.lock; stopping, the rest is left to it\n`);
        problems++;
        break;
      }
      const entries = record.channels[d.channel.id]!;
      const before = entries[d.event.key];
      const attempts = (before?.attempts ?? 0) + 1;
      entries[d.event.key] = { state: 'sending', at: d.event.at, attempts };
      writeRecord(statePath, record);
      const outcome = await deliver(d, c, at, io, () => (docs ??= apiDocuments(c, at)));
      const what = `${d.event.kind} (${d.event.key}) to ${d.channel.id}`;
      if (outcome.ok) {
        entries[d.event.key] = { state: 'sent', at: d.event.at, attempts };
        io.out(`Sent ${what}\n`);
        sent++;
      } else {
        problems++;
        if (!outcome.retry) entries[d.event.key] = { state: 'uncertain', at: d.event.at, attempts, reason: outcome.reason };
        else if (attempts >= MAX_ATTEMPTS) entries[d.event.key] = { state: 'abandoned', at: d.event.at, attempts, reason: outcome.reason };
        else entries[d.event.key] = { state: 'failed', at: d.event.at, attempts, next: retryAt(c.now, attempts), reason: outcome.reason };
        const entry = entries[d.event.key]!;
        const then =
          entry.state === 'failed' ? `; trying again from ${entry.next}` : entry.state === 'abandoned' ? `; given up after ${attempts} attempts` : '';
        io.err(`Not sent: ${what}: ${outcome.reason}${then}\n`);
      }
      writeRecord(statePath, record);
    }
  } finally {
    held.release();
  }
  io.out(`${sent} sent${problems > 0 ? `, ${problems} not sent` : ''}.\n`);
  return problems > 0 ? 1 : 0;
}
