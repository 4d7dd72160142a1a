/** content/incidents/*.md front matter: one incident, its impact and its timeline. */
import { z } from 'astro/zod';
import { IdSchema, InstantSchema, SampleSchema, localizedSchema } from './common.ts';
import { SCOPES } from './severities.ts';

/** Impact on a product, in the Statuspage component vocabulary. */
export const IMPACTS = ['degraded_performance', 'partial_outage', 'major_outage'] as const;
/** An impact level. */
export type Impact = (typeof IMPACTS)[number];

/** Incident progress, in the Statuspage incident vocabulary. */
export const INCIDENT_STATUSES = ['investigating', 'identified', 'monitoring', 'resolved'] as const;
/** An incident status. */
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];
/** The statuses an incident can be open in: all but resolved. */
export const OPEN_STATUSES = INCIDENT_STATUSES.filter((s) => s !== 'resolved');

/** How one product is affected. */
export const AffectedSchema = z.strictObject({
  /** Product id from products.yaml. */
  product: IdSchema,
  /** How badly, when the incident began. */
  impact: z.enum(IMPACTS),
});

/** What an update may set a product's impact to: an impact, or operational once the product is back while the incident goes on. */
export const UPDATE_IMPACTS = [...IMPACTS, 'operational'] as const;
/** A product's impact as an update sets it. */
export type UpdateImpact = (typeof UPDATE_IMPACTS)[number];

/** A product whose impact changes with an update. */
export const ImpactChangeSchema = z.strictObject({
  /** Product id, one of the incident's `affects`. */
  product: IdSchema,
  /** Its impact from this update on. */
  impact: z.enum(UPDATE_IMPACTS),
});

/** One timeline entry. */
export const IncidentUpdateSchema = z.strictObject({
  /** When it was posted, ISO 8601 with offset. */
  at: InstantSchema,
  /** The incident's status as of this update. */
  status: z.enum(INCIDENT_STATUSES),
  /** What customers are told (Markdown). */
  message: localizedSchema('message'),
  /** When customers get the next update, as staff promised with this one; pages show it when the severity sets no interval. */
  nextUpdate: InstantSchema.optional(),
  /** Products whose impact changes with this update (the others keep theirs). */
  affects: z.array(ImpactChangeSchema).min(1, { error: 'found an empty list (expected at least one product whose impact changes, or no affects)' }).optional(),
});

/** Incident front matter. */
export const IncidentSchema = z.strictObject({
  /** Headline. */
  title: localizedSchema('title'),
  /** Severity id from severities.yaml. */
  severity: IdSchema,
  /** Whose software failed: which target table applies. */
  scope: z.enum(SCOPES),
  /** Whether the problem hit the whole system rather than a few customers (a root-cause report is due). */
  systemWide: z.boolean().default(false),
  /** Products hit, and how when the incident began; an update's `affects` changes a product's impact from then on. */
  affects: z.array(AffectedSchema).min(1, { error: 'found an empty list (expected at least one affected product)' }),
  /** When the problem began. */
  started: InstantSchema,
  /** Timeline, oldest first. */
  updates: z.array(IncidentUpdateSchema).min(1, { error: 'found an empty list (expected at least one update)' }),
  /** When service was fully back; equals the time of the resolved update. */
  resolved: InstantSchema.optional(),
  /** An invented sample incident (the default site's), which the vendor must replace. */
  sample: SampleSchema,
});

/** Parsed incident front matter. */
export type IncidentData = z.output<typeof IncidentSchema>;
/** An incident with its id (from the file name) and report body. */
export type Incident = IncidentData & { id: string; file: string; body: string };
