/** View models of the customer-care policy pages: index, severity levels, case types, policy history. */
import type { SeverityLevel } from '../../schemas/severities.ts';
import { inLanguage, type LocalizedText } from '../i18n.ts';
import { markdownToHtml } from '../markdown.ts';
import { TARGET_KEYS, describeTarget, formatTarget, type TargetKey } from '../targets.ts';
import { formatDate } from '../time.ts';
import type { Ctx } from './incidents.ts';
import { policyRevisionText } from './overview.ts';

/** Localized content text rendered as inline-safe HTML (links in policy text become links). */
export interface Rich {
  html: string;
  lang: string;
}

function rich(x: Ctx, value: Parameters<Ctx['loc']>[0]): Rich {
  const l = x.loc(value);
  return { html: markdownToHtml(l.text), lang: l.lang };
}

/** A severity level with its targets side by side. */
export interface LevelView {
  id: string;
  name: LocalizedText;
  definition: Rich[];
  examples: Rich[];
  /** The examples are invented illustrations (marked as sample). */
  sampleExamples: boolean;
  rows: { key: TargetKey; label: string; own: string; thirdParty: string; ownWait: boolean; thirdPartyWait: boolean }[];
}

/** Builds a level's view; `x.t` labels the rows. */
export function levelView(x: Ctx, level: SeverityLevel): LevelView {
  const cell = (scope: 'own' | 'third-party', key: TargetKey) => {
    const target = level.targets[scope][key];
    return target ? describeTarget(target, key, x.locale, x.c.site.defaultLocale) : x.t('severity.noTarget');
  };
  return {
    id: level.id,
    name: x.loc(level.name),
    definition: level.definition.map((d) => rich(x, d)),
    examples: level.examples.map((e) => rich(x, e)),
    sampleExamples: level.sampleExamples === true,
    rows: TARGET_KEYS.filter((k) => level.targets.own[k] || level.targets['third-party'][k]).map((key) => ({
      key,
      label: x.t(`sla.${key}`),
      own: cell('own', key),
      thirdParty: cell('third-party', key),
      ownWait: level.targets.own[key]?.excludesCustomerWait ?? false,
      thirdPartyWait: level.targets['third-party'][key]?.excludesCustomerWait ?? false,
    })),
  };
}

/** The severity page. */
export function severityView(x: Ctx) {
  return {
    levels: x.c.severities.map((l) => levelView(x, l)),
    notes: x.c.severityNotes.map((n) => rich(x, n)),
    noTargets: x.c.policy.noTargets.map((n) => rich(x, n)),
    severityChange: x.c.policy.severityChange.map((n) => rich(x, n)),
  };
}

/** The case-types page. */
export function caseTypesView(x: Ctx) {
  return x.c.caseTypes.map((ct) => ({
    id: ct.id,
    name: x.loc(ct.name),
    description: rich(x, ct.description),
    example: rich(x, ct.example),
    sampleExample: ct.sampleExample === true,
    fitsWhen: x.loc(ct.fitsWhen),
    /** true or false where the policy says whether the severity targets apply; undefined where it does not. */
    targetsApply: ct.targetsApply,
    targetsNote: ct.targetsNote ? x.loc(ct.targetsNote) : undefined,
    routedTo: ct.routedTo ? x.loc(ct.routedTo) : undefined,
  }));
}

/** Each product's release-notes link, with the language of its pages when it is not the reader's ("in English"). */
function releaseNotesLinks(x: Ctx): Record<string, { url: string; lang?: string; note?: string }> {
  return Object.fromEntries(
    x.c.products.flatMap((q) => {
      if (!q.releaseNotes) return [];
      const lang = q.releaseNotesLanguage;
      if (!lang || lang === x.locale) return [[q.id, { url: q.releaseNotes }]];
      return [[q.id, { url: q.releaseNotes, lang, note: inLanguage(x.locale, lang) }]];
    }),
  );
}

/** The customer-care index. */
export function supportView(x: Ctx) {
  const p = x.c.policy;
  const multi = x.c.products.filter((q) => q.tenancy === 'multi').map((q) => q.name);
  return {
    revision: policyRevisionText(p, x.locale),
    scope: p.scope ? rich(x, p.scope) : undefined,
    includedServices: p.includedServices.map((n) => rich(x, n)),
    openingCases: p.openingCases.map((n) => rich(x, n)),
    solutionProvided: p.lifecycle.solutionProvided.map((n) => rich(x, n)),
    acceptance: p.lifecycle.acceptance ? rich(x, p.lifecycle.acceptance) : undefined,
    closed: x.t('support.closed', { wait: formatTarget(p.lifecycle.closeAfter, x.locale), followUps: p.lifecycle.followUps }),
    reopenable: p.lifecycle.reopenable,
    releasesSingle: x.t('support.releasesSingle', { count: p.supportWindow.singleTenant }),
    releasesMulti: multi.length > 0 ? x.t('support.releasesMulti', { products: multi.join(', '), count: p.supportWindow.multiTenant }) : undefined,
    unsupported: rich(x, p.supportWindow.unsupported),
    releaseNotes: releaseNotesLinks(x),
    exclusionsIntro: p.exclusionsIntro ? rich(x, p.exclusionsIntro) : undefined,
    exclusions: p.exclusions.map((e) => ({ name: x.loc(e.name), description: rich(x, e.description) })),
    noTargets: p.noTargets.map((n) => rich(x, n)),
    statusPage: p.statusPage ? rich(x, p.statusPage) : undefined,
  };
}

/** The policy-history page for the most recent previous revision. */
export function policyHistoryView(x: Ctx) {
  return x.c.history.map((rev) => ({
    revision: rev.revision,
    intro: rev.published
      ? x.t('policyHistory.intro', { revision: rev.revision, date: formatDate(rev.published, x.locale), current: x.c.policy.revision })
      : x.t('policyHistory.introUndated', { revision: rev.revision, current: x.c.policy.revision }),
    changes: rev.changes.map((n) => rich(x, n)),
    levels: rev.levels.map((l) => levelView(x, l)),
    noTargets: rev.noTargets.map((n) => rich(x, n)),
  }));
}
