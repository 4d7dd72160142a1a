/**
 * The incident page's content as HTML text. An incident page is built once per incident and
 * language (30,000 pages for 10,000 incidents), and Astro's per-element rendering of its facts,
 * timeline and SLA table cost more than building the view itself: here the same markup is joined
 * as text. Every text from content or translations is escaped here; the HTML that arrives ready
 * (rendered Markdown, <time> elements) was sanitized or escaped where it was made.
 *
 * Styles: these elements carry no Astro scope attribute, so the incident page's styles are global
 * and the badge's live in src/styles/badge.css (its markup, and localized text's, in markup.ts).
 */
import { escapeHtml as esc } from '../escape.ts';
import { badgeHtml, localizedHtml } from './markup.ts';
import type { Ctx, IncidentPage } from './incidents.ts';

/** ` lang="xx"` when a text's language differs from the page's, else nothing. */
function langAttr(lang: string, locale: string): string {
  return lang === locale ? '' : ` lang="${esc(lang)}"`;
}

/**
 * Everything in the incident page's <main>: back link, title, facts, next update, timeline, SLA
 * table, post-incident report and feed links. `time` writes an instant as a <time> element.
 */
export function incidentMainHtml(x: Ctx, page: IncidentPage, time: (iso: string) => string): string {
  const { t, locale } = x;
  const h: string[] = [];
  h.push(`<p><a href="${esc(x.url('/incidents/'))}">${esc(t('incident.back'))}</a></p> `);
  h.push(`<h1${langAttr(page.title.lang, locale)}>${esc(page.title.text)}</h1> `);
  h.push(`<dl class="facts"> <dt>${esc(t('incident.status'))}</dt><dd>${badgeHtml(page.status, page.statusText)}</dd> `);
  h.push(`<dt>${esc(t('incident.severity'))}</dt><dd>${localizedHtml(page.severity.name, locale)}</dd> `);
  h.push(`<dt>${esc(t('incident.scope'))}</dt><dd>${esc(page.scopeText)}</dd> `);
  h.push(`<dt>${esc(t('incident.affects'))}</dt><dd><ul>${page.affects.map((a) => `<li><a href="${esc(a.href)}">${esc(a.name)}</a>: ${esc(a.impactText)}</li>`).join('')}</ul></dd> `);
  h.push(`<dt>${esc(t('incident.started'))}</dt><dd>${time(page.started.iso)}</dd> `);
  if (page.resolved) h.push(`<dt>${esc(t('incident.resolved'))}</dt><dd>${time(page.resolved.iso)}</dd>`);
  h.push(` <dt>${esc(t('incident.duration'))}</dt><dd>${esc(page.duration)}</dd> </dl>`);
  const next = page.nextUpdate;
  if (next) {
    const [before = '', after = ''] = next.text.split('{time}');
    h.push(` <p class="${next.overdue ? 'next overdue' : 'next'}">${next.at ? `${esc(before)}${time(next.at.iso)}${esc(after)}` : esc(next.text)}</p>`);
  }
  h.push(` <section aria-labelledby="timeline"> <h2 id="timeline">${esc(t('incident.timeline'))}</h2> <ol class="timeline"> `);
  for (const u of page.timeline) {
    h.push(`<li> <p class="when"><strong>${esc(u.statusText)}</strong> · ${time(u.at.iso)}</p> <div${langAttr(u.lang, locale)}>${u.html}</div> </li>`);
  }
  h.push(` </ol> </section> `);
  h.push(slaHtml(x, page.clock, time));
  if (page.reportHtml) {
    h.push(` <section aria-labelledby="report"> <h2 id="report">${esc(t('incident.report'))}</h2> <div class="report"${langAttr(page.reportLang, locale)}>${page.reportHtml}</div> </section>`);
  }
  h.push(` <ul class="feeds"> ${page.affects.map((a) => `<li><a href="${esc(x.url(`/products/${a.id}/rss.xml`))}" type="application/rss+xml">${esc(t('incident.feed', { product: a.name }))}</a></li>`).join('')} </ul>`);
  return h.join('');
}

/** The SLA clock as a table: target, due time, and met / missed / running; nothing without targets. */
function slaHtml(x: Ctx, clock: IncidentPage['clock'], time: (iso: string) => string): string {
  if (clock.rows.length === 0) return '';
  const { t } = x;
  const notes = [...new Set(clock.rows.map((r) => r.note).filter((n): n is string => Boolean(n)))];
  const rows = clock.rows.map(
    (r) => `<tr> <th scope="row">${esc(r.label)}</th> <td>${esc(r.target)}${r.note ? ' *' : ''}</td> <td>${r.due ? time(r.due.iso) : '—'}</td> <td class="o-${esc(r.outcome)}">${esc(r.outcomeText)}</td> </tr>`,
  );
  return (
    `<section class="sla" aria-labelledby="sla"> <h2 id="sla">${esc(t('sla.title'))}</h2> <p class="muted">${esc(clock.intro)}</p> <div class="scroll"> <table> ` +
    `<thead><tr><th scope="col"><span class="visually-hidden">${esc(t('table.promise'))}</span></th><th scope="col">${esc(t('sla.target'))}</th><th scope="col">${esc(t('sla.due'))}</th><th scope="col">${esc(t('sla.outcome'))}</th></tr></thead> ` +
    `<tbody> ${rows.join('')} </tbody> </table> </div> ${notes.map((n) => `<p class="muted">* ${esc(n)}</p>`).join('')} </section>`
  );
}
