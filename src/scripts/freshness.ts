/**
 * Shows the out-of-date notice (Freshness.astro) once the page is older than its threshold, or once
 * a moment it shows as ahead (data-changes-at: a window's start or end, a next update due) has passed
 * by the reader's clock. It changes nothing else, so no part of the page can contradict another; the
 * "Updated ..." words are local-time.ts's, kept current each minute like every other time.
 */
const box = document.querySelector<HTMLElement>('.freshness');
const notice = box?.querySelector<HTMLElement>('.stale');

function update(): void {
  if (!box || !notice) return;
  const now = Date.now();
  const built = Date.parse(box.dataset.built ?? '');
  const moments = [...document.querySelectorAll<HTMLElement>('[data-changes-at]')].map((el) => Date.parse(el.dataset.changesAt ?? ''));
  notice.hidden = !(now - built > Number(box.dataset.staleMinutes) * 60_000 || moments.some((t) => t <= now));
}

update();
setInterval(update, 60_000);
export {};
