import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../src/core/parse/html.ts';

const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/web/${name}`, import.meta.url), 'utf8');

describe('parseHtml with JSON-LD metadata', () => {
  const article = parseHtml(fixture('article-jsonld.html'), { url: 'https://ledger.example.test/news/x?ref=feed' });

  it('prefers JSON-LD over OpenGraph and meta tags', () => {
    expect(article.title).toBe('Harbour Library Reopens After Flood Repairs');
    expect(article.titleGenerated).toBe(false);
    expect(article.outlet).toBe('The Millbrook Ledger');
  });

  it('cleans "By" prefixes and drops @handles from the authors', () => {
    expect(article.authors).toEqual(['Priya Castellano', 'Tomasz Weller']);
    expect(article.author).toBe('Priya Castellano');
  });

  it('keeps the original offset, so an evening article stays on its own day', () => {
    expect(article.publishedAt).toBe('2024-03-05T21:30:00-05:00');
    expect(article.date).toBe('2024-03-05');
    expect(article.timeZoneAssumed).toBe(false);
  });

  it('resolves the canonical URL and the lead image against the page URL', () => {
    expect(article.url).toBe('https://ledger.example.test/news/2024/03/harbour-library-reopens');
    expect(article.imageUrl).toBe('https://ledger.example.test/img/library-front.jpg');
  });

  it('extracts the article text without navigation, byline, caption, asides or footer', () => {
    expect(article.body.startsWith('The Harbour Street library opened')).toBe(true);
    expect(article.body).toContain('a small aquarium for the lobby.');
    for (const junk of ['Weather forecast', 'By Priya', 'Photo by', 'Most read', 'Copyright', 'ignore me']) {
      expect(article.body).not.toContain(junk);
    }
    expect(article.warnings).toEqual([]);
  });

  it('keeps the lead caption and its credit out of the body', () => {
    expect(article.caption).toBe('The reading room on Tuesday morning.');
    expect(article.photoCredit).toBe('Imaginary Lens');
  });

  it('separates paragraphs with a blank line and gives spans into the body', () => {
    expect(article.paragraphs).toHaveLength(5);
    const texts = article.paragraphs.map((p) => article.body.slice(p.start, p.end));
    expect(texts[0]).toMatch(/^The Harbour Street library.*children's collection\.$/);
    expect(texts[2]).toMatch(/^"We lost picture books.*inside the covers\."$/);
    expect(texts[4]).toMatch(/^Councillor Bram Oyelaran.*on the seafront\.$/);
    expect(texts.join('\n\n')).toBe(article.body);
  });
});

describe('parseHtml with OpenGraph and meta tags only', () => {
  const article = parseHtml(fixture('article-opengraph.html'), { url: 'https://courier.example.test/2024/night-market' });

  it('takes the title, outlet and canonical URL from OpenGraph', () => {
    expect(article.title).toBe('Night market returns to the old tram depot');
    expect(article.outlet).toBe('Eastfield Courier');
    expect(article.url).toBe('https://courier.example.test/night-market');
    expect(article.imageUrl).toBe('https://courier.example.test/media/depot.jpg');
  });

  it('removes the "By" prefix and the date inside the byline', () => {
    expect(article.authors).toEqual(['Sam Rivera']);
  });

  it('skips a placeholder 0001-01-01 date and uses the next source, with its own offset', () => {
    expect(article.publishedAt).toBe('2024-03-05T21:40:00-08:00');
    expect(article.date).toBe('2024-03-05');
  });

  it('does not repeat the headline in the body', () => {
    expect(article.body.startsWith('The night market that filled')).toBe(true);
    expect(article.paragraphs).toHaveLength(4);
  });
});

describe('parseHtml with only the page itself', () => {
  const article = parseHtml(fixture('article-page-only.html'), { url: 'https://greyhill.example.test/quarry', timeZone: 'Europe/Oslo' });

  it('falls back to <title>, rel=author and <time>', () => {
    expect(article.title).toBe('Quarry lake declared safe for swimming');
    expect(article.authors).toEqual(['Ines Dall']);
    expect(article.url).toBe('https://greyhill.example.test/quarry');
    expect(article.outlet).toBeNull();
  });

  it('reads a time without offset in the given zone and marks the zone as assumed', () => {
    expect(article.publishedAt).toBe('2024-07-14T09:15:00+02:00');
    expect(article.timeZone).toBe('Europe/Oslo');
    expect(article.timeZoneAssumed).toBe(true);
  });

  it('leaves out the byline and date lines', () => {
    expect(article.body.startsWith('Water tests at the flooded quarry')).toBe(true);
    expect(article.body).not.toContain('Ines Dall');
    expect(article.paragraphs).toHaveLength(3);
  });
});

describe('parseHtml metadata from the page alone', () => {
  const prose = '<p>The lighthouse keepers cottage opened as a small museum on Sunday, with the old fog horn, logbooks from a century of storms and a telescope that visitors may use on clear evenings.</p>'.repeat(3);

  it('takes the outlet from the <title> suffix and the lead image from the article', () => {
    const html = `<html><head><title>Lighthouse cottage becomes a museum | Cape Ledger</title></head><body><article>
      <img src="/icons/share.png" width="24" height="24"><img src="data:image/gif;base64,R0lGOD"><figure><img data-src="/media/cottage.jpg" alt=""></figure>${prose}</article></body></html>`;
    const article = parseHtml(html, { url: 'https://ledger.example.test/cape/museum' });
    expect(article.outlet).toBe('Cape Ledger');
    expect(article.title).toBe('Lighthouse cottage becomes a museum');
    expect(article.imageUrl).toBe('https://ledger.example.test/media/cottage.jpg');
  });

  it('does not take a social handle for the outlet', () => {
    const html = `<html><head><title>Lighthouse cottage becomes a museum | Cape Ledger</title><meta property="og:site_name" content="@capeledger"></head><body><article>${prose}</article></body></html>`;
    expect(parseHtml(html).outlet).toBe('Cape Ledger');
  });

  it('prefers OpenGraph over the page for the outlet and the image', () => {
    const html = `<html><head><title>Lighthouse cottage becomes a museum | Cape Ledger</title><meta property="og:site_name" content="The Cape Ledger">
      <meta property="og:image" content="https://cdn.example.test/cottage-wide.jpg"></head><body><article><img src="/media/cottage.jpg">${prose}</article></body></html>`;
    const article = parseHtml(html, { url: 'https://ledger.example.test/cape/museum' });
    expect(article.outlet).toBe('The Cape Ledger');
    expect(article.imageUrl).toBe('https://cdn.example.test/cottage-wide.jpg');
  });
});

describe('parseHtml metadata details', () => {
  const paragraphs = '<p>The orchard cooperative pressed its first cider of the season on Saturday, using apples from eleven farms along the valley road and a press that was built in the village a century ago.</p>'.repeat(4);

  it('follows JSON-LD @id references to the publisher and decodes entities', () => {
    const html = `<html><head><script type="application/ld+json">{"@graph":[
      {"@type":"Organization","@id":"https://orchard.example.test/#org","name":"Orchard &amp; Vale Times"},
      {"@type":"BlogPosting","headline":"&#8216;Best harvest in years&#8217;","publisher":{"@id":"https://orchard.example.test/#org"},
       "author":{"@id":"https://orchard.example.test/#kim"},"datePublished":"2024-10-02T08:00:00+01:00"},
      {"@type":"Person","@id":"https://orchard.example.test/#kim","name":"Kim Arden"}]}</script></head>
      <body><article>${paragraphs}</article></body></html>`;
    const article = parseHtml(html);
    expect(article.title).toBe('‘Best harvest in years’');
    expect(article.outlet).toBe('Orchard & Vale Times');
    expect(article.authors).toEqual(['Kim Arden']);
  });

  it('reads microdata dates whose itemprop lists several names', () => {
    const html = `<html><head><title>Cider</title><meta itemprop="datePublished dateCreated" content="2024-10-02T19:30:00-04:00"></head><body><article>${paragraphs}</article></body></html>`;
    expect(parseHtml(html).publishedAt).toBe('2024-10-02T19:30:00-04:00');
  });

  it('ignores a publisher given as a URL or a handle', () => {
    const html = `<html><head><meta property="og:site_name" content="Vale Times"><script type="application/ld+json">{"@type":"NewsArticle","headline":"Cider","publisher":"@valetimes"}</script></head><body><article>${paragraphs}</article></body></html>`;
    expect(parseHtml(html).outlet).toBe('Vale Times');
  });
});

describe('parseHtml on pages without an article', () => {
  it('warns when no article text is found', () => {
    const article = parseHtml(fixture('empty-page.html'));
    expect(article.body).toBe('');
    expect(article.paragraphs).toEqual([]);
    expect(article.warnings).toContain('no article text found');
    expect(article.url).toBeNull();
  });

  it('takes the text from the JSON-LD articleBody when the page itself shows none', () => {
    const ld = JSON.stringify({
      '@type': 'NewsArticle', headline: 'Lifeboat crew rescues kayakers',
      articleBody: 'Two kayakers were rescued off Gull Point on Sunday after strong winds pushed them towards the rocks near the old quarry.\n\nThe lifeboat crew reached them within twenty minutes &amp; brought both back to the harbour, cold but unhurt, the station said.',
    });
    const article = parseHtml(`<html><head><script type="application/ld+json">${ld}</script></head><body><div id="app"></div></body></html>`);
    expect(article.paragraphs).toHaveLength(2);
    expect(article.body.slice(article.paragraphs[1]!.start, article.paragraphs[1]!.end)).toMatch(/^The lifeboat crew reached them within twenty minutes & brought/);
    expect(article.warnings).toContain('main text taken from the JSON-LD articleBody: the page shows too little');
  });

  it('writes a title from the lede when the page has none, and marks it generated', () => {
    const html = `<body><div>${'<p>Ferry crews on the northern route voted to accept a new rota on Friday. The deal ends a dispute that cancelled dozens of sailings over the winter and left island shops short of bread.</p>'.repeat(3)}</div></body>`;
    const article = parseHtml(html);
    expect(article.titleGenerated).toBe(true);
    expect(article.title).toBe('Ferry crews on the northern route voted to accept a new rota on Friday.');
  });

  it('never throws on broken markup', () => {
    expect(() => parseHtml('<html><body><p>unclosed <b>bold <div></span></body')).not.toThrow();
  });
});
