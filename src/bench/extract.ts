import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { analyzeHtml } from '../core/analyze.ts';
import { parseHtml } from '../core/parse/html.ts';
import type { BenchSection } from './index.ts';
import { createRandom, generateArticle } from './corpus.ts';

const PAGES = 200;
/** A folder of .html or .html.gz pages to measure instead of the generated ones (e.g. an extraction benchmark). */
const DIR_ENV = 'QUOTEWIRE_BENCH_EXTRACT_DIR';

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const SECTIONS = ['World', 'Politics', 'Business', 'Tech', 'Science', 'Health', 'Sport', 'Culture', 'Opinion', 'Travel'];

/**
 * A news page around generated article `n`, shaped like the pages of the extraction benchmark (median about
 * 120 KB, 800 elements and 27 KB of inline script): metadata, inline styles and app state, an icon sprite, a
 * mega menu, a sidebar, comments, a grid of other stories and a footer around the article.
 */
export function generatePage(n: number): string {
  const random = createRandom(n + 7);
  const number = (): number => Math.floor(random() * 100_000);
  const [headline = '', ...rest] = generateArticle(n).split('\n');
  const body = rest.slice(5); // after the blank line, byline and dateline
  const title = headline.replace(/^ date \S+ /, '').replace(/\s*\(Photo by[^)]*\)/, '');
  const paragraphs = body.filter((p) => p.trim()).map((p) => `<p>${escape(p)}</p>`);
  const teaser = (i: number): string => escape(generateArticle(n * 31 + i + 1).split('\n')[0]!.replace(/^ date \S+ /, '').replace(/\s*\(Photo by[^)]*\)/, ''));
  const links = (count: number, prefix: string): string =>
    Array.from({ length: count }, (_, i) => `<li><a href="/${prefix}/${i}">${prefix} story ${number()}</a></li>`).join('');
  const menu = SECTIONS.map((name) => `<div class="menu-col"><span class="menu-title">${name}</span><ul>${Array.from({ length: 10 }, (_, i) => `<li class="menu-item menu-item--${name.toLowerCase()} js-track" data-track="menu:${name}:${i}"><a class="menu-link" href="/${name.toLowerCase()}/${i}?ref=menu"><span class="menu-label">${name} ${i + 1}</span></a></li>`).join('')}</ul></div>`).join('');
  const sprite = `<svg style="display:none">${Array.from({ length: 15 }, (_, i) => `<symbol id="icon-${i}" viewBox="0 0 24 24"><path d="${Array.from({ length: 24 }, () => `M${number() % 24} ${number() % 24}L${number() % 24} ${number() % 24}`).join(' ')}"/></symbol>`).join('')}</svg>`;
  const css = Array.from({ length: 600 }, (_, i) => `.c${i}-${number().toString(36)}{margin:${i % 9}px;padding:${i % 5}px ${i % 7}px;color:#${(number() % 4096).toString(16)}}`).join('');
  const state = JSON.stringify({ page: n, stories: Array.from({ length: 120 }, (_, i) => ({ id: number(), url: `/story/${number()}`, title: teaser(i % 12), summary: FILLER_TEASER[i % FILLER_TEASER.length], section: SECTIONS[i % 10], image: `/img/t/${number()}.jpg`, ts: 1_700_000_000 + number() })) });
  const cards = Array.from({ length: 30 }, (_, i) =>
    `<div class="card card--teaser js-card" data-id="${number()}" data-section="${SECTIONS[i % 10]}"><a class="card__link" href="/story/${number()}?ref=more"><picture><source srcset="/img/c/${number()}.webp" type="image/webp"><img src="/img/c/${number()}.jpg" alt=""></picture><h3>${teaser(i % 12)}</h3><p>${escape(FILLER_TEASER[i % FILLER_TEASER.length]!)}</p><span class="time">${i + 1} hours ago</span></a></div>`).join('');
  const jsonLd = JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: title, datePublished: '2025-03-04T09:30:00-05:00', author: { '@type': 'Person', name: 'Sam Ortega' } });
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)} | City Desk</title>
<meta property="og:title" content="${escape(title)}"><meta property="og:site_name" content="City Desk">${Array.from({ length: 12 }, (_, i) => `<meta name="x-meta-${i}" content="${number()}"><link rel="preload" href="/static/${number()}.js" as="script">`).join('')}
<script type="application/ld+json">${jsonLd}</script><script>window.__STATE__ = ${state};</script><script>window.analytics = { page: ${n} };</script>
<style>body { font-family: serif } .nav li { display: inline }${css}</style></head>
<body>${sprite}<div id="app"><div class="shell"><header><a href="/">City Desk</a><nav class="mega">${menu}</nav><ul class="nav">${links(30, 'section')}</ul><form><input name="q"><button>Search</button></form></header>
<div class="layout"><main><article><h1>${escape(title)}</h1><p class="byline">By Sam Ortega</p><time datetime="2025-03-04T09:30:00-05:00">March 4, 2025</time>
<figure><img src="/img/${n}.jpg" alt=""><figcaption>${escape(title)} (Photo by Ana Ruiz/City Desk)</figcaption></figure>
${paragraphs.slice(0, 5).join('\n')}<aside class="related"><h2>Related</h2><ul>${links(4, 'related')}</ul></aside>${paragraphs.slice(5).join('\n')}
<div class="share"><a href="#">Share</a> <a href="#">Tweet</a> <a href="#">Email</a></div></article>
<section class="comments"><h2>Comments</h2>${Array.from({ length: 6 }, (_, i) => `<div class="comment"><b>reader${i}</b><p>Great piece, thanks for covering this.</p></div>`).join('')}</section>
<section class="more"><h2>More from City Desk</h2><div class="grid">${cards}</div></section></main>
<aside class="sidebar"><h2>Most read</h2><ol>${links(10, 'popular')}</ol><div class="ad">Advertisement</div></aside></div>
<footer><ul>${links(40, 'about')}</ul><p>© City Desk. All rights reserved.</p></footer></div></div></body></html>`;
}

const FILLER_TEASER = [
  'What the vote means for the families who live along the route.',
  'A look at the figures behind this week\'s announcement.',
  'Readers wrote in with questions; our reporters answer them.',
  'Five things to know before the council meets again.',
];

function loadDir(dir: string): { name: string; html: string }[] {
  return readdirSync(dir).filter((f) => /\.html?(\.gz)?$/i.test(f)).sort().map((f) => {
    const bytes = readFileSync(join(dir, f));
    return { name: f, html: (f.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8') };
  });
}

/** Wall and CPU seconds for one pass over the pages (CPU time is steadier on a shared machine). */
function timed(pages: { html: string }[], fn: (html: string) => unknown): { wall: number; cpu: number } {
  const started = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  for (const page of pages) fn(page.html);
  const cpu = process.cpuUsage(cpuStart);
  return { wall: Number(process.hrtime.bigint() - started) / 1e9, cpu: (cpu.user + cpu.system) / 1e6 };
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
    const extract = timed(pages, (html) => {
      if (!parseHtml(html, { url: 'https://bench.example/' }).body) empty++;
    });
    const analyze = timed(pages, (html) => analyzeHtml(html, { url: 'https://bench.example/' }));
    return {
      pages: pages.length,
      kbPerPage: Math.round(bytes / pages.length / 1024),
      emptyExtractions: empty,
      extractPagesPerSecond: Math.round(pages.length / extract.wall),
      extractPagesPerCpuSecond: Math.round(pages.length / extract.cpu),
      analyzePagesPerSecond: Math.round(pages.length / analyze.wall),
      analyzePagesPerCpuSecond: Math.round(pages.length / analyze.cpu),
      mbPerSecond: +(bytes / 1e6 / extract.wall).toFixed(2),
    };
  },
};
