/**
 * `pharos notify` as the workflow runs it: the real CLI in a child process, on a copy of the
 * minimal site with every kind of channel, against real servers on 127.0.0.1: an HTTP receiver
 * standing in for Slack, Teams, Discord and a webhook, and an SMTP server (smtp-server) that
 * receives the mail nodemailer sends. "Now" is pinned per run; the delivery record is a file.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MINIMAL, runCliAsync, runCliHere, sharedBuild, tempDir, type Run } from '../helpers/fixtures.ts';
import { statuspageValidator } from '../helpers/statuspage-schema.ts';

/** A request the HTTP receiver got. */
interface Received {
  path: string;
  headers: IncomingMessage['headers'];
  body: Record<string, unknown>;
}
/** A mail the SMTP server got. */
interface Mail {
  from: string;
  to: string[];
  data: string;
}

const requests: Received[] = [];
const mails: Mail[] = [];
/** Per path: answer 503 instead of 200. */
const failing = new Set<string>();
/** Per path: take the request, then answer with this status (a gateway's 502 or 504, say). */
const answering = new Map<string, number>();
/** Per path: take the request, then close the connection without an answer. */
const dropping = new Set<string>();
/** When set, the receiver holds its next answer until this is called (and tells onHold that it does). */
let hold: (() => void) | undefined;
let onHold: (() => void) | undefined;
let http: Server;
let smtp: SMTPServer;
let httpBase = '';
let smtpUrl = '';

beforeAll(async () => {
  http = createServer((req, res) => {
    let text = '';
    req.setEncoding('utf8').on('data', (s: string) => (text += s));
    req.on('end', () => {
      const path = req.url ?? '';
      if (dropping.has(path)) {
        req.socket.destroy();
        return;
      }
      const answer = () => {
        if (answering.has(path)) {
          requests.push({ path, headers: req.headers, body: JSON.parse(text) as Record<string, unknown> });
          res.writeHead(answering.get(path)!).end('gateway');
          return;
        }
        if (failing.has(path)) {
          res.writeHead(503).end('unavailable');
          return;
        }
        requests.push({ path, headers: req.headers, body: JSON.parse(text) as Record<string, unknown> });
        res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      };
      if (hold === undefined) return answer();
      const waiting = hold;
      hold = () => {
        hold = undefined;
        waiting();
        answer();
      };
      onHold?.();
      onHold = undefined;
    });
  });
  await new Promise<void>((done) => http.listen(0, '127.0.0.1', done));
  httpBase = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      let data = '';
      stream.setEncoding('utf8').on('data', (s: string) => (data += s));
      stream.on('end', () => {
        mails.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), data });
        callback();
      });
    },
  });
  await new Promise<void>((done) => smtp.listen(0, '127.0.0.1', done));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((done) => http.close(done));
  await new Promise<void>((done) => smtp.close(() => done()));
});

const NOTIFY_YAML = `channels:
  - { id: team-slack, type: slack, secret: PHAROS_SLACK_URL }
  - { id: team-teams, type: teams, secret: PHAROS_TEAMS_URL, language: sv }
  - { id: community-discord, type: discord, secret: PHAROS_DISCORD_URL }
  - id: monitor-webhook
    type: webhook
    secret: PHAROS_WEBHOOK_URL
    # Incidents and windows only: component events (a product's status changing) have their own tests below.
    events: [incident.opened, incident.updated, incident.resolved, incident.report, maintenance.scheduled, maintenance.started, maintenance.completed, maintenance.cancelled]
  - id: announce-mail
    type: email
    secret: PHAROS_SMTP_URL
    from: status@acme.test
    to: [announce@acme.test, partners@acme.test]
  - { id: widget-maintenance, type: slack, secret: PHAROS_SLACK_URL_2, products: [widget], events: [maintenance.started] }
  - { id: silent, type: slack, secret: PHAROS_SLACK_URL_3, enabled: false }
`;

const CLOUD_DOWN = 'incidents/2026-11-22-cloud-down.md';
/** A copy of the minimal site with the channels above; returns its content folder. */
function site(): string {
  const dir = join(tempDir('notify'), 'content');
  cpSync(MINIMAL, dir, { recursive: true });
  writeFileSync(join(dir, 'notify.yaml'), NOTIFY_YAML);
  return dir;
}

/** Adds an update to the open incident, as `pharos incident update` would. */
function addUpdate(dir: string, at: string, status: string, en: string, sv: string): void {
  const path = join(dir, CLOUD_DOWN);
  const text = readFileSync(path, 'utf8');
  writeFileSync(
    path,
    text.replace(/\n---\n$/, `\n  - at: "${at}"\n    status: ${status}\n    message: { en: ${JSON.stringify(en)}, sv: ${JSON.stringify(sv)} }\n---\n`),
  );
}

