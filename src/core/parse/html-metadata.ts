/**
 * Article metadata in the order that measured best on news pages: JSON-LD, then OpenGraph and <meta> tags,
 * then the page itself (<title>, <h1>, <time>, bylines). Values are cleaned (see html-clean.ts).
 */
import { squeezeSpaces } from '../text/normalize.ts';
import type { DomDocument, DomElement } from './html-dom.ts';
import { decodeEntities } from './html-dom.ts';
import { cleanAuthors, cleanDate, cleanTitle, titleSiteName } from './html-clean.ts';
import type { CleanDate } from './html-clean.ts';
import { jsonLdMetadata } from './html-jsonld.ts';

export interface PageMetadata {
  title: string | null;
  authors: string[];
  published: CleanDate | null;
  outlet: string | null;
  url: string | null;
  imageUrl: string | null;
  /** JSON-LD articleBody, as written (may hold HTML or entities). */
  articleBody: string | null;
}

const DATE_KEYS = [
  'article:published_time', 'article:published', 'og:published_time', 'datePublished', 'date', 'pubdate', 'publish-date',
  'parsely-pub-date', 'sailthru.date', 'dc.date', 'DC.date.issued', 'dcterms.created', 'pdate',
];

/** Every <meta> content by lower-cased property, name and itemprop token, in page order (one pass). */
type MetaIndex = Map<string, string[]>;

function metaIndex(document: DomDocument): MetaIndex {
  const index: MetaIndex = new Map();
  const els = document.querySelectorAll('meta[content]');
  for (let i = 0; i < els.length; i++) {
    const el = els[i] as DomElement;
    const content = el.getAttribute('content')?.trim();
    if (!content) continue;
    const keys = [el.getAttribute('property'), el.getAttribute('name'), ...(el.getAttribute('itemprop') ?? '').split(/\s+/)];
    for (const key of keys) {
      if (!key) continue;
      const k = key.toLowerCase();
      const list = index.get(k);
      if (list) list.push(content);
      else index.set(k, [content]);
    }
  }
  return index;
}

function meta(index: MetaIndex, ...keys: string[]): string | null {
  for (const key of keys) {
    const value = index.get(key.toLowerCase())?.[0];
    if (value) return value;
  }
  return null;
}

function firstText(document: DomDocument, selector: string): string | null {
  const value = squeezeSpaces(document.querySelector(selector)?.textContent ?? '');
  return value || null;
}

function attr(document: DomDocument, selector: string, name: string): string | null {
  return document.querySelector(selector)?.getAttribute(name)?.trim() || null;
}

/** Resolves `href` against `base`; returns null for anything that is not http(s). */
export function absoluteUrl(href: string | null | undefined, base: string | null | undefined): string | null {
  if (!href) return null;
  try {
    const url = base ? new URL(href.trim(), base) : new URL(href.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function firstAuthors(candidates: Array<() => Array<string | null>>, outlet: string | null): string[] {
  for (const candidate of candidates) {
    const authors = cleanAuthors(candidate().map((a) => (a ? decodeEntities(a) : a)), outlet);
    if (authors.length > 0) return authors;
  }
  return [];
}

function firstDate(candidates: Array<() => string | null>, zone: string): CleanDate | null {
  for (const candidate of candidates) {
    const date = cleanDate(candidate(), zone);
    if (date) return date;
  }
  return null;
}

const IMAGE_SELECTOR = 'article figure img, article img, main figure img, main img, figure img';
const MIN_IMAGE_SIDE = 100;

/** The article's first picture that is not an icon or a spacer, as the page gives it (src, data-src or srcset). */
function pageImage(document: DomDocument): string | null {
  const images = document.querySelectorAll(IMAGE_SELECTOR);
  for (let i = 0; i < images.length; i++) {
    const img = images[i] as DomElement;
    const sides = [img.getAttribute('width'), img.getAttribute('height')].map((v) => Number.parseInt(v ?? '', 10));
    if (sides.some((side) => Number.isFinite(side) && side < MIN_IMAGE_SIDE)) continue;
    const src = img.getAttribute('src')?.trim() || img.getAttribute('data-src')?.trim() || img.getAttribute('srcset')?.trim().split(/\s+/)[0];
    if (!src || /^data:/i.test(src) || /\.svg(?:[?#]|$)/i.test(src)) continue;
    return src;
  }
  return null;
}

/** An outlet name as pages give it; null for a social handle or a URL, which name no outlet. */
function siteName(raw: string | null | undefined): string | null {
  const name = squeezeSpaces(decodeEntities(raw ?? ''));
  return name && !/^(?:@|https?:|www\.)/i.test(name) ? name : null;
}

/** Reads the page's metadata. `pageUrl` is where the page was fetched from (to resolve relative URLs). */
export function pageMetadata(document: DomDocument, pageUrl: string | null, zone = 'UTC'): PageMetadata {
  const ld = jsonLdMetadata(document);
  const metas = metaIndex(document);
  const outlet = siteName(ld?.outlet) ?? siteName(meta(metas, 'og:site_name', 'application-name', 'publisher')) ?? titleSiteName(document.title);
  const rawTitle =
    ld?.title ?? meta(metas, 'og:title', 'twitter:title', 'headline') ??
    firstText(document, 'h1') ?? (squeezeSpaces(document.title ?? '') || null);
  const authors = firstAuthors([
    () => ld?.authors ?? [],
    () => [meta(metas, 'author', 'byl', 'parsely-author', 'sailthru.author', 'dc.creator')],
    () => metas.get('article:author') ?? [],
    () => [firstText(document, '[rel="author"]'), firstText(document, '[itemprop="author"] [itemprop="name"]'), firstText(document, '[itemprop="author"]')],
    () => [firstText(document, '.byline, .author-name, .byline-name, [class*="byline"]')],
  ], outlet);
  const published = firstDate([
    () => ld?.published ?? null,
    ...DATE_KEYS.map((key) => () => meta(metas, key)),
    () => attr(document, 'time[datetime][pubdate], time[itemprop="datePublished"]', 'datetime'),
    () => attr(document, 'article time[datetime], time[datetime]', 'datetime'),
  ], zone);
  const canonical = ld?.url ?? attr(document, 'link[rel="canonical"]', 'href') ?? meta(metas, 'og:url');
  const image = ld?.imageUrl ?? meta(metas, 'og:image', 'og:image:url', 'twitter:image', 'twitter:image:src') ?? pageImage(document);
  return {
    title: cleanTitle(rawTitle ? decodeEntities(rawTitle) : null, outlet),
    authors,
    published,
    outlet,
    url: absoluteUrl(canonical, pageUrl) ?? absoluteUrl(pageUrl, null),
    imageUrl: absoluteUrl(image, pageUrl ?? canonical),
    articleBody: ld?.articleBody ?? null,
  };
}
