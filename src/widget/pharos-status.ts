/**
 * <pharos-status>: the status of the whole site, or of one product, for a vendor's own app or
 * documentation. A dependency-free custom element served by the status site itself
 * (/embed/pharos-status.js, built by src/pages/embed/pharos-status.js.ts, which fills in
 * PHAROS_WIDGET from the content: words, products, shapes and colours of the one status scale).
 *
 *   <script type="module" src="https://status.example.com/embed/pharos-status.js"></script>
 *   <pharos-status product="projectplace" lang="sv"></pharos-status>
 *
 * It reads the site's /api/v2/summary.json (served with Access-Control-Allow-Origin: *), shows a
 * shape, the product (or site) name and its status word, links to the status page, and reads the
 * summary again every two minutes. Without `product` it shows the worst status of any product.
 * Text goes in with textContent only; nothing from the network becomes markup.
 */

type Status = 'operational' | 'under_maintenance' | 'degraded_performance' | 'partial_outage' | 'major_outage';

interface WidgetData {
  /** The status scale, mildest first. */
  scale: Status[];
  /** An SVG path (10 x 10 box) per status. */
  shapes: Record<Status, string>;
  /** Mark colours per status, for light and dark pages. */
  colours: { light: Record<Status, string>; dark: Record<Status, string> };
  defaultLocale: string;
  /** Per language: the site's name, its status page's path, the status words, "status unknown". */
  locales: Record<string, { site: string; page: string; words: Record<Status, string>; unknown: string }>;
  /** Per product id: its component id in the API, and per language its name and page path. */
  products: Record<string, { component: string; names: Record<string, string>; pages: Record<string, string> }>;
}

declare const PHAROS_WIDGET: WidgetData;

const data = PHAROS_WIDGET;
// The site this script came from: its API and pages, whatever page embeds it.
const site = new URL('../', import.meta.url);
const SVG = 'http://www.w3.org/2000/svg';

const css = (theme: Record<Status, string>) => data.scale.map((s) => `[data-s=${s}] svg{color:${theme[s]}}`).join('');

class PharosStatus extends HTMLElement {
  private timer: ReturnType<typeof setInterval> | undefined;
  private link: HTMLAnchorElement | undefined;

  connectedCallback(): void {
    if (!this.link) {
      const root = this.attachShadow({ mode: 'open' });
      // A constructed style sheet: a host page's Content-Security-Policy does not block it as it
      // would a <style> element.
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(
        `a{display:inline-flex;align-items:center;gap:.4em;color:inherit;font:inherit}svg{flex:none}` +
          `${css(data.colours.light)}@media (prefers-color-scheme:dark){${css(data.colours.dark)}}`,
      );
      root.adoptedStyleSheets = [sheet];
      this.link = document.createElement('a');
      this.link.part.add('link');
      root.append(this.link);
    }
    void this.refresh();
    this.timer = setInterval(() => void this.refresh(), 120_000);
  }

  disconnectedCallback(): void {
    clearInterval(this.timer);
  }

  /** The language to speak: the element's own lang, else the page's, else the site's default. */
  private locale(): string {
    const wanted = (this.closest('[lang]')?.getAttribute('lang') ?? '').toLowerCase();
    return data.locales[wanted] ? wanted : (Object.keys(data.locales).find((l) => wanted.startsWith(`${l}-`)) ?? data.defaultLocale);
  }

  private async refresh(): Promise<void> {
    const locale = this.locale();
    const words = data.locales[locale]!;
    const product = data.products[this.getAttribute('product') ?? ''];
    const name = product?.names[locale] ?? words.site;
    let status: Status | undefined;
    try {
      const response = await fetch(new URL('api/v2/summary.json', site), { cache: 'no-cache' });
      const summary = (await response.json()) as { components: { id: string; status: Status; group?: boolean }[] };
      const mine = summary.components.filter((c) => (product ? c.id === product.component : !c.group));
      status = mine.map((c) => c.status).reduce<Status | undefined>((a, b) => (a && data.scale.indexOf(a) > data.scale.indexOf(b) ? a : b), undefined);
    } catch {
      status = undefined;
    }
    this.show(name, status, words, new URL(product?.pages[locale] ?? words.page, site).href);
  }

  private show(name: string, status: Status | undefined, words: WidgetData['locales'][string], href: string): void {
    const link = this.link!;
    const word = status ? words.words[status] : words.unknown;
    link.href = href;
    link.replaceChildren();
    delete link.dataset.s;
    if (status) {
      link.dataset.s = status;
      const svg = document.createElementNS(SVG, 'svg');
      for (const [name, value] of [
        ['viewBox', '0 0 10 10'],
        ['width', '.8em'],
        ['height', '.8em'],
        ['fill', 'currentColor'],
        ['aria-hidden', 'true'],
      ])
        svg.setAttribute(name!, value!);
      const path = document.createElementNS(SVG, 'path');
      path.setAttribute('d', data.shapes[status]);
      svg.append(path);
      link.append(svg);
    }
    const text = document.createElement('span');
    text.textContent = `${name}: ${word}`;
    link.append(text);
    this.dataset.status = status ?? 'unknown';
  }
}

if (!customElements.get('pharos-status')) customElements.define('pharos-status', PharosStatus);
