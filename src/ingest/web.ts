import { analyzeParsed } from '../core/analyze.ts';
import { looksLikeHtml } from '../core/parse/detect.ts';
import { parseHtml } from '../core/parse/html.ts';
import type { AnalyzedArticle, ParsedArticle } from '../core/types.ts';
import type { AppContext } from '../context.ts';
import { contentHash, type FileReport } from './files.ts';
import { FetchError, safeFetch, type FetchOptions } from './http.ts';

const PAGE_ACCEPT = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5';

/** True for arguments that name a web page rather than a file. */
export const isWebUrl = (arg: string): boolean => /^https?:\/\//i.test(arg.trim());

/** A fetched page that is not an article we can store; the message says why. */
export class PageRejectedError extends Error {
  override name = 'PageRejectedError';
}

/** RSS, RDF, Atom or JSON Feed, by content type or by the document's root element. */
export function looksLikeFeed(text: string, contentType: string): boolean {
  if (/^application\/(rss|atom|rdf|feed)\+(xml|json)$/.test(contentType)) return true;
  const head = text.slice(0, 4096).replace(/^\uFEFF/, '');
  if (/^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*|<\?[\s\S]*?\?>\s*)*<(?:rss|feed|rdf:RDF)\b/i.test(head)) return true;
  return /^\s*\{[\s\S]*"version"\s*:\s*"https?:\/\/jsonfeed\.org/i.test(head);
}

/** The fetch options every web request of this context uses. */
export function fetchOptions(ctx: AppContext, extra: Partial<FetchOptions> = {}): FetchOptions {
  return { allowPrivateNetwork: ctx.config.allowPrivateNetwork, log: ctx.log, ...extra };
}

/**
 * The URL an article is known by: the page's canonical link when it stays on the same site, else the
 * address it was fetched from; without fragment and tracking parameters.
 */
export function canonicalUrl(fetchedUrl: string, declared: string | null): string {
  const fetched = new URL(fetchedUrl);
  let chosen = fetched;
  if (declared) {
    try {
      const url = new URL(declared, fetchedUrl);
      const site = (u: URL): string => u.hostname.replace(/^www\./, '');
      if ((url.protocol === 'http:' || url.protocol === 'https:') && site(url) === site(fetched)) chosen = url;
    } catch {
      // an unreadable canonical link: keep the fetched address
    }
  }
  const clean = new URL(chosen.href);
  clean.hash = '';
  for (const key of [...clean.searchParams.keys()]) {
    if (/^(utm_\w+|fbclid|gclid|mc_cid|mc_eid)$/i.test(key)) clean.searchParams.delete(key);
  }
  return clean.href;
}

/** The store key of a web article. */
export const urlSourceKey = (url: string): string => `url:${url}`;

/** Hash of what was extracted (not the raw HTML, which changes with every ad and timestamp). */
export const articleHash = (article: AnalyzedArticle): string => contentHash(`${article.title ?? ''}\n${article.body}`);

/** Fetches a page and checks that it is HTML; throws FetchError or PageRejectedError. */
export async function fetchPage(ctx: AppContext, url: string): Promise<{ html: string; url: string }> {
  const page = await safeFetch(url, fetchOptions(ctx, { accept: PAGE_ACCEPT }));
  const type = (page.contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (/^(image|audio|video|font)\/|^application\/(pdf|zip|octet-stream)/.test(type)) {
    throw new PageRejectedError(`${page.url} is ${type}, not a web page`);
  }
  if (looksLikeFeed(page.text, type)) {
    throw new PageRejectedError(`${page.url} is a feed, not a page; add it with: quotewire feed add ${page.url}`);
  }
  if (!looksLikeHtml(page.text)) throw new PageRejectedError(`${page.url} is not an HTML page (${type || 'no content type'})`);
  return { html: page.text, url: page.url };
}

/** Extracts a fetched page; `fill` may complete what the page lacks before the analysis runs. */
export function pageArticle(html: string, url: string, timeZone: string, fill?: (parsed: ParsedArticle) => ParsedArticle): { article: AnalyzedArticle; url: string } {
  let parsed = parseHtml(html, { url, timeZone });
  if (fill) parsed = fill(parsed);
  if (!parsed.body.trim()) throw new PageRejectedError(`no article text found on ${url}`);
  const canonical = canonicalUrl(url, parsed.url);
  return { article: analyzeParsed({ ...parsed, url: canonical }, parsed.body), url: canonical };
}

/** Fetches a page and extracts its article; throws FetchError or PageRejectedError. */
export async function fetchArticle(ctx: AppContext, url: string, timeZone = ctx.config.timeZone): Promise<{ article: AnalyzedArticle; url: string }> {
  const page = await fetchPage(ctx, url);
  return pageArticle(page.html, page.url, timeZone);
}

/** Fetches, analyses and stores one page; never throws for a bad page or network trouble, reports it instead. */
export async function ingestUrl(ctx: AppContext, url: string, timeZone = ctx.config.timeZone): Promise<FileReport> {
  try {
    const { article, url: canonical } = await fetchArticle(ctx, url, timeZone);
    const saved = ctx.store.articles.save({
      article,
      contentHash: articleHash(article),
      sourceKey: urlSourceKey(canonical),
      source: { kind: 'url', locator: canonical, timeZone },
      ingestedAt: ctx.now().toISOString(),
    });
    return { path: url, status: saved.status, articleId: saved.articleId, title: article.title, warnings: article.warnings };
  } catch (error) {
    if (error instanceof PageRejectedError) ctx.log.warn({ url }, error.message);
    if (error instanceof FetchError || error instanceof PageRejectedError) return { path: url, status: 'failed', reason: error.message };
    ctx.log.error({ err: error, url }, 'page ingest failed unexpectedly');
    return { path: url, status: 'failed', reason: `could not be stored: ${(error as Error).message}` };
  }
}

/** Ingests pages one after another; every good page is stored even when others fail. */
export async function ingestUrls(ctx: AppContext, urls: string[]): Promise<FileReport[]> {
  const reports: FileReport[] = [];
  for (const url of urls) reports.push(await ingestUrl(ctx, url));
  return reports;
}
