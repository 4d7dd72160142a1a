/** content/products.yaml: the products whose status, support and releases the site covers. */
import { z } from 'astro/zod';
import { DateSchema, IdSchema, LocaleCodeSchema, SampleSchema, WebUrlSchema, ZoneSchema, localizedSchema, textSchema } from './common.ts';
import { rruleProblem } from './rrule.ts';

/** An RFC 5545 recurrence rule that release schedules can use (see rrule.ts for what is checked). */
export const RRuleSchema = z.string().superRefine((s, ctx) => {
  const problem = rruleProblem(s);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

/** When a product ships: on a recurring schedule, or continuously. */
export const CadenceSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
      kind: z.literal('recurring'),
      /** RFC 5545 rule, e.g. FREQ=WEEKLY;INTERVAL=2;BYDAY=TU. */
      rrule: RRuleSchema,
      /** First release date of the series, a local date in `zone`. */
      start: DateSchema,
      /** Zone in which the dates fall. */
      zone: ZoneSchema,
      /** The cadence in words ("monthly", "every two weeks"). */
      label: localizedSchema('label'),
      /** The rule and start are invented samples (the policy gives only the rhythm), so the dates are too. */
      sample: SampleSchema,
    }),
    z.strictObject({
      kind: z.literal('continuous'),
      /** The cadence in words ("continuous delivery, several times a day"). */
      label: localizedSchema('label'),
    }),
  ],
  {
    error: (iss) => `found ${JSON.stringify((iss.input as { kind?: unknown } | undefined)?.kind ?? iss.input)} (expected kind: recurring or kind: continuous)`,
  },
);

/** One product. */
export const ProductSchema = z.strictObject({
  /** Stable id used in URLs and by other files. */
  id: IdSchema,
  /** Product name as customers know it. */
  name: textSchema('name'),
  /** One sentence on what it is. */
  description: localizedSchema('sentence').optional(),
  /** Optional group heading on the status page ("Portfolio management"). */
  group: localizedSchema('name').optional(),
  /** multi: one shared cloud version for all customers; single: customers run a chosen release. */
  tenancy: z.enum(['multi', 'single']),
  /** Release schedule. */
  cadence: CadenceSchema,
  /** Where release notes live. */
  releaseNotes: WebUrlSchema.optional(),
  /** The language of the release-notes pages, when they exist in one language only ("en"). */
  releaseNotesLanguage: LocaleCodeSchema.optional(),
  /** How customers open a case for this product (portal, community form). */
  caseForm: WebUrlSchema.optional(),
  /** Who may open cases: designated administrators only, or any user through a product form. */
  caseAccess: z.enum(['administrators', 'product-form']),
  /** Whether chat is offered for this product. */
  chat: z.boolean().default(false),
});

/** products.yaml: a list under `products`. */
export const ProductsFileSchema = z.strictObject({ products: z.array(ProductSchema).min(1, { error: 'found an empty list (expected at least one product)' }) });

/** A parsed product. */
export type Product = z.output<typeof ProductSchema>;
