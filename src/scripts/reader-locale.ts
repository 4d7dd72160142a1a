/**
 * The language a page's scripts write times in: the page's own, except that an English page
 * follows the reader's English (en-GB reads 24-hour, en-US 12-hour). Swedish and French pages keep
 * their language's 24-hour clock whatever the browser says. One answer per page, so no page mixes
 * clock styles.
 */
export function readerLocale(): string {
  const page = document.documentElement.lang || 'en';
  return page === 'en' && /^en(-|$)/i.test(navigator.language) ? (languageTag(navigator.language) ?? page) : page;
}

/**
 * The browser's language as a tag Intl takes, or undefined. Chromium on Linux reports a POSIX
 * locale's modifier ("en-US@posix" under LANG=C.UTF-8), which Intl refuses with a RangeError.
 */
function languageTag(reported: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(reported.replace(/@.*$/, ''))[0];
  } catch {
    return undefined;
  }
}