/** The environment of a run: every secret, and "now". */
function env(now: string): Record<string, string> {
  return {
    PHAROS_NOW: now,
    PHAROS_SLACK_URL: `${httpBase}/slack`,
    PHAROS_TEAMS_URL: `${httpBase}/teams`,
    PHAROS_DISCORD_URL: `${httpBase}/discord`,
    PHAROS_WEBHOOK_URL: `${httpBase}/webhook`,
    PHAROS_SLACK_URL_2: `${httpBase}/slack-widget`,
    PHAROS_SLACK_URL_3: `${httpBase}/silent`,
    PHAROS_SMTP_URL: smtpUrl,
  };
}

/** Runs `pharos notify` on the folder with its record beside it; returns the run and what arrived during it. */
async function notify(dir: string, now: string, extra: string[] = [], vars: Record<string, string> = {}): Promise<Run & { got: Received[]; mail: Mail[] }> {
  const [r0, m0] = [requests.length, mails.length];
  // In this process (a process per run cost a second each); the tests of two runs at once and of a
  // run stopped while sending start real processes.
  const run = await runCliHere(['notify', '--state', join(dirname(dir), 'record.json'), ...extra], { ...env(now), ...vars }, dirname(dir));
  return { ...run, got: requests.slice(r0), mail: mails.slice(m0) };
}

/** What Slack shows of a Block Kit message: every text in it. */
function slackWords(body: Record<string, unknown>): string {
  return JSON.stringify(body.blocks);
}

