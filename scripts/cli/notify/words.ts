/**
 * The words only notifications use, per language. Statuses, impacts and labels the pages already
 * have come from src/i18n (translator); a language without words here reads them in English.
 */
import type { EventKind } from '../../../src/schemas/notify.ts';

/** A notification's own words. */
interface Words {
  /** What happened, before the title: "Resolved: Sign-in fails". */
  heading: Record<EventKind, string>;
  /** The link's text. */
  more: string;
  /** What goes between a label and its value ("Status: Resolved"; French puts a space before the colon). */
  colon: string;
}

const WORDS: Record<string, Words> = {
  en: {
    heading: {
      'incident.opened': 'New incident: {title}',
      'incident.updated': 'Update: {title}',
      'incident.resolved': 'Resolved: {title}',
      'incident.report': 'Post-incident report: {title}',
      'maintenance.scheduled': 'Maintenance planned: {title}',
      'maintenance.updated': 'Maintenance notice: {title}',
      'maintenance.started': 'Maintenance has begun: {title}',
      'maintenance.completed': 'Maintenance completed: {title}',
      'maintenance.cancelled': 'Maintenance called off: {title}',
      // A product's status changed (webhooks send it; --dry-run shows it in words).
      'component.updated': 'Status of {product}: {to} (was {from})',
    },
    more: 'Details on the status page',
    colon: ': ',
  },
  sv: {
    heading: {
      'incident.opened': 'Ny incident: {title}',
      'incident.updated': 'Uppdatering: {title}',
      'incident.resolved': 'Löst: {title}',
      'incident.report': 'Rapport efter incidenten: {title}',
      'maintenance.scheduled': 'Planerat underhåll: {title}',
      'maintenance.updated': 'Nytt om underhållet: {title}',
      'maintenance.started': 'Underhållet har börjat: {title}',
      'maintenance.completed': 'Underhållet är klart: {title}',
      'maintenance.cancelled': 'Underhållet är inställt: {title}',
      'component.updated': 'Status för {product}: {to} (tidigare {from})',
    },
    more: 'Mer på statussidan',
    colon: ': ',
  },
  fr: {
    heading: {
      'incident.opened': 'Nouvel incident\u00a0: {title}',
      'incident.updated': 'Mise à jour\u00a0: {title}',
      'incident.resolved': 'Résolu\u00a0: {title}',
      'incident.report': 'Rapport post-incident\u00a0: {title}',
      'maintenance.scheduled': 'Maintenance programmée\u00a0: {title}',
      'maintenance.updated': 'Avis de maintenance\u00a0: {title}',
      'maintenance.started': 'La maintenance a commencé\u00a0: {title}',
      'maintenance.completed': 'Maintenance terminée\u00a0: {title}',
      'maintenance.cancelled': 'Maintenance annulée\u00a0: {title}',
      'component.updated': 'État de {product}\u00a0: {to} (auparavant {from})',
    },
    more: "Détails sur la page d'état",
    colon: '\u00a0: ',
  },
};

/** The words of a language, else English. */
export function wordsFor(lang: string): Words {
  return WORDS[lang] ?? WORDS[lang.split('-')[0]!] ?? WORDS.en!;
}
