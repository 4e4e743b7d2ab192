import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../src/core/parse/html-dom.ts';
import type { DomNode } from '../../../src/core/parse/html-dom.ts';
import { joinParagraphs, textBlocksOf, textOf } from '../../../src/core/parse/html-text.ts';
import { boilerplateReason, isDateLine, withoutBoilerplate } from '../../../src/core/parse/html-boilerplate.ts';
import { parseHtml } from '../../../src/core/parse/html.ts';

const bodyOf = (html: string): DomNode => parseDocument(html).body as DomNode;

describe('textOf', () => {
  it('breaks at every block element and never glues words across blocks', () => {
    const { text } = textOf(bodyOf('<div>Tide<p>high at <b>noon</b></p>low<ul><li>one</li><li>two</li></ul></div>'));
    expect(text).toBe('Tide\n\nhigh at noon\n\nlow\n\none\n\ntwo');
  });

  it('separates adjacent links without adding spaces before punctuation', () => {
    const { text } = textOf(bodyOf('<p><a href="/">Home</a><a href="/n">Latest News</a></p><p>Read the <a href="/r">report</a>, then <a href="/v">vote</a>.</p>'));
    expect(text).toBe('Home Latest News\n\nRead the report, then vote.');
  });

  it('collapses whitespace inside a paragraph and treats <br> as a break', () => {
    const { text } = textOf(bodyOf('<p>  The   ferry\n   sails<br>at dawn </p>'));
    expect(text).toBe('The ferry sails\n\nat dawn');
  });

  it('drops soft hyphens and zero-width spaces, which only hint at line breaks', () => {
    expect(textOf(bodyOf('<p>extra&shy;ordinary ferry\u200bman</p>')).text).toBe('extraordinary ferryman');
  });

  it('keeps blank-line breaks inside <pre>', () => {
    const { text } = textOf(bodyOf('<pre>First  line\nsame paragraph\n\nSecond paragraph</pre>'));
    expect(text).toBe('First line same paragraph\n\nSecond paragraph');
  });

  it('skips scripts, styles and form controls', () => {
    const { text } = textOf(bodyOf('<p>Kept<script>var x = 1;</script><style>p{}</style><button>Share</button></p>'));
    expect(text).toBe('Kept');
  });

  it('gives spans that point at each paragraph of the joined text', () => {
    const joined = joinParagraphs(['Alpha beta.', 'Gamma.', 'Delta epsilon zeta.']);
    expect(joined.text).toBe('Alpha beta.\n\nGamma.\n\nDelta epsilon zeta.');
    expect(joined.paragraphs.map((p) => joined.text.slice(p.start, p.end))).toEqual(['Alpha beta.', 'Gamma.', 'Delta epsilon zeta.']);
  });

  it('measures link density per block', () => {
    const [menu, prose] = textBlocksOf(bodyOf('<p><a href="/">Home</a> <a href="/n">News</a></p><p>Read the <a href="/r">report</a> in full before the vote.</p>'));
    expect(menu?.linkDensity).toBe(1);
    expect(prose?.linkDensity).toBeLessThan(0.3);
  });
});

describe('boilerplate rules', () => {
  const block = (text: string, linkDensity = 0) => ({ text, linkDensity, tag: 'P' });

  it.each([
    ['Sign In', 1, 'link'],
    ['Read more: Harbour board approves breakwater', 0, 'prompt'],
    ['This website uses cookies to improve your experience.', 0, 'cookie'],
    ['The new pier at sunset (Image: Harbour Trust)', 0, 'credit'],
    ['Image copyright Harbour Trust', 0, 'credit'],
    ['Updated 6:55 AM; Posted Nov 19, 2024', 0, 'date'],
    ['Close', 0, 'ui'],
    ['Follow the Gazette on Twitter and Facebook.', 0, 'social'],
    ['https://gazette.example.test/story/1', 0, 'url'],
    ['858shares', 0, 'share'],
    ['Posted on March 3, 2024 by admin', 0, 'meta'],
    ['Reporting by Ana Ruiz; editing by Tom Berg', 0, 'meta'],
    ['4 min read', 0, 'meta'],
    ['Harbour desk writers Ana Ruiz and Tom Berg contributed to this report.', 0, 'meta'],
    ['Video playback is not supported on your device', 0, 'notice'],
    ['This gallery requires JavaScript.', 0, 'notice'],
    ['Photo 3 of 12', 0, 'ui'],
    ['Image 2 of / 7', 0, 'ui'],
    ['© Lena Marsh Boats wait at the old pier while the crews mend their nets before the winter season begins.', 0, 'credit'],
  ])('drops %s', (text, density, reason) => {
    expect(boilerplateReason(block(text, density))).toBe(reason);
  });

  it.each([
    ['The harbour board met on Tuesday, and the vote on the breakwater was unanimous.'],
    ['"We read every letter," the editor said of the readers who wrote in about parking.'],
    ['Copyright 2024 Gazette. All rights reserved.'],
    ['© 2024 Gazette. All rights reserved. This material may not be copied.'],
    ['Posted on social media by the analysts at the agency, the video was viewed two million times within a day.'],
  ])('keeps %s', (text) => {
    expect(boilerplateReason(block(text))).toBeNull();
  });

  it('ends the text at a "more stories" heading in its second half', () => {
    const prose = (i: number) => block(`Paragraph ${i} of the article about the harbour, long enough to be prose.`);
    const blocks = [prose(1), prose(2), prose(3), block('More Great Gazette Stories'), block('Ferry fares rise again'), block('Bakery wins an award')];
    expect(withoutBoilerplate(blocks).map((b) => b.text)).toEqual([prose(1).text, prose(2).text, prose(3).text]);
  });

  it('keeps a "related" heading near the top, where the article goes on', () => {
    const blocks = [block('Related coverage'), block('The harbour board met on Tuesday and approved the plan for the new breakwater.')];
    expect(withoutBoilerplate(blocks)).toHaveLength(1);
  });

  it('drops a short line of links even when it names a price (a shopping widget as often as a deal)', () => {
    expect(boilerplateReason(block('Get the kettle at Hardware Barn for $24.99', 1))).toBe('link');
  });

  it('keeps a "with wires" sign-off, which closes the article text', () => {
    expect(boilerplateReason(block('With Gazette wires'))).toBeNull();
  });

  it('recognises bare date lines only', () => {
    expect(isDateLine('Published: 00:01, Tue, Nov 19, 2024')).toBe(true);
    expect(isDateLine('November 20, 2024')).toBe(true);
    expect(isDateLine('The fair opens November 20, 2024')).toBe(false);
    expect(isDateLine('28')).toBe(false);
    expect(isDateLine('38%')).toBe(false);
    expect(isDateLine('4:14 p.m.')).toBe(false);
    expect(isDateLine('9.30 A.M. / 7.00 P.M.')).toBe(false);
    expect(isDateLine('Updated 10:01 pm PST, Tuesday, November 19, 2024')).toBe(true);
    expect(isDateLine('19.11.2024, 08:57')).toBe(true);
    expect(isDateLine('Monday, November 18, 2024, 04:05 pm PT (07:05 pm ET)')).toBe(true);
  });
});

