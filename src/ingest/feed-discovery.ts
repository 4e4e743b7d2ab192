import { absoluteUrl } from '../core/parse/html-metadata.ts';

const FEED_TYPES = /^application\/(?:rss\+xml|atom\+xml|feed\+json|rdf\+xml)$/i;

function attribute(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  const value = m?.[1] ?? m?.[2] ?? m?.[3];
  return value === undefined ? null : value.replace(/&amp;/g, '&').trim();
}

/**
 * The feeds a web page announces with `<link rel="alternate" type="application/rss+xml" href="...">` (also Atom,
 * RDF and JSON Feed), as absolute http(s) URLs in page order.
 */
export function discoverFeeds(html: string, pageUrl: string): string[] {
  const head = html.slice(0, 200_000);
  const found: string[] = [];
  for (const [tag] of head.matchAll(/<link\b[^>]*>/gi)) {
    const rel = (attribute(tag, 'rel') ?? '').toLowerCase().split(/\s+/);
    const type = attribute(tag, 'type') ?? '';
    if (!rel.includes('alternate') || !FEED_TYPES.test(type)) continue;
    const url = absoluteUrl(attribute(tag, 'href'), pageUrl);
    if (url && !found.includes(url)) found.push(url);
  }
  return found;
}
