import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { analyzeHtml } from '../core/analyze.ts';
import { parseHtml } from '../core/parse/html.ts';
import type { BenchSection } from './index.ts';
import { createRandom, generateArticle } from './corpus.ts';

const PAGES = 300;
/** A folder of .html or .html.gz pages to measure instead of the generated ones (e.g. an extraction benchmark). */
const DIR_ENV = 'QUOTEWIRE_BENCH_EXTRACT_DIR';

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A news page around generated article `n`: metadata, navigation, a sidebar, comments and a footer. */
export function generatePage(n: number): string {
  const random = createRandom(n + 7);
  const [headline = '', ...rest] = generateArticle(n).split('\n');
  const body = rest.slice(5); // after the blank line, byline and dateline
  const title = headline.replace(/^ date \S+ /, '').replace(/\s*\(Photo by[^)]*\)/, '');
  const paragraphs = body.filter((p) => p.trim()).map((p) => `<p>${escape(p)}</p>`);
  const links = (count: number, prefix: string): string =>
    Array.from({ length: count }, (_, i) => `<li><a href="/${prefix}/${i}">${prefix} story ${Math.floor(random() * 1000)}</a></li>`).join('');
  const jsonLd = JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: title, datePublished: '2025-03-04T09:30:00-05:00', author: { '@type': 'Person', name: 'Sam Ortega' } });
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)} | City Desk</title>
<meta property="og:title" content="${escape(title)}"><meta property="og:site_name" content="City Desk">
<script type="application/ld+json">${jsonLd}</script><script>window.analytics = { page: ${n} };</script>
<style>body { font-family: serif } .nav li { display: inline }</style></head>
<body><header><a href="/">City Desk</a><ul class="nav">${links(30, 'section')}</ul><form><input name="q"><button>Search</button></form></header>
<div class="layout"><main><article><h1>${escape(title)}</h1><p class="byline">By Sam Ortega</p><time datetime="2025-03-04T09:30:00-05:00">March 4, 2025</time>
<figure><img src="/img/${n}.jpg" alt=""><figcaption>${escape(title)} (Photo by Ana Ruiz/City Desk)</figcaption></figure>
${paragraphs.slice(0, 5).join('\n')}<aside class="related"><h2>Related</h2><ul>${links(4, 'related')}</ul></aside>${paragraphs.slice(5).join('\n')}
<div class="share"><a href="#">Share</a> <a href="#">Tweet</a> <a href="#">Email</a></div></article>
<section class="comments"><h2>Comments</h2>${Array.from({ length: 6 }, (_, i) => `<div class="comment"><b>reader${i}</b><p>Great piece, thanks for covering this.</p></div>`).join('')}</section></main>
<aside class="sidebar"><h2>Most read</h2><ol>${links(10, 'popular')}</ol><div class="ad">Advertisement</div></aside></div>
<footer><ul>${links(20, 'about')}</ul><p>© City Desk. All rights reserved.</p></footer></body></html>`;
}

function loadDir(dir: string): { name: string; html: string }[] {
  return readdirSync(dir).filter((f) => /\.html?(\.gz)?$/i.test(f)).sort().map((f) => {
    const bytes = readFileSync(join(dir, f));
    return { name: f, html: (f.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8') };
  });
}

function timed(pages: { html: string }[], fn: (html: string) => unknown): number {
  const started = process.hrtime.bigint();
  for (const page of pages) fn(page.html);
  return Number(process.hrtime.bigint() - started) / 1e9;
}

/** Extraction speed: Readability on linkedom plus metadata (parseHtml), and with the full analysis (analyzeHtml). */
export const section: BenchSection = {
  name: 'web page extraction',
  async run({ log }) {
    const dir = process.env[DIR_ENV];
    const pages = dir ? loadDir(dir) : Array.from({ length: PAGES }, (_, n) => ({ name: `page-${n}`, html: generatePage(n) }));
    if (pages.length === 0) throw new Error(`${DIR_ENV}=${dir}: no .html or .html.gz pages there`);
    const bytes = pages.reduce((sum, p) => sum + Buffer.byteLength(p.html), 0);
    log(`  pages: ${pages.length} ${dir ? `from ${dir}` : `generated (set ${DIR_ENV} to measure a folder)`}, ${Math.round(bytes / pages.length / 1024)} KB each`);
    timed(pages.slice(0, 30), (html) => parseHtml(html, { url: 'https://bench.example/' }));
    let empty = 0;
    const extractSeconds = timed(pages, (html) => {
      if (!parseHtml(html, { url: 'https://bench.example/' }).body) empty++;
    });
    const analyzeSeconds = timed(pages, (html) => analyzeHtml(html, { url: 'https://bench.example/' }));
    return {
      pages: pages.length,
      emptyExtractions: empty,
      extractPagesPerSecond: Math.round(pages.length / extractSeconds),
      analyzePagesPerSecond: Math.round(pages.length / analyzeSeconds),
      mbPerSecond: +(bytes / 1e6 / extractSeconds).toFixed(2),
    };
  },
};
