/**
 * Worker thread: loads its share of the incident and maintenance files with the same code as the
 * calling thread (entries.ts) and posts the results back, then marks itself done in shared memory
 * so the caller, which waits synchronously, wakes up. Started by load.ts on large content folders.
 * Slot 0 of `flags` says the thread started, slot 1 that it finished (with results or a failure),
 * slot 2 counts the files loaded so far (so the caller can tell a slow thread from a dead one).
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import type { EntryContext, EntryPath } from './entries.ts';

const { paths, ctx, flags, port } = workerData as { paths: EntryPath[]; ctx: EntryContext; flags: Int32Array; port: MessagePort };
Atomics.store(flags, 0, 1);
Atomics.notify(flags, 0);
try {
  const { loadEntry } = await import('./entries.ts');
  port.postMessage({
    results: paths.map((p) => {
      const result = loadEntry(p, ctx);
      Atomics.add(flags, 2, 1);
      return result;
    }),
  });
} catch (e) {
  port.postMessage({ failed: e instanceof Error ? e.message : String(e) });
} finally {
  Atomics.store(flags, 1, 1);
  Atomics.notify(flags, 1);
  port.close();
}
