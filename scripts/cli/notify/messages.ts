/**
 * What a notification says, in the channel's language: what happened (the heading), the status and
 * the impact or the window, the words staff posted, and the link. Then the same message in each
 * channel's format: Slack Block Kit, a Teams Adaptive Card, a Discord embed, an e-mail, and for
 * webhooks Statuspage's own payload. Staff's words are plain text everywhere: what chat apps would
 * read as markup or mentions (<!channel>, @everyone, links) is escaped or switched off.
 */
import { createHash } from 'node:crypto';
import type { SiteContent } from '../../../src/lib/content/load.ts';
import { fill, localize, translator } from '../../../src/lib/i18n.ts';
import { markdownToText } from '../../../src/lib/markdown.ts';
import { plain } from '../../../src/lib/feeds.ts';
import { displayZone, formatInstant } from '../../../src/lib/time.ts';
import { localeUrl } from '../../../src/lib/routes.ts';
import { announcedImpacts, worstOf, type ComponentStatus } from '../../../src/lib/status.ts';
import { updateAnchor } from '../../../src/lib/update-feeds.ts';
import { automaticNoticeText, cancellationNotice } from '../../../src/lib/maintenance-timeline.ts';
import { apiDocuments, stableId, type ApiIncident, type ApiScheduledMaintenance, type ComponentsDoc, type StatusDoc } from '../../../src/lib/api.ts';
import type { NotifyEvent } from './events.ts';
import { wordsFor } from './words.ts';

/** Where the site is served: its URL and base path. */
export interface SiteLocation {
  site: string;
  base: string;
}

/** One notification, before any channel's format. */
export interface Message {
  lang: string;
  /** "Resolved: Sign-in fails". */
  heading: string;
  /** Labelled lines: status, affected products, window. */
  facts: { label: string; value: string }[];
  /** The words staff posted, as plain text (shortened when long). */
  text: string;
  link: string;
  linkText: string;
  /** When it happened. */
  at: string;
  /** Between a label and its value, as the language writes it. */
  colon: string;
  /** How bad: a colour chat apps show beside the message. */
  tone: 'outage' | 'partial' | 'degraded' | 'good' | 'maintenance' | 'off';
}

/** Staff's words in a message are cut after this many characters (chat apps cap a block near 3,000). */
const TEXT_MAX = 1500;

/** `text` cut at a word before `max` characters, ending in "…". */
function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}

/** Markdown as tidy plain text. */
function words(markdown: string): string {
  return shorten(plain(markdownToText(markdown)).replace(/\n{3,}/g, '\n\n'), TEXT_MAX);
}

