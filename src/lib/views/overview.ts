/** View model of the customer-care overview: products and cadence, severities with first response, desks. */
import type { SiteContent } from '../content/load.ts';
import type { Policy } from '../../schemas/policy.ts';
import { localize, translator, type LocalizedText } from '../i18n.ts';
import { formatTarget } from '../targets.ts';
import { formatDate } from '../time.ts';

/** What the overview renders. */
export interface OverviewView {
  products: { id: string; name: string; description?: LocalizedText; cadence: LocalizedText; tenancy: string }[];
  severities: { id: string; name: LocalizedText; response?: string }[];
  desks: { id: string; name: LocalizedText; zone: string; products: string }[];
  summary: string;
  policy: string;
}

/** "Support policy revision 2021", with the day it took effect only when the policy gives one. */
export function policyRevisionText(policy: Policy, locale: string): string {
  const t = translator(locale);
  return policy.effective
    ? t('home.policyRevisionSince', { revision: policy.revision, date: formatDate(policy.effective, locale) })
    : t('home.policyRevision', { revision: policy.revision });
}

/** Builds the overview for one locale. */
export function overviewView(c: SiteContent, locale: string): OverviewView {
  const t = translator(locale);
  const def = c.site.defaultLocale;
  const loc = (v: Parameters<typeof localize>[0]) => localize(v, locale, def);
  return {
    products: c.products.map((p) => ({
      id: p.id,
      name: p.name,
      ...(p.description ? { description: loc(p.description) } : {}),
      cadence: loc(p.cadence.label),
      tenancy: t(p.tenancy === 'multi' ? 'home.tenancy.multi' : 'home.tenancy.single'),
    })),
    severities: c.severities.map((s) => {
      const response = s.targets.own.response;
      return response
        ? { id: s.id, name: loc(s.name), response: t('home.firstResponse', { target: formatTarget(response, locale) }) }
        : { id: s.id, name: loc(s.name) };
    }),
    desks: c.support.desks.map((d) => ({
      id: d.id,
      name: loc(d.name),
      zone: t('home.deskZone', { zone: d.zone }),
      products: t('home.deskProducts', { count: d.products.length }),
    })),
    summary: t('home.noticesSummary', { incidents: c.incidents.length, maintenance: c.maintenance.length }),
    policy: policyRevisionText(c.policy, locale),
  };
}
