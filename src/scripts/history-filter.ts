/**
 * Filters the incident history by product and severity. The form is hidden in the HTML and shown
 * only here, so without JavaScript the page simply lists everything (product pages list per product).
 */
const form = document.querySelector<HTMLFormElement>('form[data-filter]');
if (form) {
  form.hidden = false;
  const apply = () => {
    const product = (form.elements.namedItem('product') as HTMLSelectElement).value;
    const severity = (form.elements.namedItem('severity') as HTMLSelectElement).value;
    let shown = 0;
    for (const section of document.querySelectorAll<HTMLElement>('[data-month]')) {
      let inMonth = 0;
      for (const card of section.querySelectorAll<HTMLElement>('[data-products]')) {
        const ok = (!product || (card.dataset.products ?? '').split(' ').includes(product)) && (!severity || card.dataset.severity === severity);
        card.hidden = !ok;
        if (ok) inMonth++;
      }
      section.hidden = inMonth === 0;
      shown += inMonth;
    }
    const empty = form.querySelector<HTMLElement>('[data-empty]');
    if (empty) empty.hidden = shown > 0;
  };
  form.addEventListener('change', apply);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    apply();
  });
}

export {};