describe('pharos notify', () => {
  let dir: string;
  beforeAll(() => {
    dir = site();
  });

  test('the first run records what is already there and sends nothing', async () => {
    const run = await notify(dir, '2026-11-22T10:00:00Z');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.got).toEqual([]);
    expect(run.mail).toEqual([]);
    expect(run.stdout).toContain('team-slack: first run for this channel; 5 earlier events recorded as already known, not sent\n');
    expect(run.stdout).toContain('widget-maintenance: first run for this channel; 0 earlier events recorded as already known, not sent\n');
    expect(run.stdout).not.toContain('silent');
  });

  test('no change: nothing is sent', async () => {
    const run = await notify(dir, '2026-11-22T10:10:00Z');
    expect(run.status).toBe(0);
    expect(run.got).toEqual([]);
    expect(run.mail).toEqual([]);
    expect(run.stdout).toBe('0 sent.\n');
  });

  test('--dry-run prints what one update would send, and sends and records nothing', async () => {
    addUpdate(dir, '2026-11-22T10:20:00Z', 'monitoring', 'A fix is in place; we are watching sign-ins.', 'En rättning är på plats; vi bevakar inloggningarna.');
    const record = readFileSync(join(dirname(dir), 'record.json'), 'utf8');
    const run = await notify(dir, '2026-11-22T10:30:00Z', ['--dry-run']);
    expect(run.status).toBe(0);
    expect(run.got).toEqual([]);
    expect(run.mail).toEqual([]);
    expect(readFileSync(join(dirname(dir), 'record.json'), 'utf8')).toBe(record);
    expect(run.stdout).toContain(
      'Would send incident.updated (incident/2026-11-22-cloud-down/update/2026-11-22T10:20:00.000Z/monitoring) to team-slack (slack):\n  Update: Cloud sign-in fails\n  Status: Monitoring\n',
    );
    expect(run.stdout).toContain(
      '  Uppdatering: Inloggning misslyckas\n  Status: Bevakas\n  Berörda produkter: Acme Cloud (större avbrott), Acme Widget (delvis avbrott)\n',
    );
    expect(run.stdout.match(/^Would send/gm)).toHaveLength(5);
  });

  test('one update: one message per channel, in its language and format, with the link', async () => {
    const run = await notify(dir, '2026-11-22T10:30:00Z');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.got.map((r) => r.path).sort()).toEqual(['/discord', '/slack', '/teams', '/webhook']);
    const at = (path: string) => run.got.find((r) => r.path === path)!.body;

    const slack = at('/slack');
    expect(slack.text).toBe('Update: Cloud sign-in fails');
    expect(slackWords(slack)).toContain('*Status*\\nMonitoring');
    expect(slackWords(slack)).toContain('Acme Cloud (major outage), Acme Widget (partial outage)');
    expect(slackWords(slack)).toContain('A fix is in place; we are watching sign-ins.');
    expect(slackWords(slack)).toContain('<https://status.acme.test/incidents/2026-11-22-cloud-down/#update-2|Details on the status page>');

    const card = (
      at('/teams').attachments as { content: { body: { text?: string; facts?: { title: string; value: string }[] }[]; actions: { url: string }[] } }[]
    )[0]!.content;
    expect(card.body[0]!.text).toBe('Uppdatering: Inloggning misslyckas');
    expect(card.body[1]!.facts).toContainEqual({ title: 'Status', value: 'Bevakas' });
    expect(card.body[2]!.text).toBe('En rättning är på plats; vi bevakar inloggningarna.');
    expect(card.actions[0]!.url).toBe('https://status.acme.test/sv/incidents/2026-11-22-cloud-down/#update-2');

    const embed = (at('/discord').embeds as Record<string, unknown>[])[0]!;
    expect(embed).toMatchObject({
      title: 'Update: Cloud sign-in fails',
      description: 'A fix is in place; we are watching sign-ins.',
      url: 'https://status.acme.test/incidents/2026-11-22-cloud-down/#update-2',
    });
    expect(at('/discord').allowed_mentions).toEqual({ parse: [] });

    // Statuspage's webhook payload: the incident as the API shows it, so existing receivers work.
    const hook = at('/webhook') as { page: { status_indicator: string }; incident: { name: string; status: string; incident_updates: { body: string }[] } };
    expect(hook.page.status_indicator).toBe('critical');
    expect(hook.incident.name).toBe('Cloud sign-in fails');
    expect(hook.incident.status).toBe('monitoring');
    expect(hook.incident.incident_updates[0]!.body).toBe('A fix is in place; we are watching sign-ins.');
    const valid = statuspageValidator('incident');
    expect(valid(hook.incident), JSON.stringify(valid.errors)).toBe(true);
    const webhook = run.got.find((r) => r.path === '/webhook')!;
    expect(webhook.headers['x-pharos-event']).toBe('incident.updated');
    expect(webhook.headers['idempotency-key']).toMatch(/^[0-9a-f]{32}$/);

    expect(run.mail).toHaveLength(1);
    const mail = run.mail[0]!;
    expect(mail.from).toBe('status@acme.test');
    expect(mail.to).toEqual(['announce@acme.test', 'partners@acme.test']);
    expect(mail.data).toContain('Subject: Update: Cloud sign-in fails');
    expect(mail.data).toContain('Status: Monitoring');
    expect(mail.data).toContain('A fix is in place; we are watching sign-ins.');
    expect(mail.data).toContain('https://status.acme.test/incidents/2026-11-22-cloud-down/#update-2');
  });

  test('the next run sends none of it again', async () => {
    const run = await notify(dir, '2026-11-22T10:45:00Z');
    expect(run.status).toBe(0);
    expect(run.got).toEqual([]);
    expect(run.mail).toEqual([]);
  });

  test('a channel that fails gets the message once it recovers, exactly once; the others are not sent it again', async () => {
    addUpdate(dir, '2026-11-22T11:00:00Z', 'resolved', 'Sign-in works again.', 'Inloggningen fungerar igen.');
    const path = join(dir, CLOUD_DOWN);
    writeFileSync(path, readFileSync(path, 'utf8').replace(/\n---\n$/, '\nresolved: "2026-11-22T11:00:00Z"\n---\n'));
    failing.add('/slack');
    const down = await notify(dir, '2026-11-22T11:05:00Z');
    expect(down.status).toBe(1);
    expect(down.stderr).toBe(
      'Not sent: incident.resolved (incident/2026-11-22-cloud-down/update/2026-11-22T11:00:00.000Z/resolved) to team-slack: HTTP 503; trying again from 2026-11-22T11:10:00.000Z\n',
    );
    expect(down.got.map((r) => r.path).sort()).toEqual(['/discord', '/teams', '/webhook']);
    expect(down.mail).toHaveLength(1);

    // Still down, and before its retry time: not tried.
    const early = await notify(dir, '2026-11-22T11:08:00Z');
    expect(early.status).toBe(0);
    expect(early.got).toEqual([]);

    failing.delete('/slack');
    const back = await notify(dir, '2026-11-22T11:12:00Z');
    expect(back.stderr).toBe('');
    expect(back.status).toBe(0);
    expect(back.got.map((r) => r.path)).toEqual(['/slack']);
    expect(back.got[0]!.body.text).toBe('Resolved: Cloud sign-in fails');
    expect(back.mail).toEqual([]);

    const after = await notify(dir, '2026-11-22T12:00:00Z');
    expect(after.got).toEqual([]);
  });

  test('two runs at the same moment send each message once: the second waits for the first, then finds nothing left', async () => {
    const other = site();
    await notify(other, '2026-11-22T10:00:00Z');
    addUpdate(other, '2026-11-22T10:20:00Z', 'monitoring', 'Watching.', 'Vi bevakar.');
    const [r0, m0] = [requests.length, mails.length];
    const args = ['notify', '--state', join(dirname(other), 'record.json')];
    // The receiver holds its first answer until the second run says it is waiting, so the runs overlap for sure.
    const held = new Promise<void>((resume) => (hold = resume));
    const first = runCliAsync(args, env('2026-11-22T10:30:00Z'), dirname(other));
    await new Promise<void>((arrived) => (onHold = arrived));
    const second = runCliAsync(args, env('2026-11-22T10:30:00Z'), dirname(other), (stderr) => {
      if (stderr.includes('waiting for it to finish')) hold?.();
    });
    await held;
    const runs = await Promise.all([first, second]);
    expect(runs.map((r) => r.status)).toEqual([0, 0]);
    expect(runs[0].stdout).toMatch(/\n5 sent\.\n$/);
    expect(runs[1].stderr).toBe('Another pharos notify is delivering with this record; waiting for it to finish.\n');
    expect(runs[1].stdout).toBe('0 sent.\n');
    expect(
      requests
        .slice(r0)
        .map((r) => r.path)
        .sort(),
    ).toEqual(['/discord', '/slack', '/teams', '/webhook']);
    expect(mails.slice(m0)).toHaveLength(1);
  });

  test("a window's start is announced by the clock, to the channels that want it", async () => {
    const run = await notify(dir, '2026-11-25T21:05:00Z');
    expect(run.status).toBe(0);
    expect(run.got.map((r) => r.path).sort()).toEqual(['/discord', '/slack', '/slack-widget', '/teams', '/webhook']);
    const widget = run.got.find((r) => r.path === '/slack-widget')!.body;
    expect(widget.text).toBe('Maintenance has begun: Database upgrade');
    expect(slackWords(widget)).toContain('The scheduled maintenance has begun.');
    const card = JSON.stringify(run.got.find((r) => r.path === '/teams')!.body);
    expect(card).toContain('Underhållet har börjat: Databasuppgradering');
    expect(card).toContain('Det planerade underhållet har börjat.');
  });

  test('secrets appear in no output and not in the record', async () => {
    const record = readFileSync(join(dirname(dir), 'record.json'), 'utf8');
    expect(record).not.toContain('127.0.0.1');
    const run = await notify(dir, '2026-11-26T10:00:00Z', [], { PHAROS_WEBHOOK_URL: 'not a url with a password hunter2' });
    expect(run.stdout + run.stderr).not.toContain('127.0.0.1');
    expect(run.stdout + run.stderr).not.toContain('hunter2');
    expect(run.stderr).toContain('to monitor-webhook: the environment variable PHAROS_WEBHOOK_URL does not hold an http or https address');
  });

  test('a channel switched on later does not replay what passed while it was off; it gets what comes next', async () => {
    writeFileSync(join(dir, 'notify.yaml'), NOTIFY_YAML.replace(', enabled: false', ''));
    const on = await notify(dir, '2026-11-26T11:00:00Z');
    expect(on.got.filter((r) => r.path === '/silent')).toEqual([]);
    writeFileSync(
      join(dir, 'incidents/2026-11-26-widget-errors.md'),
      `---
title: Widget errors
severity: minor
scope: own
affects:
  - { product: widget, impact: degraded_performance }
started: "2026-11-26T11:20:00Z"
updates:
  - { at: "2026-11-26T11:30:00Z", status: investigating, message: Some reports show errors. }
---
`,
    );
    const next = await notify(dir, '2026-11-26T12:00:00Z');
    expect(next.got.filter((r) => r.path === '/silent').map((r) => r.body.text)).toEqual(['New incident: Widget errors']);
  });

  test('a missing secret is a failed delivery, sent once the secret is there', async () => {
    const other = site();
    await notify(other, '2026-11-22T10:00:00Z');
    addUpdate(other, '2026-11-22T10:20:00Z', 'monitoring', 'Watching.', 'Vi bevakar.');
    const missing = await notify(other, '2026-11-22T10:30:00Z', [], { PHAROS_DISCORD_URL: '' });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain(
      'to community-discord: the environment variable PHAROS_DISCORD_URL is not set; trying again from 2026-11-22T10:35:00.000Z',
    );
    const later = await notify(other, '2026-11-22T10:40:00Z');
    expect(later.got.map((r) => r.path)).toEqual(['/discord']);
  });

  test('a receiver that takes the message and closes without an answer may have got it: it is not sent again', async () => {
    const other = site();
    await notify(other, '2026-11-22T10:00:00Z');
    addUpdate(other, '2026-11-22T10:20:00Z', 'monitoring', 'Watching.', 'Vi bevakar.');
    dropping.add('/teams');
    try {
      const run = await notify(other, '2026-11-22T10:30:00Z');
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(
        /^Not sent: incident\.updated \(incident\/2026-11-22-cloud-down\/update\/2026-11-22T10:20:00\.000Z\/monitoring\) to team-teams: no answer \(\w+\); it may have arrived, so it is not sent again\n$/,
      );
    } finally {
      dropping.delete('/teams');
    }
    const later = await notify(other, '2026-11-22T12:00:00Z');
    expect(later.got).toEqual([]);
    expect(later.status).toBe(0);
  });

  test.each([502, 504])('a gateway that answers %i may have passed the message on: it arrives once', async (status) => {
    const other = site();
    await notify(other, '2026-11-22T10:00:00Z');
    addUpdate(other, '2026-11-22T10:20:00Z', 'monitoring', 'Watching.', 'Vi bevakar.');
    answering.set('/discord', status);
    try {
      const run = await notify(other, '2026-11-22T10:30:00Z');
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(`to community-discord: HTTP ${status}; it may have arrived, so it is not sent again\n`);
      expect(run.got.filter((r) => r.path === '/discord')).toHaveLength(1);
    } finally {
      answering.delete('/discord');
    }
    const later = await notify(other, '2026-11-22T12:00:00Z');
    expect(later.got).toEqual([]);
  });

  test('an address that holds a token, or a password, stays out of the output and the record when the connection fails', async () => {
    const other = site();
    await notify(other, '2026-11-22T10:00:00Z');
    addUpdate(other, '2026-11-22T10:20:00Z', 'monitoring', 'Watching.', 'Vi bevakar.');
    // A port nobody listens on: the connection is refused.
    const gone = createServer();
    await new Promise<void>((done) => gone.listen(0, '127.0.0.1', done));
    const port = (gone.address() as AddressInfo).port;
    await new Promise((done) => gone.close(done));
    const run = await notify(other, '2026-11-22T10:30:00Z', [], {
      PHAROS_WEBHOOK_URL: `http://127.0.0.1:${port}/hooks/T0KEN-s3cr3t-path`,
      PHAROS_DISCORD_URL: 'http://s3cr3t-host-token.invalid/api/webhooks/1',
      PHAROS_SMTP_URL: `smtp://status:hunter2-s3cr3t@127.0.0.1:${port}`,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('to monitor-webhook: could not connect (ECONNREFUSED); trying again');
    expect(run.stderr).toMatch(/to community-discord: could not connect \((ENOTFOUND|EAI_AGAIN)\); trying again/);
    expect(run.stderr).toContain('to announce-mail: could not connect to the SMTP server (ECONNREFUSED); trying again');
    const record = readFileSync(join(dirname(other), 'record.json'), 'utf8');
    for (const text of [run.stdout, run.stderr, record]) {
      expect(text).not.toContain('s3cr3t');
      expect(text).not.toContain(String(port));
    }
  });

  test('a run stopped while sending leaves the message uncertain, never sent twice', async () => {
    const other = site();
    await notify(other, '2026-11-22T10:00:00Z');
    addUpdate(other, '2026-11-22T10:20:00Z', 'monitoring', 'Watching.', 'Vi bevakar.');
    const path = join(dirname(other), 'record.json');
    const record = JSON.parse(readFileSync(path, 'utf8')) as { channels: Record<string, Record<string, unknown>> };
    record.channels['team-slack']!['incident/2026-11-22-cloud-down/update/2026-11-22T10:20:00.000Z/monitoring'] = {
      state: 'sending',
      at: '2026-11-22T10:20:00Z',
      attempts: 1,
    };
    writeFileSync(path, JSON.stringify(record));
    const run = await notify(other, '2026-11-22T10:30:00Z');
    expect(run.stderr).toBe(
      'team-slack: incident.updated incident/2026-11-22-cloud-down/update/2026-11-22T10:20:00.000Z/monitoring may not have arrived (a run stopped while sending it); not sent again\n',
    );
    expect(run.got.map((r) => r.path).sort()).toEqual(['/discord', '/teams', '/webhook']);
  });

  test('an update deleted and written again is announced; one written in earlier is announced alone, the later ones not again', async () => {
    const other = site();
    await notify(other, '2026-11-22T10:00:00Z');
    addUpdate(other, '2026-11-22T10:20:00Z', 'monitoring', 'A fix is in place.', 'En rättning är på plats.');
    expect((await notify(other, '2026-11-22T10:30:00Z')).got).toHaveLength(4);
    // It was wrong: deleted, and the right one written in its place.
    const path = join(other, CLOUD_DOWN);
    writeFileSync(path, readFileSync(path, 'utf8').replace(/\n {2}- at: "2026-11-22T10:20:00Z"\n[\s\S]*\n---\n$/, '\n---\n'));
    addUpdate(other, '2026-11-22T10:40:00Z', 'identified', 'The fix did not hold; we are rolling it back.', 'Rättningen höll inte; vi backar den.');
    const fixed = await notify(other, '2026-11-22T10:45:00Z');
    expect(fixed.got.map((r) => r.path).sort()).toEqual(['/discord', '/slack', '/teams', '/webhook']);
    expect(slackWords(fixed.got.find((r) => r.path === '/slack')!.body)).toContain('The fix did not hold; we are rolling it back.');
    expect(fixed.mail).toHaveLength(1);
    // An update written in after the fact, before the last one.
    writeFileSync(
      path,
      readFileSync(path, 'utf8').replace(
        '\n  - at: "2026-11-22T10:40:00Z"',
        '\n  - at: "2026-11-22T09:30:00Z"\n    status: identified\n    message: { en: "The cause is a certificate.", sv: "Orsaken är ett certifikat." }\n  - at: "2026-11-22T10:40:00Z"',
      ),
    );
    const backdated = await notify(other, '2026-11-22T10:50:00Z');
    expect(backdated.got.filter((r) => r.path === '/slack').map((r) => slackWords(r.body).includes('The cause is a certificate.'))).toEqual([true]);
    expect(backdated.mail).toHaveLength(1);
    expect(backdated.mail[0]!.data).not.toContain('The fix did not hold');
  });

  test("widening a channel's events or products does not replay the past; it takes in what comes next", async () => {
    const other = site();
    await notify(other, '2026-11-22T10:00:00Z');
    writeFileSync(
      join(other, 'notify.yaml'),
      NOTIFY_YAML.replace(
        'products: [widget], events: [maintenance.started]',
        'products: [widget, cloud], events: [maintenance.started, incident.opened, incident.updated]',
      ),
    );
    const wider = await notify(other, '2026-11-22T10:10:00Z');
    expect(wider.got).toEqual([]);
    expect(wider.stdout).toContain('widget-maintenance: its events or products now take in 2 earlier events; recorded as already known, not sent\n');
    addUpdate(other, '2026-11-22T10:20:00Z', 'monitoring', 'Watching.', 'Vi bevakar.');
    const next = await notify(other, '2026-11-22T10:30:00Z');
    expect(next.got.filter((r) => r.path === '/slack-widget').map((r) => r.body.text)).toEqual(['Update: Cloud sign-in fails']);
  });

  test('a delivery record written before updates were keyed by time (by position) is carried over: nothing is sent again', async () => {
    const other = site();
    await notify(other, '2026-11-22T10:00:00Z');
    addUpdate(other, '2026-11-22T10:20:00Z', 'monitoring', 'Watching.', 'Vi bevakar.');
    await notify(other, '2026-11-22T10:30:00Z');
    const path = join(dirname(other), 'record.json');
    const positions: Record<string, string> = {
      'incident/2026-11-21-widget-slow/update/2026-11-21T07:10:00.000Z/investigating': 'incident/2026-11-21-widget-slow/update/0',
      'incident/2026-11-21-widget-slow/update/2026-11-21T08:30:00.000Z/resolved': 'incident/2026-11-21-widget-slow/update/1',
      'incident/2026-11-22-cloud-down/update/2026-11-22T09:05:00.000Z/identified': 'incident/2026-11-22-cloud-down/update/0',
      'incident/2026-11-22-cloud-down/update/2026-11-22T10:20:00.000Z/monitoring': 'incident/2026-11-22-cloud-down/update/1',
    };
    const record = JSON.parse(readFileSync(path, 'utf8')) as { channels: Record<string, Record<string, unknown>> };
    const old = {
      version: 1,
      channels: Object.fromEntries(
        Object.entries(record.channels).map(([id, entries]) => [id, Object.fromEntries(Object.entries(entries).map(([k, v]) => [positions[k] ?? k, v]))]),
      ),
    };
    expect(JSON.stringify(old)).toContain('cloud-down/update/1"');
    writeFileSync(path, JSON.stringify(old));
    const run = await notify(other, '2026-11-22T10:45:00Z');
    expect(run.stderr).toBe('');
    expect(run.got).toEqual([]);
    expect(run.mail).toEqual([]);
    expect(readFileSync(path, 'utf8')).not.toContain('cloud-down/update/1"');
  });
});

