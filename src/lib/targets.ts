/** Service targets in words, per locale ("30 minutes", "2 jours ouvrés", "i mån av tid"). */
import type { Target } from '../schemas/common.ts';
import { TargetSetSchema } from '../schemas/severities.ts';
import { localize, pluralKey, translator, type UiKey } from './i18n.ts';
import { memo, memoByObject } from './memo.ts';

const numberFormat = memo((locale: string) => new Intl.NumberFormat(locale));

/** The target's amount and unit, or its word form, in the reader's language. */
export function formatTarget(target: Target, locale: string): string {
  const t = translator(locale);
  if (target.kind === 'duration') {
    const n = numberFormat(locale).format(target.amount);
    return t(`target.${target.unit}.${pluralKey(locale, target.amount)}` as UiKey, { n });
  }
  return t(`target.${target.kind}` as UiKey);
}

/** Every promise a severity can make, in the schema's order, which is the order pages and the CLI list them in. */
export const TARGET_KEYS = TargetSetSchema.keyof().options;

/** Which promise a target is about; status updates read "every 6 hours". */
export type TargetKey = (typeof TARGET_KEYS)[number];

/** The target in words without its qualifiers: "30 minutes", and for status updates "every 6 hours". */
export function targetWords(target: Target, key: TargetKey, locale: string): string {
  const words = formatTarget(target, locale);
  return key === 'statusUpdates' && target.kind === 'duration' ? translator(locale)('sla.every', { interval: words }) : words;
}

/** A target in words with its qualifiers: "every 6 hours (until functionality is restored), or as soon as there is news". */
export const describeTarget = memoByObject(describeNow);

function describeNow(target: Target, key: TargetKey, locale: string, defaultLocale: string): string {
  const base = targetWords(target, key, locale);
  const extras = [target.condition, target.until].filter((e) => e !== undefined).map((e) => localize(e, locale, defaultLocale).text);
  const described = extras.length > 0 ? `${base} (${extras.join('; ')})` : base;
  return target.alsoOnNews ? translator(locale)('sla.orOnNews', { target: described }) : described;
}
