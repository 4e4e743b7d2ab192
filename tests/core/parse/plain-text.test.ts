import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ArticleFormatError, parsePlainText } from '../../../src/core/parse/plain-text.ts';

const article = [
  ' date 2025-03-08 The mayor of Brindle Falls waves to supporters outside the town hall on March 7, 2025. (Photo by Iris Mendel/Valley Wire)',
  '',
  'Valley Herald Staff Owen Castellanos',
  '',
  '9:05 PM – Saturday, March 8, 2025',
  '',
  'Mayor Dana Whitlock said on Saturday that the town would open its new ferry terminal in April.',
  '',
  '"We promised a crossing, and we are delivering one," she said.',
].join('\n');

const slice = (text: string, span: { start: number; end: number }) => text.slice(span.start, span.end);

describe('parsePlainText: the full header', () => {
  const parsed = parsePlainText(article);

  it('takes the article date from the header, never from the caption', () => {
    expect(parsed.date).toBe('2025-03-08');
  });

  it('separates the caption from its photo credit', () => {
    expect(parsed.caption).toBe('The mayor of Brindle Falls waves to supporters outside the town hall on March 7, 2025.');
    expect(parsed.photoCredit).toBe('Iris Mendel/Valley Wire');
  });

  it('reads outlet and author from an "Outlet Staff Name" byline', () => {
    expect(parsed.outlet).toBe('Valley Herald');
    expect(parsed.author).toBe('Owen Castellanos');
  });

  it('keeps the raw dateline and reads it in UTC by default, marking the zone as assumed', () => {
    expect(parsed.dateline).toBe('9:05 PM – Saturday, March 8, 2025');
    expect(parsed.publishedAt).toBe('2025-03-08T21:05:00Z');
    expect(parsed.timeZone).toBe('UTC');
    expect(parsed.timeZoneAssumed).toBe(true);
    expect(parsed.warnings).toEqual([]);
  });

  it('reads the dateline in the zone configured for the source', () => {
    const ny = parsePlainText(article, { timeZone: 'America/New_York' });
    expect(ny.publishedAt).toBe('2025-03-08T21:05:00-05:00');
    expect(ny.timeZone).toBe('America/New_York');
  });

  it('puts only the article text in body, and paragraph spans point into the input as given', () => {
    expect(parsed.body.startsWith('Mayor Dana Whitlock said')).toBe(true);
    expect(parsed.body).not.toContain('Owen Castellanos');
    expect(parsed.paragraphs.map((p) => slice(article, p))).toEqual([
      'Mayor Dana Whitlock said on Saturday that the town would open its new ferry terminal in April.',
      '"We promised a crossing, and we are delivering one," she said.',
    ]);
  });

  it('has no title of its own (one is generated later from the lede)', () => {
    expect(parsed.title).toBeNull();
    expect(parsed.titleGenerated).toBe(false);
  });
});

describe('parsePlainText: bylines', () => {
  const withByline = (byline: string) => parsePlainText(` date 2025-01-02 A caption.\n\n${byline}\n\n10:00 AM – Thursday, January 2, 2025\n\nThe council voted on Thursday to extend the market hours.`);

  it.each([
    ['By Priya Raman', ['Priya Raman'], null],
    ['Priya Raman, The Coastal Ledger', ['Priya Raman'], 'The Coastal Ledger'],
    ['Priya Raman | Coastal Ledger', ['Priya Raman'], 'Coastal Ledger'],
    ['Priya Raman and Luis Ferro', ['Priya Raman', 'Luis Ferro'], null],
    ['By Priya Raman and Luis Ferro', ['Priya Raman', 'Luis Ferro'], null],
    ['Coastal Ledger Newsroom', [], 'Coastal Ledger'],
    ['OAN Staff Blake Wolf', ['Blake Wolf'], 'OAN'],
  ])('%s', (byline, authors, outlet) => {
    const parsed = withByline(byline);
    expect(parsed.authors).toEqual(authors);
    expect(parsed.outlet).toBe(outlet);
    expect(parsed.body).toBe('The council voted on Thursday to extend the market hours.');
  });
});