describe('component events: a product changing status, to webhooks in Statuspage component_update payloads', () => {
  const YAML = `channels:
  - { id: hook, type: webhook, secret: PHAROS_WEBHOOK_URL }
  - { id: hook-components, type: webhook, secret: PHAROS_HOOK_COMPONENTS, events: [component.updated] }
  - { id: hook-widget, type: webhook, secret: PHAROS_HOOK_WIDGET, products: [widget] }
  - { id: chat, type: slack, secret: PHAROS_CHAT_URL }
`;
  const INCIDENT = 'incidents/2026-11-22-cloud-gone.md';
  let dir: string;
  // The receiver's address is known once it listens.
  const run = (now: string) =>
    notify(dir, now, [], {
      PHAROS_CHAT_URL: `${httpBase}/chat`,
      PHAROS_HOOK_COMPONENTS: `${httpBase}/hook-components`,
      PHAROS_HOOK_WIDGET: `${httpBase}/hook-widget`,
      PHAROS_HOOK_LATE: `${httpBase}/hook-late`,
    });
  /** The component_update requests a run delivered. */
  const componentBodies = (got: Received[]) => got.filter((r) => r.headers['x-pharos-event'] === 'component.updated');

  beforeAll(() => {
    dir = join(tempDir('notify-components'), 'content');
    cpSync(MINIMAL, dir, { recursive: true });
    // No open incident: every product starts operational.
    rmSync(join(dir, CLOUD_DOWN));
    writeFileSync(join(dir, 'notify.yaml'), YAML);
  });

  test('operational to major outage: one component_update with the old and new status, in Statuspage shape, on webhooks only', async () => {
    expect((await run('2026-11-22T10:00:00Z')).got).toEqual([]);
    writeFileSync(
      join(dir, INCIDENT),
      `---\ntitle: { en: Cloud is gone, sv: Molnet är borta }\nseverity: critical\nscope: own\naffects:\n  - { product: cloud, impact: major_outage }\nstarted: "2026-11-22T10:05:00Z"\nupdates:\n  - at: "2026-11-22T10:05:00Z"\n    status: investigating\n    message: { en: Nothing answers., sv: Inget svarar. }\n---\n`,
    );
    const r = await run('2026-11-22T10:10:00Z');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const components = componentBodies(r.got);
    // The catch-all webhook and the component-only one; not the widget-only one, not Slack.
    expect(components.map((c) => c.path).sort()).toEqual(['/hook-components', '/webhook']);
    // The incident still goes to the channels that take it; the component-only channel gets no incident.
    expect(
      r.got
        .filter((g) => g.headers['x-pharos-event'] === 'incident.opened')
        .map((g) => g.path)
        .sort(),
    ).toEqual(['/chat', '/webhook']);
    expect(r.got.filter((g) => g.path === '/hook-widget')).toEqual([]);
    const body = components.find((c) => c.path === '/webhook')!.body as {
      meta: Record<string, unknown>;
      page: Record<string, unknown>;
      component_update: Record<string, unknown>;
      component: Record<string, unknown>;
    };
    expect(Object.keys(body)).toEqual(['meta', 'page', 'component_update', 'component']);
    expect(Object.keys(body.meta)).toEqual(['unsubscribe', 'documentation']);
    expect(Object.keys(body.page)).toEqual(['id', 'status_indicator', 'status_description']);
    expect(body.page.status_indicator).toBe('critical');
    expect(body.component_update).toEqual({
      created_at: '2026-11-22T10:05:00.000Z',
      new_status: 'major_outage',
      old_status: 'operational',
      id: expect.stringMatching(/^[0-9a-z]{12}$/),
      component_id: body.component.id,
    });
    expect(body.component).toEqual({ created_at: expect.any(String), id: expect.stringMatching(/^[0-9a-z]{12}$/), name: 'Acme Cloud', status: 'major_outage' });
    const record = readFileSync(join(dirname(dir), 'record.json'), 'utf8');
    expect(record).toContain('"component/cloud/2026-11-22T10:05:00.000Z/major_outage"');
  });

  test('running again sends nothing', async () => {
    const r = await run('2026-11-22T10:20:00Z');
    expect(r.got).toEqual([]);
    expect(r.stdout).toBe('0 sent.\n');
  });

  test("an update that lowers the product's impact: one component_update at the update's time", async () => {
    const path = join(dir, INCIDENT);
    writeFileSync(
      path,
      readFileSync(path, 'utf8').replace(
        /\n---\n$/,
        `\n  - at: "2026-11-22T10:25:00Z"\n    status: monitoring\n    affects: [{ product: cloud, impact: degraded_performance }]\n    message: Slow but up.\n---\n`,
      ),
    );
    const r = await run('2026-11-22T10:26:00Z');
    expect(r.stderr).toBe('');
    const components = componentBodies(r.got);
    expect(components.map((c) => c.path).sort()).toEqual(['/hook-components', '/webhook']);
    for (const c of components)
      expect((c.body as { component_update: Record<string, unknown> }).component_update).toMatchObject({
        created_at: '2026-11-22T10:25:00.000Z',
        old_status: 'major_outage',
        new_status: 'degraded_performance',
      });
  });

  test('a new channel starts from now: it gets the next change, not the earlier one', async () => {
    writeFileSync(join(dir, 'notify.yaml'), `${YAML}  - { id: hook-late, type: webhook, secret: PHAROS_HOOK_LATE }\n`);
    const first = await run('2026-11-22T10:30:00Z');
    expect(first.got).toEqual([]);
    expect(first.stdout).toMatch(/^hook-late: first run for this channel; \d+ earlier events recorded as already known, not sent\n/m);
    const path = join(dir, INCIDENT);
    writeFileSync(
      path,
      readFileSync(path, 'utf8').replace(
        /\n---\n$/,
        `\n  - at: "2026-11-22T10:40:00Z"\n    status: resolved\n    message: Back.\nresolved: "2026-11-22T10:40:00Z"\n---\n`,
      ),
    );
    const r = await run('2026-11-22T10:45:00Z');
    const components = componentBodies(r.got);
    expect(components.map((c) => c.path).sort()).toEqual(['/hook-components', '/hook-late', '/webhook']);
    for (const c of components)
      expect((c.body as { component_update: Record<string, unknown> }).component_update).toMatchObject({
        created_at: '2026-11-22T10:40:00.000Z',
        old_status: 'degraded_performance',
        new_status: 'operational',
      });
  });
});

