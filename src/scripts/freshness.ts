/**
 * Shows the out-of-date notice (Freshness.astro) once the page is older than its threshold, or once
 * a moment it shows as ahead (data-changes-at: a window's start or end, a next update due) has passed
 * by the reader's clock. A line about such a moment that has words for it once passed (data-ahead,
 * data-passed: "the next update was due ...") switches to them; nothing else changes, since only a
 * reload can tell what happened meanwhile. The "Updated ..." words are local-time.ts's, kept
 * current each minute like every other time.
 */
const box = document.querySelector<HTMLElement>('.freshness');
const notice = box?.querySelector<HTMLElement>('.stale');

function update(): void {
  if (!box || !notice) return;
  const now = Date.now();
  const built = Date.parse(box.dataset.built ?? '');
  let passed = false;
  for (const el of document.querySelectorAll<HTMLElement>('[data-changes-at]')) {
    if (Date.parse(el.dataset.changesAt ?? '') > now) continue;
    passed = true;
    const words = el.querySelector<HTMLElement>(':scope > [data-passed]');
    if (!words) continue;
    words.hidden = false;
    el.querySelector<HTMLElement>(':scope > [data-ahead]')?.setAttribute('hidden', '');
  }
  notice.hidden = !(now - built > Number(box.dataset.staleMinutes) * 60_000 || passed);
}

update();
setInterval(update, 60_000);
export {};
