/** Small text helpers of the CLI: file-name slugs, "did you mean", lists in words. */
import { editDistance } from '../../src/lib/content/source.ts';
import { IdSchema } from '../../src/schemas/common.ts';
import { LIMITS } from '../../src/schemas/limits.ts';
import { CliError } from './io.ts';

/** A file-name slug from a title: "Cloud sign-in fails (EU)" becomes "cloud-sign-in-fails-eu", at most `max` characters, cut at a hyphen. */
export function slugify(title: string, max = 50): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[æ]/g, 'ae')
    .replace(/[øœ]/g, 'o')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max + 1);
  const at = cut.lastIndexOf('-');
  return (at > 10 ? cut.slice(0, at) : slug.slice(0, max)).replace(/-+$/, '');
}

/** The longest slug: the id it ends ("2026-11-22-<slug>") stays within the id limit. */
const MAX_SLUG = LIMITS.id.max - '2026-11-22-'.length;

/** The --slug option, if given, checked as the id it becomes part of. */
export function slugOption(value: string | undefined): string | undefined {
  if (value === undefined) return value;
  if (!IdSchema.safeParse(value).success) throw new CliError(`option --slug: found "${value}" (expected lower-case letters, digits and single hyphens)`, 2);
  if (value.length > MAX_SLUG)
    throw new CliError(
      `option --slug: found ${value.length} characters (expected at most ${MAX_SLUG}, as the date before it makes the file name's id; shorten it)`,
      2,
    );
  return value;
}

/**
 * The id closest to what was typed: one that contains it ("cloud-down" in "2026-11-22-cloud-down"),
 * else the smallest edit distance, ignoring a date prefix that was left out.
 */
export function nearest(typed: string, ids: readonly string[]): string | undefined {
  if (ids.length === 0) return undefined;
  const t = typed.toLowerCase();
  const containing = ids.filter((id) => id.includes(t));
  if (containing.length > 0) return containing.sort((a, b) => b.localeCompare(a))[0];
  const undated = (id: string) => id.replace(/^\d{4}-\d{2}-\d{2}-/, '');
  const score = (id: string) => Math.min(editDistance(t, id), editDistance(undated(t), undated(id)));
  return [...ids].sort((a, b) => score(a) - score(b) || b.localeCompare(a))[0];
}

/** Words as a list in a sentence: "a, b or c". */
export function or(words: readonly string[]): string {
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}