describe('parsePlainText: variants', () => {
  it('accepts a file that is only body text', () => {
    const text = 'The river rose two metres overnight.\n\nEngineers said the levee held.';
    const parsed = parsePlainText(text);
    expect(parsed.date).toBeNull();
    expect(parsed.author).toBeNull();
    expect(parsed.paragraphs.map((p) => slice(text, p))).toEqual(['The river rose two metres overnight.', 'Engineers said the levee held.']);
  });

  it('uses the given date when the text carries none', () => {
    expect(parsePlainText('Body only.', { date: '2024-12-31' }).date).toBe('2024-12-31');
  });

  it('reads a Markdown title', () => {
    const text = '# Ferry terminal opens in April\n\nBy Priya Raman\n\nThe town will open its ferry terminal in April, officials said.';
    const parsed = parsePlainText(text);
    expect(parsed.title).toBe('Ferry terminal opens in April');
    expect(parsed.titleGenerated).toBe(false);
    expect(parsed.author).toBe('Priya Raman');
    expect(parsed.body).toBe('The town will open its ferry terminal in April, officials said.');
  });

  it('reads a short first line followed by a blank line as the title', () => {
    const text = 'Ferry Terminal Opens in April\n\nThe town will open its ferry terminal in April, officials said on Monday.';
    expect(parsePlainText(text).title).toBe('Ferry Terminal Opens in April');
  });

  it('does not take a first paragraph that is a sentence as a title', () => {
    const text = 'The town will open its ferry terminal in April.\n\nOfficials confirmed the date on Monday.';
    const parsed = parsePlainText(text);
    expect(parsed.title).toBeNull();
    expect(parsed.paragraphs).toHaveLength(2);
  });

  it('handles a UTF-8 BOM and CRLF line ends, with offsets into the text as given', () => {
    const text = '\uFEFF date 2025-06-01 A caption.\r\n\r\nBy Priya Raman\r\n\r\nFirst paragraph here.\r\n\r\nSecond paragraph “with curly quotes”.\r\n';
    const parsed = parsePlainText(text);
    expect(parsed.date).toBe('2025-06-01');
    expect(parsed.author).toBe('Priya Raman');
    expect(parsed.paragraphs.map((p) => slice(text, p))).toEqual(['First paragraph here.', 'Second paragraph “with curly quotes”.']);
  });

  it('treats single lines as paragraphs when the body has no blank lines', () => {
    const text = 'Line one is a paragraph.\nLine two is another.\nLine three ends it.';
    expect(parsePlainText(text).paragraphs).toHaveLength(3);
  });

  it('keeps wrapped lines of one paragraph together when paragraphs are separated by blank lines', () => {
    const text = 'A paragraph that was\nwrapped at a narrow width.\n\nA second paragraph.';
    const parsed = parsePlainText(text);
    expect(parsed.paragraphs.map((p) => slice(text, p))).toEqual(['A paragraph that was\nwrapped at a narrow width.', 'A second paragraph.']);
    expect(parsed.body).toBe('A paragraph that was\nwrapped at a narrow width.\n\nA second paragraph.');
  });

  it('accepts a header with a byline but no dateline, and a dateline with no time', () => {
    const parsed = parsePlainText(' date 2025-02-03 Caption.\n\nBy Luis Ferro\n\nMonday, February 3, 2025\n\nText of the story.');
    expect(parsed.dateline).toBe('Monday, February 3, 2025');
    expect(parsed.publishedAt).toBeNull();
    expect(parsed.body).toBe('Text of the story.');
  });

  it('recognises credits such as (AP Photo/Name) and Name/Reuters', () => {
    expect(parsePlainText(' date 2025-02-03 Crowds gather. (AP Photo/Rita Holm)\n\nBody.').photoCredit).toBe('AP Photo/Rita Holm');
    expect(parsePlainText(' date 2025-02-03 Crowds gather. Rita Holm/Reuters\n\nBody.').photoCredit).toBe('Rita Holm/Reuters');
  });
});

describe('parsePlainText: bad dates', () => {
  it('rejects a header with an impossible date, saying which', () => {
    expect(() => parsePlainText(' date 2025-02-30 Caption.\n\nBody.')).toThrow(ArticleFormatError);
    expect(() => parsePlainText(' date 2025-02-30 Caption.\n\nBody.')).toThrow(/2025-02-30/);
    expect(() => parsePlainText(' date 2025-13-01 Caption.\n\nBody.')).toThrow(/not a real date/);
  });

  it('warns when the dateline names the wrong weekday', () => {
    const parsed = parsePlainText(' date 2025-05-04 Caption.\n\n11:56 AM – Monday, May 4, 2025\n\nBody text.');
    expect(parsed.warnings).toEqual([expect.stringMatching(/wrong weekday: 2025-05-04 is a Sunday/)]);
  });

  it('warns when the header date and the dateline disagree', () => {
    const parsed = parsePlainText(' date 2025-05-05 Caption.\n\n11:56 AM – Sunday, May 4, 2025\n\nBody text.');
    expect(parsed.date).toBe('2025-05-05');
    expect(parsed.warnings).toEqual([expect.stringMatching(/differs from the dateline/)]);
  });

  it('rejects an unknown time zone', () => {
    expect(() => parsePlainText('Body.', { timeZone: 'Mars/Olympus' })).toThrow(/unknown time zone/);
  });
});

describe('parsePlainText: datelines in UTC', () => {
  const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

  it('reads every dateline as a zone with a zero offset would, leap days, bad days and wrong weekdays included', () => {
    // UTC datelines are read without luxon; Etc/UTC still goes through it, and must agree to the letter.
    fc.assert(fc.property(
      fc.integer({ min: 1896, max: 2104 }), fc.integer({ min: 0, max: 11 }), fc.integer({ min: 1, max: 31 }),
      fc.option(fc.integer({ min: 0, max: 6 })), fc.option(fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 59 }), fc.boolean())),
      fc.option(fc.integer({ min: -1, max: 1 })),
      (year, month, day, weekday, time, headerShift) => {
        const clock = time ? `${time[0]}:${String(time[1]).padStart(2, '0')} ${time[2] ? 'PM' : 'AM'} – ` : '';
        const dateline = `${clock}${weekday === null ? '' : `${WEEKDAYS[weekday]}, `}${MONTHS[month]} ${day}, ${year}`;
        const header = headerShift === null ? 'By Sam Ortega'
          : ` date ${new Date(Date.UTC(2000, month, 15 + headerShift)).toISOString().slice(0, 10).replace(/^2000/, String(year))} A caption.`;
        const text = `${header}\n\n${dateline}\n\nThe council met on the matter again.`;
        const utc = parsePlainText(text, { timeZone: 'UTC' });
        const zero = parsePlainText(text, { timeZone: 'Etc/UTC' });
        expect(utc.date).toBe(zero.date);
        expect(utc.publishedAt).toBe(zero.publishedAt?.replace(/\+00:00$/, 'Z') ?? null);
        expect(utc.warnings).toEqual(zero.warnings);
        expect(utc.dateline).toBe(zero.dateline);
      },
    ), { numRuns: 2000 });
  });
});
