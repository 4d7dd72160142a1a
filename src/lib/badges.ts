/**
 * The status scale seen outside the site: SVG badges (/badge.svg, /products/<id>/badge.svg),
 * shields.io endpoint documents (/shields.json, /products/<id>/shields.json) and the data of the
 * <pharos-status> widget (/embed/pharos-status.js). Words come from the site's translations, shapes
 * from STATUS_SHAPE, colours from STATUS_COLOURS: the same as on the pages.
 */
import type { SiteContent } from './content/load.ts';
import { escapeXml } from './escape.ts';
import { localize, translator } from './i18n.ts';
import { localeUrl } from './routes.ts';
import { productStatuses, STATUS_SCALE, STATUS_SHAPE, worse, type ComponentStatus } from './status.ts';
import { stableId } from './api.ts';

/**
 * The marks' colours per status, light and dark: the --s-* variables of global.css (a unit test
 * keeps the two equal). A badge draws white text on the light colour.
 */
export const STATUS_COLOURS: { light: Record<ComponentStatus, string>; dark: Record<ComponentStatus, string> } = {
  light: { operational: '#116329', under_maintenance: '#0550ae', degraded_performance: '#8a6300', partial_outage: '#bc4c00', major_outage: '#a40e26' },
  dark: { operational: '#56d364', under_maintenance: '#79c0ff', degraded_performance: '#e3b341', partial_outage: '#f0883e', major_outage: '#f85149' },
};

/** What a badge says: whose status (the site's or a product's), and the status now. */
export interface BadgeSubject {
  label: string;
  status: ComponentStatus;
  word: string;
}

/** The site's worst product status, or one product's, in the default language. */
export function badgeSubject(c: SiteContent, productId?: string): BadgeSubject {
  const locale = c.site.defaultLocale;
  const t = translator(locale);
  const statuses = productStatuses(c, c.now);
  const product = c.products.find((p) => p.id === productId);
  const status = product ? (statuses.get(product.id) ?? 'operational') : [...statuses.values()].reduce(worse, 'operational');
  const label = product ? localize(product.name, locale, locale).text : localize(c.site.name, locale, locale).text;
  return { label, status, word: t(`status.${status}`) };
}

// Text widths for an 11 px sans-serif face, wide enough for Verdana; textLength makes the glyphs fill them.
const width = (text: string) => Math.ceil([...text].length * 6.8);

/** An SVG badge: the label on grey, the status's shape and word on its colour, with a <title> for screen readers. */
export function badgeSvg(s: BadgeSubject): string {
  const label = escapeXml(s.label);
  const word = escapeXml(s.word);
  const lw = width(s.label) + 12;
  const ww = width(s.word) + 30;
  const all = `${label}: ${word}`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${lw + ww}" height="20" role="img" aria-label="${all}">` +
    `<title>${all}</title>` +
    `<rect width="${lw}" height="20" fill="#555"/><rect x="${lw}" width="${ww}" height="20" fill="${STATUS_COLOURS.light[s.status]}"/>` +
    `<g fill="#fff" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11">` +
    `<text x="6" y="14" textLength="${lw - 12}" lengthAdjust="spacingAndGlyphs">${label}</text>` +
    `<path transform="translate(${lw + 7} 5)" d="${STATUS_SHAPE[s.status]}"/>` +
    `<text x="${lw + 22}" y="14" textLength="${ww - 30}" lengthAdjust="spacingAndGlyphs">${word}</text>` +
    `</g></svg>\n`
  );
}

/** A shields.io endpoint document (https://shields.io/badges/endpoint-badge). */
export function shieldsDoc(s: BadgeSubject): { schemaVersion: 1; label: string; message: string; color: string } {
  return { schemaVersion: 1, label: s.label, message: s.word, color: STATUS_COLOURS.light[s.status].slice(1) };
}

/** What /embed/pharos-status.js knows of the site: words per language, products, shapes and colours. */
export function widgetData(c: SiteContent) {
  const { defaultLocale } = c.site;
  const codes = c.site.locales.map((l) => l.code);
  const path = (p: `/${string}`, locale: string) => localeUrl(p, locale, defaultLocale, '/').slice(1);
  return {
    scale: STATUS_SCALE,
    shapes: STATUS_SHAPE,
    colours: STATUS_COLOURS,
    defaultLocale,
    locales: Object.fromEntries(
      codes.map((locale) => {
        const t = translator(locale);
        return [
          locale,
          {
            site: localize(c.site.name, locale, defaultLocale).text,
            page: path('/', locale),
            words: Object.fromEntries(STATUS_SCALE.map((s) => [s, t(`status.${s}`)])),
            unknown: t('widget.unknown'),
          },
        ];
      }),
    ),
    products: Object.fromEntries(
      c.products.map((p) => [
        p.id,
        {
          component: stableId(`component:${p.id}`),
          names: Object.fromEntries(codes.map((l) => [l, localize(p.name, l, defaultLocale).text])),
          pages: Object.fromEntries(codes.map((l) => [l, path(`/products/${p.id}/`, l)])),
        },
      ]),
    ),
  };
}