/** Composes the message for an event in `lang`. */
export function compose(c: SiteContent, e: NotifyEvent, lang: string, at: SiteLocation): Message {
  const def = c.site.defaultLocale;
  const t = translator(lang);
  const w = wordsFor(lang);
  const text = (v: Parameters<typeof localize>[0]) => localize(v, lang, def).text;
  const name = (id: string) => c.products.find((p) => p.id === id)?.name ?? id;
  const url = (path: `/${string}`) => new URL(localeUrl(path, lang, def, at.base), at.site).href;
  const base = { lang, linkText: w.more, at: e.at, colon: w.colon };
  if ('change' in e) {
    const { product, from, to } = e.change;
    const word = (s: ComponentStatus) => t(`status.${s}`).toLocaleLowerCase(lang);
    return {
      ...base,
      heading: fill(w.heading[e.kind], { product: name(product), to: word(to), from: word(from) }),
      facts: [{ label: t('incident.affects'), value: name(product) }],
      text: '',
      link: url(`/products/${product}/`),
      tone:
        to === 'major_outage'
          ? 'outage'
          : to === 'partial_outage'
            ? 'partial'
            : to === 'degraded_performance'
              ? 'degraded'
              : to === 'under_maintenance'
                ? 'maintenance'
                : 'good',
    };
  }
  if ('incident' in e) {
    const inc = e.incident;
    const index = e.update ?? inc.updates.length - 1;
    const update = inc.updates[index]!;
    const impacts = announcedImpacts(inc, index);
    const worst = worstOf(impacts);
    return {
      ...base,
      heading: fill(w.heading[e.kind], { title: plain(text(inc.title)) }),
      facts: [
        { label: t('incident.status'), value: t(`incidentStatus.${update.status}`) },
        { label: t('incident.affects'), value: impacts.map((a) => `${name(a.product)} (${t(`status.${a.impact}`).toLocaleLowerCase(lang)})`).join(', ') },
      ],
      text: words(e.kind === 'incident.report' ? inc.body : text(update.message)),
      // Straight to the update (or the report) on the incident's page.
      link: `${url(`/incidents/${inc.id}/`)}#${e.update === undefined ? 'report' : updateAnchor(e.update)}`,
      tone:
        update.status === 'resolved' || worst === 'operational'
          ? 'good'
          : worst === 'major_outage'
            ? 'outage'
            : worst === 'partial_outage'
              ? 'partial'
              : 'degraded',
    };
  }
  const m = e.maintenance;
  const said =
    e.kind === 'maintenance.scheduled'
      ? text(m.updates[0]!.message)
      : e.kind === 'maintenance.updated'
        ? text(m.updates[e.notice!]!.message)
        : e.kind === 'maintenance.cancelled'
          ? text(m.updates[cancellationNotice(m) ?? -1]?.message ?? '')
          : e.kind === 'maintenance.started' && m.updates[0] !== undefined && Date.parse(m.updates[0].at) >= Date.parse(m.window.start)
            ? // A window written once it had begun was never announced: its start carries what staff wrote.
              text(m.updates[0].message)
            : // The clock's own words for the start and the end: staff's later notices are news of their own.
              automaticNoticeText({ automatic: true, at: e.at, status: e.kind === 'maintenance.started' ? 'in_progress' : 'completed' }, lang).text;
  // As the language's pages and feeds write them: a message is read where nothing converts its times.
  const zone = displayZone(c.site, lang);
  return {
    ...base,
    heading: fill(w.heading[e.kind], { title: plain(text(m.title)) }),
    facts: [
      { label: t('maintenance.starts'), value: formatInstant(m.window.start, lang, zone) },
      { label: t('maintenance.ends'), value: formatInstant(m.window.end, lang, zone) },
      { label: t('maintenance.products'), value: m.products.map(name).join(', ') },
    ],
    text: said === '' ? '' : words(said),
    link: url(`/maintenance/${m.id}/`),
    tone: e.kind === 'maintenance.cancelled' || e.kind === 'maintenance.completed' ? 'off' : 'maintenance',
  };
}

/** The message as plain text: for e-mail, and for `--dry-run`. */
export function plainText(m: Message): string {
  const facts = m.facts.map((f) => `${f.label}${m.colon}${f.value}`).join('\n');
  return `${m.heading}\n${facts}\n${m.text === '' ? '' : `\n${m.text}\n`}\n${m.linkText}${m.colon}${m.link}\n`;
}

const COLOURS: Record<Message['tone'], number> = {
  outage: 0xc62828,
  partial: 0xe65100,
  degraded: 0xf9a825,
  good: 0x2e7d32,
  maintenance: 0x1565c0,
  off: 0x616161,
};

/** Escapes text for Slack's mrkdwn: no <!channel>, <@user> or <url|link> from staff's words. */
function slackText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A Slack incoming-webhook body (Block Kit, with `text` for notifications and old clients). */
export function slackPayload(m: Message): unknown {
  const blocks: unknown[] = [
    { type: 'header', text: { type: 'plain_text', text: shorten(m.heading, 150), emoji: false } },
    { type: 'section', fields: m.facts.map((f) => ({ type: 'mrkdwn', text: `*${slackText(f.label)}*\n${slackText(f.value)}` })) },
  ];
  if (m.text !== '') blocks.push({ type: 'section', text: { type: 'mrkdwn', text: slackText(m.text), verbatim: true } });
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `<${m.link}|${slackText(m.linkText)}>` }] });
  return { text: slackText(m.heading), blocks, unfurl_links: false, unfurl_media: false };
}

