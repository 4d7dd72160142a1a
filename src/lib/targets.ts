/** Service targets in words, per locale ("30 minutes", "2 jours ouvrés", "i mån av tid"). */
import type { Target } from '../schemas/common.ts';
import { pluralKey, translator, type UiKey } from './i18n.ts';

/** The target's amount and unit, or its word form, in the reader's language. */
export function formatTarget(target: Target, locale: string): string {
  const t = translator(locale);
  if (target.kind === 'duration') {
    const n = new Intl.NumberFormat(locale).format(target.amount);
    return t(`target.${target.unit}.${pluralKey(locale, target.amount)}` as UiKey, { n });
  }
  return t(`target.${target.kind}` as UiKey);
}
