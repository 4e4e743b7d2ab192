/**
 * Article metadata in the order that measured best on news pages: JSON-LD, then OpenGraph and <meta> tags,
 * then the page itself (<title>, <h1>, <time>, bylines). Values are cleaned (see html-clean.ts).
 */
import { squeezeSpaces } from '../text/normalize.ts';
import type { DomDocument } from './html-dom.ts';
import { decodeEntities } from './html-dom.ts';
import { cleanAuthors, cleanDate, cleanTitle } from './html-clean.ts';
import type { CleanDate } from './html-clean.ts';
import { jsonLdMetadata } from './html-jsonld.ts';

export interface PageMetadata {
  title: string | null;
  authors: string[];
  published: CleanDate | null;
  outlet: string | null;
  url: string | null;
  imageUrl: string | null;
}

const DATE_KEYS = [
  'article:published_time', 'article:published', 'og:published_time', 'datePublished', 'date', 'pubdate', 'publish-date',
  'parsely-pub-date', 'sailthru.date', 'dc.date', 'DC.date.issued', 'dcterms.created', 'pdate',
];

function meta(document: DomDocument, ...keys: string[]): string | null {
  for (const key of keys) {
    const el = document.querySelector(`meta[property="${key}"], meta[name="${key}"], meta[itemprop~="${key}"]`);
    const value = el?.getAttribute('content')?.trim();
    if (value) return value;
  }
  return null;
}

function metaAll(document: DomDocument, key: string): string[] {
  const els = document.querySelectorAll(`meta[property="${key}"], meta[name="${key}"]`);
  const out: string[] = [];
  for (let i = 0; i < els.length; i++) {
    const value = els[i]?.getAttribute('content')?.trim();
    if (value) out.push(value);
  }
  return out;
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

function firstAuthors(candidates: Array<Array<string | null>>, outlet: string | null): string[] {
  for (const list of candidates) {
    const authors = cleanAuthors(list.map((a) => (a ? decodeEntities(a) : a)), outlet);
    if (authors.length > 0) return authors;
  }
  return [];
}

function firstDate(candidates: Array<string | null>, zone: string): CleanDate | null {
  for (const raw of candidates) {
    const date = cleanDate(raw, zone);
    if (date) return date;
  }
  return null;
}

/** Reads the page's metadata. `pageUrl` is where the page was fetched from (to resolve relative URLs). */
export function pageMetadata(document: DomDocument, pageUrl: string | null, zone = 'UTC'): PageMetadata {
  const ld = jsonLdMetadata(document);
  const outlet = squeezeSpaces(decodeEntities(ld?.outlet ?? meta(document, 'og:site_name', 'application-name', 'publisher') ?? '')) || null;
  const rawTitle =
    ld?.title ?? meta(document, 'og:title', 'twitter:title', 'headline') ??
    firstText(document, 'h1') ?? (squeezeSpaces(document.title ?? '') || null);
  const authors = firstAuthors([
    ld?.authors ?? [],
    [meta(document, 'author', 'byl', 'parsely-author', 'sailthru.author', 'dc.creator', 'DC.creator')],
    metaAll(document, 'article:author'),
    [firstText(document, '[rel="author"]'), firstText(document, '[itemprop="author"] [itemprop="name"]'), firstText(document, '[itemprop="author"]')],
    [firstText(document, '.byline, .author-name, .byline-name, [class*="byline"]')],
  ], outlet);
  const published = firstDate([
    ld?.published ?? null,
    ...DATE_KEYS.map((key) => meta(document, key)),
    attr(document, 'time[datetime][pubdate], time[itemprop="datePublished"]', 'datetime'),
    attr(document, 'article time[datetime], time[datetime]', 'datetime'),
  ], zone);
  const canonical = ld?.url ?? attr(document, 'link[rel="canonical"]', 'href') ?? meta(document, 'og:url');
  const image = ld?.imageUrl ?? meta(document, 'og:image', 'og:image:url', 'twitter:image', 'twitter:image:src');
  return {
    title: cleanTitle(rawTitle ? decodeEntities(rawTitle) : null, outlet),
    authors,
    published,
    outlet,
    url: absoluteUrl(canonical, pageUrl) ?? absoluteUrl(pageUrl, null),
    imageUrl: absoluteUrl(image, pageUrl ?? canonical),
  };
}
