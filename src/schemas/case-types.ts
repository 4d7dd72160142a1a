/** content/case-types.yaml: the types a customer picks from when opening a case. */
import { z } from 'astro/zod';
import { IdSchema, LocalizedSchema, SampleSchema, localizedSchema } from './common.ts';

/** One case type. */
export const CaseTypeSchema = z.strictObject({
  /** Stable id ("defect"). */
  id: IdSchema,
  /** Name as shown in the case form. */
  name: localizedSchema('name'),
  /** What the type is for. */
  description: LocalizedSchema,
  /** A typical case of this type. */
  example: LocalizedSchema,
  /** True when the example is an invented illustration, not the vendor's words: the page marks it as sample. */
  sampleExample: SampleSchema,
  /** The question a customer answers "yes" to when this type fits (used by the chooser). */
  fitsWhen: localizedSchema('sentence'),
  /**
   * Whether the severity targets apply to cases of this type: true or false where the policy says
   * so; left out where it does not, and the page then says nothing about targets for the type.
   */
  targetsApply: z.boolean().optional(),
  /** What the policy says of targets for part of this type ("client-side problems have no target"). */
  targetsNote: localizedSchema('sentence').optional(),
  /** Where such cases go when not handled by customer care itself. */
  routedTo: localizedSchema('sentence').optional(),
});

/** case-types.yaml: a list under `caseTypes`. */
export const CaseTypesFileSchema = z.strictObject({
  caseTypes: z.array(CaseTypeSchema).min(1, { error: 'found an empty list (expected at least one case type)' }),
});

/** A parsed case type. */
export type CaseType = z.output<typeof CaseTypeSchema>;