/**
 * Escapes text for the markdown Teams (Adaptive Cards) and Discord read (cut first: escaping may
 * double a text's length, and Discord caps a title at 256 characters): a title or update written
 * "[Reset your password](https://evil.example)" shows as those characters, not as a link whose
 * address is hidden; no bold, strike-through, code, quote or Discord mention either.
 */
function markdownText(s: string): string {
  return s.replace(/[\\[\]()*_~`|<>]/g, '\\$&');
}

/** A Teams workflow-webhook body: one Adaptive Card. */
export function teamsPayload(m: Message): unknown {
  const body: unknown[] = [
    { type: 'TextBlock', text: markdownText(m.heading), weight: 'Bolder', size: 'Medium', wrap: true },
    { type: 'FactSet', facts: m.facts.map((f) => ({ title: f.label, value: markdownText(f.value) })) },
  ];
  if (m.text !== '') body.push({ type: 'TextBlock', text: markdownText(m.text), wrap: true });
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          lang: m.lang,
          body,
          actions: [{ type: 'Action.OpenUrl', title: m.linkText, url: m.link }],
        },
      },
    ],
  };
}

/** A Discord webhook body: one embed, mentions switched off. */
export function discordPayload(m: Message): unknown {
  return {
    embeds: [
      {
        title: markdownText(shorten(m.heading, 128)),
        url: m.link,
        description: m.text === '' ? m.linkText : markdownText(shorten(m.text, 2000)),
        color: COLOURS[m.tone],
        fields: m.facts.map((f) => ({ name: f.label, value: markdownText(shorten(f.value, 512)), inline: false })),
        timestamp: new Date(m.at).toISOString(),
      },
    ],
    allowed_mentions: { parse: [] },
  };
}

/** An e-mail: subject and plain-text body. */
export function emailMessage(m: Message): { subject: string; text: string } {
  return { subject: m.heading, text: plainText(m) };
}

/** Statuspage's webhook body for an incident or a maintenance window, as the API shows it now; for a status change, its component_update body. */
export function webhookPayload(c: SiteContent, e: NotifyEvent, at: SiteLocation, docs = apiDocuments(c, at)): unknown {
  const status = docs['status.json'] as StatusDoc;
  if ('change' in e) {
    const { product, from, to } = e.change;
    const componentId = stableId(`component:${product}`);
    const component = (docs['components.json'] as ComponentsDoc).components.find((x) => x.id === componentId)!;
    // Statuspage's own shape: the component as of the change, with the page as it stands now.
    return {
      meta: { unsubscribe: null, documentation: null },
      page: { id: status.page.id, status_indicator: status.status.indicator, status_description: status.status.description },
      component_update: { created_at: e.at, new_status: to, old_status: from, id: stableId(`component_update:${e.key}`), component_id: componentId },
      component: { created_at: component.created_at, id: componentId, name: component.name, status: to },
    };
  }
  const list = <T>(path: keyof typeof docs, field: string) => (docs[path] as Record<string, T[]>)[field]!;
  const id = 'incident' in e ? stableId(`incident:${e.incident.id}`) : stableId(`maintenance:${e.maintenance.id}`);
  const found =
    'incident' in e
      ? [...list<ApiIncident>('incidents/unresolved.json', 'incidents'), ...list<ApiIncident>('incidents.json', 'incidents')].find((x) => x.id === id)
      : [
          ...list<ApiScheduledMaintenance>('scheduled-maintenances/active.json', 'scheduled_maintenances'),
          ...list<ApiScheduledMaintenance>('scheduled-maintenances/upcoming.json', 'scheduled_maintenances'),
          ...list<ApiScheduledMaintenance>('scheduled-maintenances.json', 'scheduled_maintenances'),
        ].find((x) => x.id === id);
  return {
    meta: { unsubscribe: null, documentation: null, generated_at: c.now },
    page: { id: status.page.id, status_indicator: status.status.indicator, status_description: status.status.description },
    incident: found ?? null,
  };
}

/** A key a receiver can use to drop a repeat: the same for an event and channel in every run. */
export function idempotencyKey(channel: string, event: string): string {
  return createHash('sha256').update(`${channel}\n${event}`).digest('hex').slice(0, 32);
}
