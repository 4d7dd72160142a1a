/**
 * The delivery record: per channel, per event key, what became of it. A JSON file the workflow
 * keeps between runs (actions/cache), written whole by rename after every change, so a run killed
 * at any moment leaves the last good version. A lock file beside it lets one run at a time deliver;
 * another run waits for it and then reads what it recorded.
 */
import { randomUUID } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** What became of one event on one channel. */
export interface Entry {
  /**
   * sent: delivered. baseline: already there when the channel was first seen, never sent.
   * failed: not delivered; tried again from `next`. sending: a run began delivering and did not
   * record how it went (killed): it may have arrived, so it is never sent again. uncertain: no
   * answer, it may have arrived; never sent again. abandoned: failed MAX_ATTEMPTS times.
   */
  state: 'sent' | 'baseline' | 'failed' | 'sending' | 'uncertain' | 'abandoned';
  /** The event's time (the record forgets events once they are too old to announce). */
  at: string;
  /** Delivery attempts so far. */
  attempts: number;
  /** failed: not before this time. */
  next?: string;
  /** The last failure, in words without secrets. */
  reason?: string;
}

/** The whole record. */
export interface DeliveryRecord {
  /** 2: updates keyed by time and status; 1 (read, then carried over): by position. */
  version: 1 | 2;
  /** Channel id to event key to entry. */
  channels: Record<string, Record<string, Entry>>;
  /** Channel id to the event kinds and products it took in the last run (widened, it does not replay the past). */
  filters?: Record<string, { events?: string[] | undefined; products?: string[] | undefined; components?: boolean | undefined }>;
  /** "Now" of the last run that delivered. */
  now?: string;
}

/** A failed delivery is tried at most this many times. */
export const MAX_ATTEMPTS = 8;

/** When to try again after `attempts` failures: 5 minutes, then three times longer each time, at most 6 hours. */
export function retryAt(now: string, attempts: number): string {
  const minutes = Math.min(5 * 3 ** (attempts - 1), 360);
  return new Date(Date.parse(now) + minutes * 60_000).toISOString();
}

/** Reads the record; a missing file is an empty record, an unreadable one an error (nothing is sent). */
export function readRecord(path: string): DeliveryRecord {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { version: 2, channels: {}, filters: {} };
    throw err;
  }
  const data = JSON.parse(text) as Partial<DeliveryRecord>;
  if ((data.version !== 1 && data.version !== 2) || typeof data.channels !== 'object' || data.channels === null)
    throw new Error(`${path} is not a delivery record of this version`);
  return data as DeliveryRecord;
}

/** Writes the record whole: a temporary file renamed over the old one. */
export function writeRecord(path: string, record: DeliveryRecord): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(record, null, 1)}\n`);
  renameSync(tmp, path);
}

/** A lock not refreshed for this long was left by a run that died; the next run takes it over. */
const STALE_MS = 10 * 60_000;
/** A run refreshes its lock this often while it lasts, however slow a delivery. */
export const HEARTBEAT_MS = 60_000;

/** A lock this run holds. */
export interface Lock {
  /** Whether the lock is still this run's (not taken over as stale by another). */
  held: () => boolean;
  /** Stops refreshing it and removes it, if it is still this run's. */
  release: () => void;
}

/**
 * Takes the lock beside the record, waiting up to `waitMs` for another run to finish (`onWait` is
 * told once). Returns the lock, or undefined when the other run still holds it.
 */
export async function lock(path: string, waitMs: number, onWait: () => void): Promise<Lock | undefined> {
  const file = `${path}.lock`;
  mkdirSync(dirname(file), { recursive: true });
  const until = Date.now() + waitMs;
  // The lock file names its run: pid and a random part, as pids repeat across machines and runs.
  const token = `${process.pid} ${randomUUID()}\n`;
  const held = () => {
    try {
      return readFileSync(file, 'utf8') === token;
    } catch {
      return false;
    }
  };
  for (let tries = 0; ; tries++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, token);
      closeSync(fd);
      const beat = setInterval(() => {
        if (!held()) return;
        const now = new Date();
        utimesSync(file, now, now);
      }, HEARTBEAT_MS);
      beat.unref();
      return {
        held,
        release: () => {
          clearInterval(beat);
          if (held()) rmSync(file, { force: true });
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    try {
      if (Date.now() - statSync(file).mtimeMs > STALE_MS) rmSync(file, { force: true });
    } catch {
      // Released meanwhile: try again.
    }
    if (Date.now() >= until) return undefined;
    if (tries === 0) onWait();
    await sleep(100);
  }
}
