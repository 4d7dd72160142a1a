/**
 * A maintenance window's own page ages: a window built as "upcoming" may be under way or over when
 * someone reads it. This moves the page's state word on by the reader's clock (a cancelled window
 * stays cancelled), and shows the automatic notices (begun, completed) the page carries hidden until
 * their time, so the timeline says what the state says. That page shows nothing else that depends
 * on the window's state; list pages (the status page, product pages, the maintenance list) keep the
 * state they were built with, as their headings and product statuses do, and say instead that they
 * may be out of date (freshness.ts).
 */
type State = 'scheduled' | 'in_progress' | 'completed';

/** The state of a window at `now` (ms). */
function stateAt(start: number, end: number, now: number): State {
  return now < start ? 'scheduled' : now < end ? 'in_progress' : 'completed';
}

function update(): void {
  const now = Date.now();
  for (const el of document.querySelectorAll<HTMLElement>('[data-auto-at]')) {
    if (Date.parse(el.dataset.autoAt ?? '') <= now) el.hidden = false;
  }
  for (const el of document.querySelectorAll<HTMLElement>('[data-maintenance-state]')) {
    if (el.dataset.maintenanceState === 'cancelled') continue;
    const state = stateAt(Date.parse(el.dataset.start ?? ''), Date.parse(el.dataset.end ?? ''), now);
    if (state === el.dataset.maintenanceState) continue;
    const labels = JSON.parse(el.dataset.labels ?? '{}') as Record<State, string>;
    if (!labels[state]) continue;
    el.textContent = labels[state];
    el.dataset.maintenanceState = state;
  }
}

update();
setInterval(update, 60000);
export {};
