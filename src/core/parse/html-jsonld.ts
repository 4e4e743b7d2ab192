/**
 * Article metadata from JSON-LD (schema.org NewsArticle and its relatives), the most reliable source on news
 * pages. Tolerates @graph, arrays, nested objects and invalid blocks (skipped).
 */
import type { DomDocument } from './html-dom.ts';

export interface RawMetadata {
  title: string | null;
  authors: string[];
  published: string | null;
  outlet: string | null;
  url: string | null;
  imageUrl: string | null;
  /** The article's text when the page puts it in JSON-LD (often the only text on script-rendered pages). */
  articleBody: string | null;
}

const ARTICLE_TYPES = /^(?:NewsArticle|Article|BlogPosting|Blog|ReportageNews|AnalysisNewsArticle|OpinionNewsArticle|ReviewNewsArticle|BackgroundNewsArticle|LiveBlogPosting|TechArticle|ScholarlyArticle|Report|SocialMediaPosting|WebPage|VideoObject)$/;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typesOf(node: Json): string[] {
  const type = node['@type'];
  return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string');
}

function collect(value: unknown, out: Json[]): void {
  if (Array.isArray(value)) {
    for (const item of value) collect(item, out);
  } else if (isObject(value)) {
    out.push(value);
    if (value['@graph']) collect(value['@graph'], out);
  }
}

function text(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return text(value[0]);
  if (isObject(value)) return text(value['name'] ?? value['@value'] ?? value['url'] ?? value['@id']);
  return null;
}

function names(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(names);
  if (typeof value === 'string') return value.trim() ? [value.trim()] : [];
  if (isObject(value)) {
    const name = value['name'];
    return typeof name === 'string' && name.trim() ? [name.trim()] : [];
  }
  return [];
}

function rank(node: Json): number {
  const types = typesOf(node);
  if (types.some((t) => /NewsArticle|ReportageNews|BlogPosting/.test(t))) return 3;
  if (types.some((t) => t.endsWith('Article'))) return 2;
  if (types.some((t) => ARTICLE_TYPES.test(t))) return 1;
  return 0;
}

/** Parses every JSON-LD block of the page and reads the best article-like node. */
export function jsonLdMetadata(document: DomDocument): RawMetadata | null {
  const nodes: Json[] = [];
  const scripts = document.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length; i++) {
    const source = (scripts[i]?.textContent ?? '').trim().replace(/^<!--|-->$/g, '');
    try {
      collect(JSON.parse(source), nodes);
    } catch {
      // A broken block on the page: the other sources still apply.
    }
  }
  const best = nodes.filter((n) => rank(n) > 0).sort((a, b) => rank(b) - rank(a))[0];
  if (!best) return null;
  const publisher = orgName(best['publisher'], nodes) ?? orgName(nodes.find((n) => typesOf(n).includes('NewsMediaOrganization')), nodes);
  const page = best['mainEntityOfPage'];
  return {
    title: text(best['headline']) ?? (rank(best) >= 2 ? text(best['name']) : null),
    authors: names(resolve(best['author'] ?? best['creator'], nodes)),
    published: text(best['datePublished']) ?? text(best['dateCreated']) ?? text(best['uploadDate']),
    outlet: publisher,
    url: (typeof best['url'] === 'string' ? best['url'] : null) ?? (isObject(page) ? text(page['@id']) : text(page)),
    imageUrl: imageOf(best['image'] ?? best['thumbnailUrl']),
    articleBody: typeof best['articleBody'] === 'string' ? best['articleBody'] : null,
  };
}

/** Replaces {"@id": ...} references by the node of the graph they point to. */
function resolve(value: unknown, nodes: Json[]): unknown {
  if (Array.isArray(value)) return value.map((v) => resolve(v, nodes));
  if (isObject(value) && typeof value['@id'] === 'string' && !value['name']) {
    return nodes.find((n) => n['@id'] === value['@id'] && n['name']) ?? value;
  }
  return value;
}

/** The name of a publisher (object, reference or string); null for URLs and @handles. */
function orgName(value: unknown, nodes: Json[]): string | null {
  const resolved = resolve(value, nodes);
  const name = isObject(resolved) ? text(resolved['name']) : typeof resolved === 'string' ? resolved.trim() : null;
  if (!name || /^(?:https?:|www\.|@)/i.test(name)) return null;
  return name;
}

function imageOf(value: unknown): string | null {
  if (typeof value === 'string') return value || null;
  if (Array.isArray(value)) return imageOf(value[0]);
  if (isObject(value)) return text(value['url'] ?? value['contentUrl'] ?? value['@id']);
  return null;
}
