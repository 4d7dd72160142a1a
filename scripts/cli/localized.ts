/** Localized text from options: `--title` in the default language, `--title-sv` and so on for the others. */
import type { Localized } from '../../src/schemas/common.ts';
import type { SiteContent } from '../../src/lib/content/load.ts';
import { CliError } from './io.ts';

/**
 * The text to write: a plain string when only the default language is given (as the content
 * conventions write it), else a map with the default language first.
 */
export function localizedText(option: string, text: string, others: Record<string, string> | undefined, site: SiteContent['site']): Localized {
  const codes = site.locales.map((l) => l.code);
  const extra = { ...others };
  delete extra[site.defaultLocale];
  for (const code of Object.keys(extra)) {
    if (!codes.includes(code))
      throw new CliError(
        `option --${option}-${code}: "${code}" is not a language of the site (expected one of ${codes.filter((c) => c !== site.defaultLocale).join(', ') || 'none: the site has one language'})`,
        2,
      );
  }
  // Text pasted from Windows brings CR LF; the file keeps its own line endings, the text plain LF.
  const lf = (s: string) => s.replace(/\r\n?/g, '\n');
  if (Object.keys(extra).length === 0) return lf(text);
  return { [site.defaultLocale]: lf(text), ...Object.fromEntries(codes.filter((c) => c in extra).map((c) => [c, lf(extra[c]!)])) };
}

/** The default-language text of an option: `--title`, or `--title-<default>` as a synonym. */
export function defaultText(value: string | undefined, others: Record<string, string> | undefined, site: SiteContent['site']): string | undefined {
  const v = value ?? others?.[site.defaultLocale];
  return v === undefined || v.trim() === '' ? undefined : v.trim();
}
