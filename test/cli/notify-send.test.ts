/**
 * Delivery at its edges: mail servers that take a mail and vanish, stall or never greet (a small
 * SMTP server of our own, on 127.0.0.1, that can misbehave on purpose), and the lock two runs share.
 * A message that may have arrived is never sent again; one that cannot have arrived is retried; a
 * slow run keeps its lock, and a run removes only its own.
 */
import { cpSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { HEARTBEAT_MS, lock } from '../../scripts/cli/notify/record.ts';
import { MAIL_LIMITS, sendMail } from '../../scripts/cli/notify/send.ts';
import type { Channel } from '../../src/schemas/notify.ts';
import { MINIMAL, runCliAsync, tempDir } from '../helpers/fixtures.ts';

/** How the server behaves once a mail's data has arrived: drop the connection, or say nothing more. */
type After = 'drop' | 'stall';

/** An SMTP server that greets (unless `silent`), takes a mail, then misbehaves; counts the mails it got whole. */
async function smtpServer(mode: After | 'silent'): Promise<{ url: string; mails: () => number; server: Server }> {
  let mails = 0;
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    if (mode === 'silent') return;
    let buffer = '';
    let data = false;
    const say = (line: string) => socket.write(`${line}\r\n`);
    say('220 test ESMTP');
    socket.setEncoding('utf8').on('data', (chunk: string) => {
      buffer += chunk;
      for (;;) {
        if (data) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          buffer = buffer.slice(end + 5);
          data = false;
          mails++;
          if (mode === 'drop') socket.destroy();
          return;
        }
        const eol = buffer.indexOf('\r\n');
        if (eol < 0) return;
        const command = buffer.slice(0, eol).toUpperCase();
        buffer = buffer.slice(eol + 2);
        if (command.startsWith('DATA')) {
          data = true;
          say('354 go on');
        } else if (command.startsWith('QUIT')) {
          say('221 bye');
          socket.end();
        } else say('250 OK');
      }
    });
  });
  server.on('close', () => sockets.forEach((s) => s.destroy()));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const close = server.close.bind(server);
  server.close = (cb) => {
    sockets.forEach((s) => s.destroy());
    return close(cb);
  };
  return { url: `smtp://127.0.0.1:${(server.address() as AddressInfo).port}`, mails: () => mails, server };
}

const servers: Server[] = [];
const limits = { ...MAIL_LIMITS };
beforeAll(() => {
  // Short limits, so a server that never answers ends the test quickly; nothing here measures time.
  Object.assign(MAIL_LIMITS, { connectionTimeout: 1000, greetingTimeout: 1000, socketTimeout: 1000 });
});
afterAll(async () => {
  Object.assign(MAIL_LIMITS, limits);
  await Promise.all(servers.map((s) => new Promise((done) => s.close(done))));
});

const CHANNEL: Channel = { id: 'mail', type: 'email', secret: 'PHAROS_SMTP_URL', enabled: true, from: 'status@acme.test', to: ['announce@acme.test'] };
const MAIL = { subject: 'Update: Cloud sign-in fails', text: 'Watching.', lang: 'en', id: 'abc' };

describe('mail', () => {
  test('a server that takes the mail and drops the connection may have delivered it: not retried', async () => {
    const smtp = await smtpServer('drop');
    servers.push(smtp.server);
    const outcome = await sendMail(smtp.url, CHANNEL, MAIL);
    expect(outcome).toMatchObject({ ok: false, retry: false });
    expect(smtp.mails()).toBe(1);
  });

  test('a server that takes the mail and then says nothing is given up on, not retried', async () => {
    const smtp = await smtpServer('stall');
    servers.push(smtp.server);
    expect(await sendMail(smtp.url, CHANNEL, MAIL)).toMatchObject({ ok: false, retry: false });
    expect(smtp.mails()).toBe(1);
  });

  test('a server that never greets, or no server at all: the mail never left, so it is retried', async () => {
    const smtp = await smtpServer('silent');
    servers.push(smtp.server);
    expect(await sendMail(smtp.url, CHANNEL, MAIL)).toMatchObject({ ok: false, retry: true, reason: expect.stringMatching(/^could not connect/) });
    const closed = await smtpServer('silent');
    await new Promise((done) => closed.server.close(done));
    expect(await sendMail(closed.url, CHANNEL, MAIL)).toMatchObject({ ok: false, retry: true, reason: 'could not connect to the SMTP server (ECONNREFUSED)' });
  });

  test('across runs, a mail whose server dropped the connection after taking it arrives once', async () => {
    const smtp = await smtpServer('drop');
    servers.push(smtp.server);
    const dir = join(tempDir('notify-send'), 'content');
    cpSync(MINIMAL, dir, { recursive: true });
    writeFileSync(
      join(dir, 'notify.yaml'),
      'channels:\n  - { id: mail, type: email, secret: PHAROS_SMTP_URL, from: status@acme.test, to: [announce@acme.test] }\n',
    );
    const run = (now: string) =>
      runCliAsync(['notify', '--state', join(dirname(dir), 'record.json')], { PHAROS_NOW: now, PHAROS_SMTP_URL: smtp.url }, dirname(dir));
    await run('2026-11-22T10:00:00Z');
    const path = join(dir, 'incidents/2026-11-22-cloud-down.md');
    writeFileSync(
      path,
      readFileSync(path, 'utf8').replace(
        /\n---\n$/,
        '\n  - at: "2026-11-22T10:20:00Z"\n    status: monitoring\n    message: { en: Watching., sv: Vi bevakar. }\n---\n',
      ),
    );
    const first = await run('2026-11-22T10:30:00Z');
    expect(first.stderr).toMatch(/to mail: no answer from the SMTP server \(\w+\); it may have arrived, so it is not sent again\n$/);
    expect(first.stderr).not.toContain('127.0.0.1');
    await run('2026-11-22T11:30:00Z');
    expect(smtp.mails()).toBe(1);
  });
});

describe('the lock two runs share', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  test('a slow run keeps its lock fresh: another run does not take it over as abandoned', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    const path = join(tempDir('notify-lock'), 'record.json');
    const first = (await lock(path, 0, () => undefined))!;
    // Twenty minutes pass during one slow delivery.
    for (let i = 0; i < 20; i++) vi.advanceTimersByTime(HEARTBEAT_MS);
    expect(await lock(path, 0, () => undefined)).toBeUndefined();
    expect(first.held()).toBe(true);
    first.release();
  });

  test('a run that lost its lock to another does not remove the other run’s lock', async () => {
    const path = join(tempDir('notify-lock'), 'record.json');
    const first = (await lock(path, 0, () => undefined))!;
    // The first run looked dead (its lock untouched for an hour); a second run took the lock over.
    const hourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(`${path}.lock`, hourAgo, hourAgo);
    const second = await lock(path, 5000, () => undefined);
    if (second === undefined) throw new Error('the second run did not take over the abandoned lock');
    expect(first.held()).toBe(false);
    first.release();
    expect(second.held()).toBe(true);
    expect(await lock(path, 0, () => undefined)).toBeUndefined();
    second.release();
    expect(await lock(path, 0, () => undefined)).toBeDefined();
  });
});
