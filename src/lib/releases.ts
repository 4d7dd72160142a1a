/**
 * Published releases and which of them are supported, from content/releases/ and the support
 * window in policy.yaml: a single-tenant product supports its latest `singleTenant` releases, a
 * multi-tenant one its latest `multiTenant`. An older release's support ended on the day of the
 * release that pushed it out of the window (with a window of 2, release n+2 ends release n).
 *
 * A release is published once its date has come in the product's zone (the cadence's zone, else
 * the site's); a release file may list a planned one ahead of "now", which is then left out.
 */
import type { SiteContent } from './content/load.ts';
import type { Product } from '../schemas/products.ts';
import type { Policy } from '../schemas/policy.ts';
import type { Release } from '../schemas/releases.ts';
import type { Localized } from '../schemas/common.ts';
import { cadenceZone, isRecurring, localToday, nextReleaseDates, type LocalDate } from './cadence.ts';

/** One published release and its support status. */
export interface VersionStatus {
  /** Product id. */
  product: string;
  version: string;
  /** Day it reached customers. */
  date: LocalDate;
  /** Its release notes, when content links them. */
  notes?: string;
  /** One line on what it brings. */
  summary?: Localized;
  /** The newest published release. */
  latest: boolean;
  /** Inside the support window. */
  supported: boolean;
  /** Unsupported only: the day support ended, the date of the release that pushed it out. */
  supportEnded?: LocalDate;
  /** Unsupported only: the version that pushed it out. */
  endedBy?: string;
  /** Supported only: the planned date of the release that will push it out of the window (none for continuous delivery). */
  supportEnds?: LocalDate;
  /** Fragment id for this version on the product page (`#${anchor}`), also the feed items' link target. */
  anchor: string;
  /** An invented sample release (`sample: true`): pages mark it. */
  sample?: true;
}

/** How many releases the policy supports for a product (its tenancy decides). */
export function supportWindow(product: Pick<Product, 'tenancy'>, policy: Pick<Policy, 'supportWindow'>): number {
  return product.tenancy === 'multi' ? policy.supportWindow.multiTenant : policy.supportWindow.singleTenant;
}

/** The support status of each release, newest first; `releases` must be newest first. */
export function versionStatuses(product: string, releases: readonly Release[], window: number): VersionStatus[] {
  return releases.map((r, i) => {
    // The release `window` places newer is the one whose arrival left this one outside.
    const pusher = i >= window ? releases[i - window] : undefined;
    return {
      product,
      version: r.version,
      date: r.date,
      ...(r.notes !== undefined ? { notes: r.notes } : {}),
      ...(r.summary !== undefined ? { summary: r.summary } : {}),
      latest: i === 0,
      supported: i < window,
      ...(pusher ? { supportEnded: pusher.date, endedBy: pusher.version } : {}),
      anchor: releaseAnchor(r.version),
      ...(r.sample ? { sample: true as const } : {}),
    };
  });
}

/** A product's published releases at the build's "now", newest first (ties keep file order). */
export function publishedReleases(c: Pick<SiteContent, 'products' | 'releases' | 'now' | 'site'>, productId: string): Release[] {
  const product = c.products.find((p) => p.id === productId);
  if (!product) return [];
  const today = localToday(c.now, cadenceZone(product.cadence, c.site.timeZone));
  return (c.releases[productId] ?? []).filter((r) => r.date <= today);
}

/** Everything a page says about a product's releases. */
export interface ProductReleases {
  product: Product;
  /** Releases the policy supports for it. */
  window: number;
  /** Published releases, newest first. */
  versions: VersionStatus[];
  /** The supported ones, newest first. */
  supported: VersionStatus[];
  /** The unsupported ones, newest first. */
  unsupported: VersionStatus[];
  /** The newest published release, if content has any. */
  latest?: VersionStatus;
  /** The next planned release date (today included) in the product's zone; none for continuous delivery. */
  next?: LocalDate;
  /** Continuous delivery: no dates; say `product.cadence.label` instead. */
  continuous: boolean;
}

/** A product's releases, their support and its next date, at the build's "now"; undefined for an unknown id. */
export function productReleases(c: Pick<SiteContent, 'products' | 'releases' | 'now' | 'site' | 'policy'>, productId: string): ProductReleases | undefined {
  const product = c.products.find((p) => p.id === productId);
  if (!product) return undefined;
  const window = supportWindow(product, c.policy);
  const versions = versionStatuses(product.id, publishedReleases(c, product.id), window);
  // Planned dates after the newest published release: the k-th of them ends the release k places inside the window's edge.
  const planned = nextReleaseDates(product.cadence, c.now, window + 1).filter((d) => versions[0] === undefined || d > versions[0].date);
  versions.forEach((v, i) => {
    const ends = i < window ? planned[window - i - 1] : undefined;
    if (ends !== undefined) v.supportEnds = ends;
  });
  const next = nextReleaseDate(product, c.now);
  return {
    product,
    window,
    versions,
    supported: versions.filter((v) => v.supported),
    unsupported: versions.filter((v) => !v.supported),
    ...(versions[0] ? { latest: versions[0] } : {}),
    ...(next !== undefined ? { next } : {}),
    continuous: !isRecurring(product.cadence),
  };
}

/** The newest published release of a product, if any. */
export function latestRelease(c: Pick<SiteContent, 'products' | 'releases' | 'now' | 'site'>, productId: string): Release | undefined {
  return publishedReleases(c, productId)[0];
}

/** A product's next planned release date, today included; undefined for continuous delivery or a rule that has ended. */
export function nextReleaseDate(product: Pick<Product, 'cadence'>, now: string): LocalDate | undefined {
  return nextReleaseDates(product.cadence, now, 1)[0];
}

/** The fragment id of a version on its product page: "release-" and the version, lower case, other characters as "-". */
export function releaseAnchor(version: string): string {
  return `release-${version.toLowerCase().replace(/[^a-z0-9._-]+/g, '-')}`;
}
