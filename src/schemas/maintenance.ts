/** content/maintenance/*.md front matter: one planned maintenance window. */
import { z } from 'astro/zod';
import { IdSchema, InstantSchema, SampleSchema, localizedSchema } from './common.ts';

/** One notice posted about the window. */
export const MaintenanceUpdateSchema = z.strictObject({
  /** When it was posted. */
  at: InstantSchema,
  /** What customers are told (Markdown). */
  message: localizedSchema('message'),
});

/** Maintenance front matter; its state (upcoming, in progress, completed) is derived from now. */
export const MaintenanceSchema = z.strictObject({
  /** Headline. */
  title: localizedSchema('title'),
  /** Product ids from products.yaml. */
  products: z.array(IdSchema).min(1, { error: 'found an empty list (expected at least one product id)' }),
  /** The planned window. */
  window: z.strictObject({
    /** Start, ISO 8601 with offset. */
    start: InstantSchema,
    /** End, after the start. */
    end: InstantSchema,
  }),
  /** Notices, oldest first. */
  updates: z.array(MaintenanceUpdateSchema).default([]),
  /** Set when the window was called off. */
  cancelled: InstantSchema.optional(),
  /** An invented sample window (the default site's), which the vendor must replace. */
  sample: SampleSchema,
});

/** Parsed maintenance front matter. */
export type MaintenanceData = z.output<typeof MaintenanceSchema>;
/** A maintenance window with its id (from the file name) and body. */
export type Maintenance = MaintenanceData & { id: string; file: string; body: string };
