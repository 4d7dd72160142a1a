/** content/releases/<product-id>.yaml: a product's published releases. */
import { z } from 'astro/zod';
import { DateSchema, SampleSchema, WebUrlSchema, localizedSchema, textSchema } from './common.ts';

/** One published release. */
export const ReleaseSchema = z.strictObject({
  /** Version as customers see it ("2026.11", "19.4"). */
  version: z.union([textSchema('label'), z.number().transform(String)]),
  /** Day it reached customers. */
  date: DateSchema,
  /** Link to its release notes. */
  notes: WebUrlSchema.optional(),
  /** One line on what it brings. */
  summary: localizedSchema('sentence').optional(),
  /** An invented sample release (the default site's), which the vendor must replace. */
  sample: SampleSchema,
});

/** A release history file; the product is named by the file name. */
export const ReleasesFileSchema = z.strictObject({
  releases: z.array(ReleaseSchema).min(1, { error: 'found an empty list (expected at least one release)' }),
});

/** A parsed release. */
export type Release = z.output<typeof ReleaseSchema>;