describe('marked article body', () => {
  const p = (t: string): string => `<p>${t}</p>`;
  const article = [
    'The ferry company added a late sailing on Fridays after a petition from island students who work evening shifts on the mainland.',
    'The new boat leaves the mainland at half past eleven and reaches the island pier shortly after midnight, the company said on Tuesday.',
    'Students said the change would save them about two hundred pounds a month in hostel fees and let them keep their jobs through exams.',
    'Fares for the late sailing will match the daytime prices, and bicycles will travel free until the end of the summer season.',
  ];
  const bio = [
    'Rosa Lindgren has covered the islands for twelve years and writes about transport, schools and the fishing industry for the paper.',
    'She lives on the largest island with her family, two dogs and an old rowing boat that she refuses to repaint.',
  ];

  it('keeps only the element the page marks as its article body when Readability takes more', () => {
    const html = `<html><body><div class="wrap"><div class="entry-content">${article.map(p).join('')}</div><div class="about-writer">${bio.map(p).join('')}</div></div></body></html>`;
    expect(parseHtml(html).body).toBe(article.join('\n\n'));
  });

  it('ignores the marker when several elements carry it', () => {
    const html = `<html><body><div class="wrap"><div class="post-content">${article.map(p).join('')}</div><div class="post-content">${bio.map(p).join('')}</div></div></body></html>`;
    expect(parseHtml(html).body).toContain('Rosa Lindgren');
  });
});

describe('several articles on one page', () => {
  const post = (cls: string, title: string, n: number): string =>
    `<article class="${cls}"><h2>${title}</h2>${`<p>${title} is the story of a small harbour town that rebuilt its fish market after the winter storms, told by the traders who stayed.</p>`.repeat(n)}</article>`;

  it('keeps the first article when teasers of other posts follow it', () => {
    const html = `<html><body><div class="posts">${post('entry full', 'Harbour market', 5)}${post('entry teaser', 'Old mill', 3)}${post('entry teaser', 'Night ferry', 3)}</div></body></html>`;
    const body = parseHtml(html).body;
    expect(body).toContain('Harbour market is the story');
    expect(body).not.toContain('Old mill');
    expect(body).not.toContain('Night ferry');
  });

  it('keeps every update of a live blog, whose articles share one class', () => {
    const html = `<html><body><div class="live">${post('update', 'Harbour market', 3)}${post('update', 'Old mill', 3)}${post('update', 'Night ferry', 3)}</div></body></html>`;
    const body = parseHtml(html).body;
    expect(body).toContain('Old mill is the story');
    expect(body).toContain('Night ferry is the story');
  });
});

describe('inline link clusters', () => {
  it('leaves out a hover card of links inside a paragraph', () => {
    const para = (extra: string): string => `<p>Mayor Ines Okafor${extra} opened the new footbridge over the canal on Saturday, after two years of delays caused by a shortage of steel and a dispute over the design of the railings.</p>`;
    const card = '<span class="card"><a href="/p/okafor">Ines Okafor</a><a href="/s/1">Bridge plan approved</a> <a href="/s/2">Budget vote delayed</a></span>';
    const html = `<html><body><article>${para(card)}${para('').repeat(3)}</article></body></html>`;
    const body = parseHtml(html).body;
    expect(body).not.toContain('Bridge plan approved');
    expect(body.startsWith('Mayor Ines Okafor opened the new footbridge')).toBe(true);
  });
});

describe('extraction fallback', () => {
  it('falls back to the main element when Readability finds nothing', () => {
    const html = '<html><body><nav><a href="/">Home</a></nav><main><div style="display:none"><p>The pier is closed for repairs until Friday, the harbour office said on Monday, and anglers can use the east jetty.</p></div></main><footer>Pier Post</footer></body></html>';
    const article = parseHtml(html);
    expect(article.body).toBe('The pier is closed for repairs until Friday, the harbour office said on Monday, and anglers can use the east jetty.');
    expect(article.warnings).toContain('main text taken from the whole page: Readability found too little');
  });
});
