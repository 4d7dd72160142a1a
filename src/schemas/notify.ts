/**
 * content/notify.yaml (optional): where `pharos notify` announces what changed after a deploy.
 * Content names channels, their filters and the environment variable that holds each secret;
 * the secret itself (a webhook address, an SMTP address with its password) never appears in content.
 */
import { z } from 'astro/zod';
import { IdSchema, LocaleCodeSchema, WebUrlSchema, describe, withinLimit } from './common.ts';

/** The kinds of channel `pharos notify` can post to. */
export const CHANNEL_TYPES = ['slack', 'teams', 'discord', 'webhook', 'email'] as const;
/**
 * What can be announced: an incident's opening, later updates, resolution and report; a window's
 * first notice (scheduled), later notices, start, end and cancellation; a product's status changing (component.updated: webhook
 * channels only, in Statuspage's component_update payload; chat and e-mail hear it from the incident).
 */
export const EVENT_KINDS = [
  'incident.opened',
  'incident.updated',
  'incident.resolved',
  'incident.report',
  'maintenance.scheduled',
  'maintenance.updated',
  'maintenance.started',
  'maintenance.completed',
  'maintenance.cancelled',
  'component.updated',
] as const;
/** The event only webhook channels take. */
export const COMPONENT_EVENT = 'component.updated';
/** A kind of event. */
export type EventKind = (typeof EVENT_KINDS)[number];

/**
 * The secrets the shipped workflow (.github/workflows/deploy.yml) passes to `pharos notify`: a
 * channel naming another gets nothing there (`pharos check` warns). The workflow test holds the two equal.
 */
export const WORKFLOW_SECRETS = ['PHAROS_SLACK_URL', 'PHAROS_TEAMS_URL', 'PHAROS_DISCORD_URL', 'PHAROS_WEBHOOK_URL', 'PHAROS_SMTP_URL'] as const;

/**
 * The name of an environment variable holding a secret. Only PHAROS_… names: content chooses the
 * variable, and must not be able to point a channel at the CI's own tokens.
 */
const SecretNameSchema = z
  .string({ error: (iss) => `found ${describe(iss.input)} (expected the name of an environment variable such as "PHAROS_SLACK_URL")` })
  .regex(/^PHAROS_[A-Z0-9_]+$/, {
    // An address or password written here is not repeated: the check's output may be a public CI log.
    error: (iss) =>
      typeof iss.input === 'string' && /^[A-Za-z0-9_]+$/.test(iss.input)
        ? `found "${iss.input}" (expected the name of an environment variable starting with PHAROS_, such as "PHAROS_SLACK_URL")`
        : 'found the secret itself, or something other than a variable name (expected the name of an environment variable starting with PHAROS_, such as "PHAROS_SLACK_URL", that holds it; a secret committed here is in the history: replace it)',
  });

const EmailSchema = withinLimit(
  z.email({ error: (iss) => `found ${JSON.stringify(iss.input)} (expected an e-mail address such as "status@example.com")` }),
  'email',
);

/** One place announcements go. */
export const ChannelSchema = z
  .strictObject({
    /** Stable id: the delivery record is kept per channel id, so renaming one starts it afresh. */
    id: IdSchema,
    /** slack (incoming webhook), teams (workflow webhook), discord (webhook), webhook (Statuspage's payloads), email (SMTP). */
    type: z.enum(CHANNEL_TYPES, { error: (iss) => `found ${describe(iss.input)} (expected one of ${CHANNEL_TYPES.join(', ')})` }),
    /** The environment variable with the webhook address, or for email the SMTP address ("smtps://user:password@smtp.example.com"). */
    secret: SecretNameSchema,
    /** false keeps the channel written down but silent (default: true). */
    enabled: z.boolean().default(true),
    /** The language of its messages (default: the site's default language). */
    language: LocaleCodeSchema.optional(),
    /** Only events about these products (default: every product). */
    products: z.array(IdSchema).min(1, { error: 'found an empty list (expected product ids, or no "products" for every product)' }).optional(),
    /** Only these events (default: every event). */
    events: z
      .array(z.enum(EVENT_KINDS, { error: (iss) => `found ${describe(iss.input)} (expected one of ${EVENT_KINDS.join(', ')})` }))
      .min(1, { error: 'found an empty list (expected events, or no "events" for every event)' })
      .optional(),
    /** email only: the sender address. */
    from: EmailSchema.optional(),
    /** email only: the recipients, such as the vendor's announcement lists. */
    to: z.array(EmailSchema).min(1, { error: 'found an empty list (expected at least one address)' }).optional(),
    /**
     * email only, public: how a customer joins the list, an address to write to or a sign-up page.
     * Every page's "Stay informed" block offers it.
     */
    join: z
      .union([EmailSchema, WebUrlSchema], {
        error: (iss) => `found ${describe(iss.input)} (expected an e-mail address or an https sign-up page where customers join the list)`,
      })
      .optional(),
  })
  .superRefine((ch, ctx) => {
    if (ch.type === 'email') {
      for (const field of ['from', 'to'] as const)
        if (ch[field] === undefined)
          ctx.addIssue({
            code: 'custom',
            path: [field],
            input: undefined,
            message: `is missing (expected ${field === 'from' ? 'the sender address' : 'a list of recipient addresses'} of an email channel)`,
          });
    } else
      for (const field of ['from', 'to', 'join'] as const)
        if (ch[field] !== undefined)
          ctx.addIssue({
            code: 'custom',
            path: [field],
            message: `found ${describe(ch[field])} on a ${ch.type} channel (expected ${field} only on an email channel)`,
          });
    const i = ch.events?.indexOf(COMPONENT_EVENT) ?? -1;
    if (ch.type !== 'webhook' && i >= 0)
      ctx.addIssue({
        code: 'custom',
        path: ['events', i],
        message: `found "${COMPONENT_EVENT}" on a ${ch.type} channel (expected it only on a webhook channel; the incident's own messages already say which products it affects)`,
      });
  });

/** The whole of notify.yaml. */
export const NotifyFileSchema = z.strictObject({
  /** Where announcements go; an empty list sends nothing. */
  channels: z.array(ChannelSchema).default([]),
});

/** One parsed channel. */
export type Channel = z.output<typeof ChannelSchema>;
/** Parsed notify.yaml. */
export type NotifyConfig = z.output<typeof NotifyFileSchema>;
