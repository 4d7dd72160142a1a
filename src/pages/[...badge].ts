/**
 * Status badges and shields.io endpoint documents, in the default language: badge.svg and
 * shields.json for the whole site (its worst product status), products/<id>/badge.svg and
 * products/<id>/shields.json per product (src/lib/badges.ts).
 */
import type { APIRoute } from 'astro';
import { badgeSubject, badgeSvg, shieldsDoc } from '../lib/badges.ts';
import { siteContent } from '../lib/site-data.ts';

type Props = { product?: string; kind: 'svg' | 'json' };

export function getStaticPaths() {
  const both = (root: string, product?: string) => [
    { params: { badge: `${root}badge.svg` }, props: { product, kind: 'svg' } },
    { params: { badge: `${root}shields.json` }, props: { product, kind: 'json' } },
  ];
  return [...both(''), ...siteContent().products.flatMap((p) => both(`products/${p.id}/`, p.id))];
}

/** Built once, at build time, from content (the scheduled rebuild keeps it current). */
export const GET: APIRoute = ({ locals, props }) => {
  const { product, kind } = props as Props;
  const subject = badgeSubject(locals.content, product);
  return kind === 'svg'
    ? new Response(badgeSvg(subject), { headers: { 'Content-Type': 'image/svg+xml' } })
    : new Response(`${JSON.stringify(shieldsDoc(subject))}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
