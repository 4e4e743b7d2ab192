/**
 * HTML page -> ParsedArticle: the main text (Readability on linkedom, with a fallback) as paragraphs, and the
 * metadata from JSON-LD, OpenGraph/meta and the page. Pure: the caller fetches the page.
 */
import type { ParsedArticle } from '../types.ts';
import { decodeEntities, parseDocument } from './html-dom.ts';
import type { DomNode } from './html-dom.ts';
import { extractMainText } from './html-extract.ts';
import { pageMetadata } from './html-metadata.ts';
import { leadCaption } from './html-caption.ts';
import { cleanAuthors, cleanDate } from './html-clean.ts';
import { blocksOf, joinParagraphs } from './html-text.ts';

export interface ParseHtmlOptions {
  /** Where the page came from: resolves relative links and is the URL when the page names no canonical one. */
  url?: string | null;
  /** IANA zone for timestamps written without an offset (default UTC; marked as assumed). */
  timeZone?: string;
}

/** Parses an HTML page into an article: main text with paragraph spans into `body`, plus cleaned metadata. */
export function parseHtml(html: string, options: ParseHtmlOptions = {}): ParsedArticle {
  const zone = options.timeZone ?? 'UTC';
  const warnings: string[] = [];
  const document = parseDocument(html);
  const meta = pageMetadata(document, options.url ?? null, zone);
  const lead = leadCaption(document);
  const extraction = extractMainText(document, html);
  const authors = meta.authors.length > 0 ? meta.authors : cleanAuthors([extraction.byline], meta.outlet);
  let blocks = withoutHeader(extraction.paragraphs, meta.title, authors);
  const fromJsonLd = meta.articleBody ? jsonLdParagraphs(meta.articleBody) : [];
  const useJsonLd = textLength(blocks) < MIN_TEXT && textLength(fromJsonLd) > textLength(blocks);
  if (useJsonLd) blocks = fromJsonLd;
  const { text: body, paragraphs } = joinParagraphs(blocks);
  if (!body) warnings.push('no article text found');
  else if (useJsonLd) warnings.push('main text taken from the JSON-LD articleBody: the page shows too little');
  else if (extraction.method === 'fallback') warnings.push('main text taken from the whole page: Readability found too little');

  let title = meta.title;
  let titleGenerated = false;
  if (!title && paragraphs[0]) {
    title = ledeTitle(body.slice(paragraphs[0].start, paragraphs[0].end));
    titleGenerated = true;
  }
  if (!meta.published) warnings.push('no publication date found');
  return {
    title,
    titleGenerated,
    date: meta.published?.date ?? null,
    publishedAt: meta.published?.publishedAt ?? null,
    timeZone: meta.published?.timeZone ?? zone,
    timeZoneAssumed: meta.published?.timeZoneAssumed ?? true,
    dateline: null,
    author: authors[0] ?? null,
    authors,
    outlet: meta.outlet,
    caption: lead.caption,
    photoCredit: lead.photoCredit,
    url: meta.url,
    imageUrl: meta.imageUrl,
    body,
    paragraphs,
    warnings,
  };
}

const MIN_TEXT = 200;

const textLength = (blocks: string[]): number => blocks.reduce((sum, b) => sum + b.length, 0);

/** JSON-LD articleBody as paragraphs: it may be plain text with line breaks or a fragment of HTML. */
function jsonLdParagraphs(articleBody: string): string[] {
  const text = /<\/?(?:p|br|div)\b/i.test(articleBody) ? blocksOf(parseDocument(articleBody).body as DomNode) : articleBody.split(/\n\s*\n|\r?\n/);
  return text.map((p) => decodeEntities(p).replace(/\s+/g, ' ').trim()).filter(Boolean);
}

/**
 * Drops the headline, byline and date lines that open the extracted text (the first three blocks), and the
 * headline (alone or after a breadcrumb) among the first five.
 */
function withoutHeader(blocks: string[], title: string | null, authors: string[]): string[] {
  let start = 0;
  while (start < Math.min(3, blocks.length)) {
    const block = blocks[start] as string;
    const isTitle = title !== null && sameText(block, title);
    if (!isTitle && !isBylineOrDate(block, authors)) break;
    start++;
  }
  const rest = start < blocks.length ? blocks.slice(start) : blocks;
  if (!title) return rest;
  return rest.filter((block, i) => i >= 5 || !isHeadline(block, title));
}

function isHeadline(block: string, title: string): boolean {
  if (sameText(block, title)) return true;
  const b = normalized(block).replace(/ /g, '');
  const t = normalized(title).replace(/ /g, '');
  return t.length >= 20 && b.endsWith(t) && b.length - t.length <= 60;
}

function isBylineOrDate(block: string, authors: string[]): boolean {
  if (block.length > 120) return false;
  if (/^(?:written\s+|posted\s+|reported\s+)?by\s+\p{Lu}/iu.test(block) && block.split(/\s+/).length <= 14) return true;
  if (authors.length > 0 && authors.every((a) => block.includes(a)) && block.split(/\s+/).length <= authors.length * 4 + 4) return true;
  return !/[.!?]["”’]?$/.test(block) && cleanDate(block.replace(/^(?:published|updated|posted)(?:\s+on)?:?\s*/i, '')) !== null;
}

const normalized = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

function sameText(a: string, b: string): boolean {
  return normalized(a) === normalized(b);
}

/** A title written from the lede: its first sentence, cut at a word boundary near 100 characters. */
function ledeTitle(lede: string): string {
  const sentence = /^.*?[.!?](?=\s|$)/.exec(lede)?.[0] ?? lede;
  if (sentence.length <= 100) return sentence;
  const cut = sentence.slice(0, 100);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 40)).trimEnd()}…`;
}
