/** content/severities.yaml: severity levels, their definitions and targets per software scope. */
import { z } from 'astro/zod';
import { IdSchema, LocalizedListSchema, SampleSchema, TargetSchema, localizedSchema } from './common.ts';

/** Which target table applies: the vendor's own software, or third-party software. */
export const SCOPES = ['own', 'third-party'] as const;
/** A software scope. */
export type Scope = (typeof SCOPES)[number];

/** The targets of one severity for one scope; an absent target means none is promised. */
export const TargetSetSchema = z.strictObject({
  /** First reply from a support engineer. */
  response: TargetSchema.optional(),
  /** Service or function working again (e.g. by a workaround). */
  restoration: TargetSchema.optional(),
  /** The problem fixed for good (workaround, patch or release). */
  resolution: TargetSchema.optional(),
  /** How often the customer hears about progress. */
  statusUpdates: TargetSchema.optional(),
  /** Root-cause analysis report delivered. */
  rootCauseReport: TargetSchema.optional(),
});

/** One severity level. */
export const SeverityLevelSchema = z.strictObject({
  /** Stable id used by incidents ("critical"). */
  id: IdSchema,
  /** 1 is the most severe. */
  rank: z.int().min(1),
  /** Name of the level. */
  name: localizedSchema('name'),
  /** What qualifies a case for this level. */
  definition: LocalizedListSchema.min(1),
  /** Typical situations. */
  examples: LocalizedListSchema.default([]),
  /** True when the examples are invented illustrations, not the vendor's words: pages mark them as sample. */
  sampleExamples: SampleSchema,
  /** Targets per scope. */
  targets: z.strictObject({ own: TargetSetSchema, 'third-party': TargetSetSchema }),
});

/** The whole of severities.yaml. */
export const SeveritiesFileSchema = z.strictObject({
  /** Severity levels, most severe first. */
  levels: z.array(SeverityLevelSchema).min(1, { error: 'found an empty list (expected at least one severity level)' }),
  /** Footnotes that qualify the targets (e.g. widespread outages go to the status page). */
  notes: LocalizedListSchema.default([]),
});

/** A parsed severity level. */
export type SeverityLevel = z.output<typeof SeverityLevelSchema>;
