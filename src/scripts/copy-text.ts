/**
 * Copy buttons beside text to paste (src/components/StayInformed.astro). CSS shows them whenever
 * scripts run; where the browser cannot copy (a page not served over https), they go.
 */
for (const button of document.querySelectorAll<HTMLButtonElement>('button.copy')) {
  if (!navigator.clipboard) {
    button.hidden = true;
    continue;
  }
  const label = button.textContent;
  button.addEventListener('click', () => {
    const text = button.previousElementSibling?.textContent ?? '';
    void navigator.clipboard.writeText(text).then(() => {
      button.textContent = button.dataset.copied ?? label;
      setTimeout(() => (button.textContent = label), 2000);
    });
  });
}
