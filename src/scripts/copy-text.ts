/** Copy buttons beside text to paste (src/components/StayInformed.astro): shown only where the browser can copy. */
if (navigator.clipboard) {
  for (const button of document.querySelectorAll<HTMLButtonElement>('button.copy')) {
    const label = button.textContent;
    button.hidden = false;
    button.addEventListener('click', () => {
      const text = button.previousElementSibling?.textContent ?? '';
      void navigator.clipboard.writeText(text).then(() => {
        button.textContent = button.dataset.copied ?? label;
        setTimeout(() => (button.textContent = label), 2000);
      });
    });
  }
}
