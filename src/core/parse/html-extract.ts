/**
 * Main-text extraction: @mozilla/readability on a linkedom document, its content turned into paragraphs
 * by html-text.ts, with a fallback for pages where Readability finds nothing or too little.
 */
import { Readability } from '@mozilla/readability';
import type { DomDocument, DomElement, DomNode } from './html-dom.ts';
import { parseDocument } from './html-dom.ts';
import { textBlocksOf } from './html-text.ts';
import { withoutBoilerplate } from './html-boilerplate.ts';

export interface Extraction {
  paragraphs: string[];
  /** Which method produced the text. */
  method: 'readability' | 'fallback' | 'none';
  /** Readability's byline, when it found one. */
  byline: string | null;
}

const MIN_TEXT = 200;

/** Extracts the article's paragraphs. Mutates `document` (Readability does), so pass a fresh one. */
export function extractMainText(document: DomDocument, html: string): Extraction {
  let byline: string | null = null;
  let paragraphs: string[] = [];
  preClean(document);
  const marked = markedBodyText(document);
  const lead = leadArticleText(document);
  try {
    const reader = new Readability(document as never, { serializer: (node: unknown) => node as DomNode });
    const result = reader.parse();
    byline = result?.byline ?? null;
    if (result?.content) {
      const several = (result.content as DomElement).querySelectorAll('article').length >= 3;
      paragraphs = several && lead ? lead : withoutBoilerplate(textBlocksOf(result.content, { skip: isNoise })).map((b) => b.text);
    }
  } catch {
    paragraphs = [];
  }
  if (marked && isTighter(marked, paragraphs)) return { paragraphs: marked, method: 'readability', byline };
  if (totalLength(paragraphs) >= MIN_TEXT) return { paragraphs, method: 'readability', byline };
  const fallback = fallbackText(parseDocument(html));
  if (totalLength(fallback) > totalLength(paragraphs)) return { paragraphs: fallback, method: 'fallback', byline };
  return { paragraphs, method: paragraphs.length > 0 ? 'readability' : 'none', byline };
}

const MARKED_MIN = 500;
const MARKED_SHARE = 0.5;

/**
 * The marked body replaces Readability's text when it is a tighter cut of it: not longer, at least half as long,
 * and long enough to be an article (measured: only ever removed related posts, bios and footers on the dev pages).
 */
function isTighter(marked: string[], readability: string[]): boolean {
  const m = totalLength(marked);
  const r = totalLength(readability);
  return m >= MARKED_MIN && m <= r && m >= MARKED_SHARE * r;
}
const BODY_CLASS = /(?:^|[\s_-])(?:article|entry|post|story)[-_]?(?:body|content|text)(?:$|[\s_-])/i;

/** The text of the one element the page marks as its article body (itemprop or a conventional class), if any. */
function markedBodyText(document: DomDocument): string[] | null {
  let found = Array.from(document.querySelectorAll('[itemprop="articleBody"]'));
  if (found.length === 0) {
    found = Array.from(document.querySelectorAll('div[class], section[class], article[class]')).filter((el) => BODY_CLASS.test(el.getAttribute('class') ?? ''));
    found = found.filter((el) => !found.some((other) => other !== el && contains(other, el)));
  }
  if (found.length !== 1) return null;
  return withoutBoilerplate(textBlocksOf(found[0] as DomElement, { skip: isNoise })).map((b) => b.text);
}

function contains(ancestor: DomElement, node: DomElement): boolean {
  for (let p = node.parentNode; p; p = p.parentNode) if (p === ancestor) return true;
  return false;
}

/**
 * A post followed by other posts: the page's first <article> differs in class from the <article> elements after
 * it (the others are teasers of other posts). Live blogs, whose updates share one class, do not qualify. Used
 * when Readability's pick holds three or more <article> elements.
 */
function leadArticleText(document: DomDocument): string[] | null {
  const articles = Array.from(document.querySelectorAll('article'));
  if (articles.length < 3) return null;
  const [first, ...rest] = articles as [DomElement, ...DomElement[]];
  if (rest.some((a) => contains(first, a))) return null;
  const signature = (el: DomElement): string => (el.getAttribute('class') ?? '').split(/\s+/).filter((c) => c && !/\d/.test(c)).sort().join(' ');
  const own = signature(first);
  if (rest.filter((a) => signature(a) === own).length * 2 >= rest.length) return null;
  const text = withoutBoilerplate(textBlocksOf(first, { skip: isNoise })).map((b) => b.text);
  return totalLength(text) >= MARKED_MIN ? text : null;
}

const PRE_REMOVE = 'nav, aside, [role="navigation"], [role="complementary"]';

/** Removes navigation and asides before Readability scores the page (footers and headers: measured no gain or a loss). */
function preClean(document: DomDocument): void {
  const junk = document.querySelectorAll(PRE_REMOVE);
  for (let i = junk.length - 1; i >= 0; i--) junk[i]?.remove();
}

function totalLength(paragraphs: string[]): number {
  return paragraphs.reduce((sum, p) => sum + p.length, 0);
}

function isNoise(element: DomElement): boolean {
  const tag = element.nodeName.toUpperCase();
  if (tag === 'FIGCAPTION') return true;
  return tag === 'SPAN' && isLinkCluster(element);
}

/** An inline box of three or more links and little else: a hover card or a "related" strip inside a paragraph. */
function isLinkCluster(element: DomElement): boolean {
  const links = element.querySelectorAll('a');
  if (links.length < 3) return false;
  const total = (element.textContent ?? '').replace(/\s+/g, '').length;
  let linked = 0;
  for (let i = 0; i < links.length; i++) linked += (links[i]?.textContent ?? '').replace(/\s+/g, '').length;
  return total > 0 && linked / total >= 0.9;
}

const BOILERPLATE_TAGS = 'nav, header, footer, aside, form, script, style, noscript, [role="navigation"], [role="banner"], [role="contentinfo"], [aria-hidden="true"]';

/** The text of the page's <article> or <main> (else <body>), without navigation, header, footer and asides. */
function fallbackText(document: DomDocument): string[] {
  const root = document.querySelector('article') ?? document.querySelector('main') ?? document.body;
  if (!root) return [];
  const junk = root.querySelectorAll(BOILERPLATE_TAGS);
  for (let i = junk.length - 1; i >= 0; i--) junk[i]?.remove();
  return withoutBoilerplate(textBlocksOf(root))
    .map((b) => b.text)
    .filter((p) => p.split(/\s+/).length >= 4 || /[.!?]["”’]?$/.test(p));
}
