/**
 * Delivering one message to one channel: an HTTP POST of JSON (Slack, Teams, Discord, webhooks)
 * or a mail through SMTP (nodemailer). The outcome says whether it arrived, failed for sure
 * (retry later), or may have arrived (never retried: a second copy is worse than none). Messages
 * never carry the secret: errors name the channel, never its address.
 */
import { createTransport } from 'nodemailer';
import type { Channel } from '../../../src/schemas/notify.ts';

/** How a delivery went. */
export type Outcome = { ok: true } | { ok: false; retry: boolean; reason: string };

/** The receiver has this long to answer. */
const TIMEOUT_MS = 15_000;

/**
 * How long an SMTP server has to connect, greet and answer each step (nodemailer's defaults, up
 * to 10 minutes of silence, would outlast the lock a run holds). Changeable for tests only.
 */
export const MAIL_LIMITS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 };

/** Errors that happen before a byte of the message left (no connection, no address): it cannot have arrived. */
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EDNS', 'UND_ERR_CONNECT_TIMEOUT']);
/** Besides those, SMTP errors raised before the mail's data is sent: a refused login or TLS, an envelope refused. */
const MAIL_NOT_SENT = new Set([...NOT_CONNECTED, 'EAUTH', 'ETLS', 'EENVELOPE']);
/** Gateway answers a proxy gives when the receiver behind it may have taken the message and not answered in time. */
const MAYBE_ARRIVED = new Set([502, 504]);

/** The error codes of a fetch or nodemailer error, looking through `cause` (nodemailer keeps the system's as `originalCode`). */
function codesOf(err: unknown): string[] {
  const codes: string[] = [];
  for (let e = err; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause)
    for (const code of [(e as { code?: unknown }).code, (e as { originalCode?: unknown }).originalCode]) if (typeof code === 'string') codes.push(code);
  return codes;
}

/** POSTs JSON; a 2xx answer is delivered, 408, 429 and 5xx are worth a retry (502 and 504 are not: it may have arrived), another 4xx too (the address may be fixed). */
export async function postJson(url: string, body: unknown, headers: Record<string, string>): Promise<Outcome> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
      redirect: 'error',
    });
  } catch (err) {
    const codes = codesOf(err);
    const refused = codes.find((c) => NOT_CONNECTED.has(c));
    if (refused !== undefined) return { ok: false, retry: true, reason: `could not connect (${refused})` };
    return {
      ok: false,
      retry: false,
      reason: `no answer (${codes[0] ?? (err instanceof Error ? err.name : 'error')}); it may have arrived, so it is not sent again`,
    };
  }
  await res.arrayBuffer().catch(() => undefined);
  if (res.ok) return { ok: true };
  if (MAYBE_ARRIVED.has(res.status)) return { ok: false, retry: false, reason: `HTTP ${res.status}; it may have arrived, so it is not sent again` };
  return { ok: false, retry: true, reason: `HTTP ${res.status}` };
}

/**
 * Sends a plain-text mail through the SMTP server at `smtpUrl`. It first connects and logs in on
 * its own (nodemailer's verify): a failure there proves the mail did not leave. Once the mail is
 * on its way, only a refusal from the server (an SMTP answer) or no connection at all proves it;
 * a connection lost or silent is "may have arrived".
 */
export async function sendMail(smtpUrl: string, ch: Channel, mail: { subject: string; text: string; lang: string; id: string }): Promise<Outcome> {
  let transport: ReturnType<typeof createTransport>;
  try {
    transport = createTransport({ url: smtpUrl, ...MAIL_LIMITS });
  } catch {
    return { ok: false, retry: true, reason: 'the SMTP address in the environment variable is not a valid smtp:// or smtps:// address' };
  }
  try {
    await transport.verify();
  } catch (err) {
    transport.close();
    const answer = (err as { responseCode?: unknown }).responseCode;
    const why = typeof answer === 'number' ? `it answered ${answer}` : (codesOf(err).at(-1) ?? 'error');
    return { ok: false, retry: true, reason: `could not connect to the SMTP server (${why})` };
  }
  try {
    await transport.sendMail({
      from: ch.from!,
      to: ch.to!,
      subject: mail.subject,
      text: mail.text,
      messageId: `<${mail.id}@pharos.invalid>`,
      headers: { 'Auto-Submitted': 'auto-generated', 'Content-Language': mail.lang },
    });
    return { ok: true };
  } catch (err) {
    const codes = codesOf(err);
    const answer = (err as { responseCode?: unknown }).responseCode;
    // A refusal from the server (4xx, 5xx) means it did not take the mail.
    if (typeof answer === 'number') return { ok: false, retry: true, reason: `the SMTP server answered ${answer}` };
    const refused = codes.find((c) => MAIL_NOT_SENT.has(c));
    if (refused !== undefined) return { ok: false, retry: true, reason: `could not connect to the SMTP server (${refused})` };
    return { ok: false, retry: false, reason: `no answer from the SMTP server (${codes[0] ?? 'error'}); it may have arrived, so it is not sent again` };
  } finally {
    transport.close();
  }
}