describe("the build's now: notify announces what the deployed site shows", () => {
  let dir: string;
  /** A built site folder holding only the build.json a build writes. */
  const built = (now: string) => {
    const out = tempDir('notify-built');
    writeFileSync(join(out, 'build.json'), `${JSON.stringify({ now })}\n`);
    return out;
  };
  beforeAll(() => {
    dir = site();
  });

  test('a window that begins after the build is not announced until a build shows it; PHAROS_NOW still overrides', async () => {
    expect((await notify(dir, '2026-11-25T20:50:00Z')).got).toEqual([]);
    // The build ran at 20:55, before the window's start (21:00): its page says "scheduled", so nothing goes out.
    const before = await notify(dir, '', ['--built', built('2026-11-25T20:55:00Z')]);
    expect(before.stderr).toBe('');
    expect(before.got).toEqual([]);
    expect(before.stdout).toBe('0 sent.\n');
    // The next build, at 21:05, shows it in progress: now it is announced.
    const after = await notify(dir, '', ['--built', built('2026-11-25T21:05:00Z')]);
    expect(after.stderr).toBe('');
    expect(after.got.filter((r) => r.headers['x-pharos-event'] === 'maintenance.started').map((r) => r.path)).toContain('/slack-widget');
    // PHAROS_NOW wins over the build's: at 21:10 the window (until 00:00) has not ended, whatever build.json says.
    const pinned = await notify(dir, '2026-11-25T21:10:00Z', ['--built', built('2026-11-26T06:00:00Z')]);
    expect(pinned.got).toEqual([]);
  });

  test('a folder without build.json is refused, and nothing is sent', async () => {
    const run = await notify(dir, '', ['--built', tempDir('notify-not-built')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/cannot read the build's "now" from .*build\.json \(it is missing: is this the built site\?\); nothing was sent/);
    expect(run.got).toEqual([]);
  });

  test('the build leaves the now it resolved in build.json', () => {
    const build = sharedBuild(MINIMAL);
    expect(build.status).toBe(0);
    expect(JSON.parse(readFileSync(join(build.outDir, 'build.json'), 'utf8'))).toEqual({ now: '2026-11-22T10:00:00.000Z' });
  }, 600_000);
});

test('pharos check warns, at its line, about a channel whose secret the shipped workflow does not pass', async () => {
  const dir = site();
  const run = await runCliHere(['check'], { PHAROS_NOW: '2026-11-22T10:00:00Z' }, dirname(dir));
  expect(run.status).toBe(0);
  const lines = run.stderr.split('\n').filter((l) => l.includes('notify.yaml'));
  expect(lines).toEqual([
    'content/notify.yaml:15 warning: channel "widget-maintenance": the publishing workflow (.github/workflows/deploy.yml) does not pass PHAROS_SLACK_URL_2 to pharos notify, so there it is never sent anything; it passes PHAROS_SLACK_URL, PHAROS_TEAMS_URL, PHAROS_DISCORD_URL, PHAROS_WEBHOOK_URL, PHAROS_SMTP_URL: use one of them, or add PHAROS_SLACK_URL_2 to the env of its notify step',
    expect.stringMatching(/^content\/notify\.yaml:16 warning: channel "silent": .* does not pass PHAROS_SLACK_URL_3 /),
  ]);
  expect((await runCliHere(['check', '--strict'], { PHAROS_NOW: '2026-11-22T10:00:00Z' }, dirname(dir))).status).toBe(1);
});

test('without notify.yaml, notify says so and sends nothing', async () => {
  const dir = join(tempDir('notify'), 'content');
  cpSync(MINIMAL, dir, { recursive: true });
  const run = await runCliHere(['notify'], { PHAROS_NOW: '2026-11-22T10:00:00Z' }, dirname(dir));
  expect(run.stdout).toBe('No channels in content/notify.yaml; nothing to send.\n');
  expect(run.status).toBe(0);
});
