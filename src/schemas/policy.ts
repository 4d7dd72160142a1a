/** content/policy.yaml and content/policy-history/*.yaml: the support policy and its revisions. */
import { z } from 'astro/zod';
import { DateSchema, LocalizedListSchema, LocalizedSchema, TargetSchema, localizedSchema, textSchema } from './common.ts';
import { SeverityLevelSchema } from './severities.ts';

/** Something customer care does not cover, and where it goes instead. */
export const ExclusionSchema = z.strictObject({
  /** Short name ("Functional questions"). */
  name: localizedSchema('name'),
  /** What it covers and where it is handled. */
  description: LocalizedSchema,
});

/** The whole of policy.yaml. */
export const PolicySchema = z.strictObject({
  /** Revision or edition of the policy ("2021"). */
  revision: z.union([textSchema('label'), z.number().transform(String)]),
  /** Day the revision took effect; leave it out when the edition gives none. */
  effective: DateSchema.optional(),
  /** Who customer care serves and what problems it handles, shown before the included services. */
  scope: LocalizedSchema.optional(),
  /** What the support service includes (unlimited calls in office hours, documentation updates). */
  includedServices: LocalizedListSchema.default([]),
  /** Who may open cases and how, in a few sentences. */
  openingCases: LocalizedListSchema.default([]),
  /** How a case's severity is set and changed. */
  severityChange: LocalizedListSchema.default([]),
  /** Case lifecycle. */
  lifecycle: z.strictObject({
    /** When a case is marked Solution Provided. */
    solutionProvided: LocalizedListSchema.min(1),
    /** Where and how the customer accepts a solution, if the policy says. */
    acceptance: LocalizedSchema.optional(),
    /** How long without a reply before the case closes. */
    closeAfter: TargetSchema,
    /** Follow-up attempts before closing for lack of reply. */
    followUps: z.int().min(0),
    /** Whether a closed case can be reopened. */
    reopenable: z.boolean(),
  }),
  /** Which releases are supported. */
  supportWindow: z.strictObject({
    /** Releases supported for single-tenant products (2: the latest and the previous). */
    singleTenant: z.int().min(1),
    /** Releases supported for multi-tenant products (1: the latest only). */
    multiTenant: z.int().min(1),
    /** What happens to requests about unsupported releases. */
    unsupported: LocalizedSchema,
  }),
  /** Problems that no target applies to. */
  noTargets: LocalizedListSchema.default([]),
  /** What the policy says of the services outside customer care as a whole (which service levels cover them). */
  exclusionsIntro: LocalizedSchema.optional(),
  /** Services outside customer care. */
  exclusions: z.array(ExclusionSchema).default([]),
  /** Where widespread outages are announced. */
  statusPage: LocalizedSchema.optional(),
});

/** A previous policy revision, kept as history. */
export const PolicyRevisionSchema = z.strictObject({
  /** Revision id as printed on the edition ("REV-20201117-A"). */
  revision: textSchema('label'),
  /** Publication date, where the edition prints one (the page then says it; revisions are listed newest first, undated ones last). */
  published: DateSchema.optional(),
  /** Severity levels and targets of that revision. */
  levels: z.array(SeverityLevelSchema).min(1),
  /** Problems that no target applied to. */
  noTargets: LocalizedListSchema.default([]),
  /** What changed in the next revision, one point each. */
  changes: LocalizedListSchema.min(1),
});

/** Parsed policy.yaml. */
export type Policy = z.output<typeof PolicySchema>;
/** A parsed previous revision. */
export type PolicyRevision = z.output<typeof PolicyRevisionSchema>;
