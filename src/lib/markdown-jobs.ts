/** The states of Markdown jobs shared between the page thread and the Markdown worker (one Int32 each). */
export const JOB = {
  /** Nobody has started it. */
  free: 0,
  /** The worker renders it, or has rendered it and not yet posted the HTML. */
  worker: 1,
  /** The worker has posted the HTML. */
  posted: 2,
  /** The page thread renders it itself. */
  main: 3,
} as const;

/** How many jobs the worker leaves to the pages when it finds they have caught up with it. */
export const LEAD = 16;

/** Shared state for `count` jobs: one slot per job, then the slot where the page thread asks the worker to post what it holds (1). */
export function jobStates(count: number): Int32Array {
  return new Int32Array(new SharedArrayBuffer(4 * (count + 1)));
}

/** The flush-request slot of `states`. */
export function flushSlot(states: Int32Array): number {
  return states.length - 1;
}
