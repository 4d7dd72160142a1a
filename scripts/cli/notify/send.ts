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

/** Connection errors that happen before a byte of the message left: it cannot have arrived. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNECTION', 'EDNS', 'EAUTH', 'EENVELOPE', 'ETLS']);

/** The error code of a fetch or nodemailer error, looking through `cause`. */
function codeOf(err: unknown): string | undefined {
  for (let e = err; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

/** POSTs JSON; a 2xx answer is delivered, 408, 429 and 5xx are worth a retry, another 4xx too (the address may be fixed). */
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
    const code = codeOf(err);
    if (code !== undefined && NOT_SENT.has(code)) return { ok: false, retry: true, reason: `could not connect (${code})` };
    return {
      ok: false,
      retry: false,
      reason: `no answer (${code ?? (err instanceof Error ? err.name : 'error')}); it may have arrived, so it is not sent again`,
    };
  }
  await res.arrayBuffer().catch(() => undefined);
  if (res.ok) return { ok: true };
  return { ok: false, retry: true, reason: `HTTP ${res.status}` };
}

/** Sends a plain-text mail through the SMTP server at `smtpUrl`. */
export async function sendMail(smtpUrl: string, ch: Channel, mail: { subject: string; text: string; lang: string; id: string }): Promise<Outcome> {
  let transport: ReturnType<typeof createTransport>;
  try {
    transport = createTransport(smtpUrl);
  } catch {
    return { ok: false, retry: true, reason: 'the SMTP address in the environment variable is not a valid smtp:// or smtps:// address' };
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
    const code = codeOf(err);
    const answer = (err as { responseCode?: unknown }).responseCode;
    // A refusal from the server (4xx, 5xx) means it did not take the mail.
    if (typeof answer === 'number') return { ok: false, retry: true, reason: `the SMTP server answered ${answer}` };
    if (code !== undefined && NOT_SENT.has(code)) return { ok: false, retry: true, reason: `could not connect to the SMTP server (${code})` };
    return { ok: false, retry: false, reason: `no answer from the SMTP server (${code ?? 'error'}); it may have arrived, so it is not sent again` };
  } finally {
    transport.close();
  }
}
