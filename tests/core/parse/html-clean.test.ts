import { describe, expect, it } from 'vitest';
import { cleanAuthor, cleanAuthors, cleanDate, cleanTitle, titleSiteName } from '../../../src/core/parse/html-clean.ts';

describe('cleanAuthor', () => {
  it.each([
    ['By Marta Quill', ['Marta Quill']],
    ['by Marta Quill and Jonas Brecht', ['Marta Quill', 'Jonas Brecht']],
    ['BY MARTA QUILL', ['MARTA QUILL']],
    ['Marta Quill, Jonas Brecht & Ada Oyelowo', ['Marta Quill', 'Jonas Brecht', 'Ada Oyelowo']],
    ['By Marta Quill | March 5, 2024', ['Marta Quill']],
    ['Marta Quill Updated 6:45 PM EST', ['Marta Quill']],
    ['Marta Quill, 2024-03-05', ['Marta Quill']],
    ['Marta Quill | The Valley Post', ['Marta Quill']],
    ['Analysis by Marta Quill', ['Marta Quill']],
    ['Jonas Brecht, MS, RDN', ['Jonas Brecht']],
    ['Quill, Marta', ['Marta Quill']],
    ['Quill, Marta J.', ['Marta J. Quill']],
    ['Brecht, RDN', ['Brecht']],
    ['Reuters, AFP', ['Reuters', 'AFP']],
    ['Ada Oyelowo Associated Press', ['Ada Oyelowo']],
    ['@martaquill', []],
    ['Marta Quill @martaquill', ['Marta Quill']],
    ['By Marta Quill Twitter: @martaquill', ['Marta Quill']],
    ['Marta Quill | @martaquill', ['Marta Quill']],
    ['Marta Quill - 3 hours ago', ['Marta Quill']],
    ['By Marta Quill, a day ago', ['Marta Quill']],
    ['https://social.example.test/martaquill', []],
    ['staff', []],
    ['', []],
  ])('%s', (raw, expected) => {
    expect(cleanAuthor(raw)).toEqual(expected);
  });
});

describe('cleanAuthors', () => {
  it('drops agencies, job titles and the outlet when people are named', () => {
    expect(cleanAuthors(['Marta Quill; Valley Post', 'Jonas Brecht; Valley Post Editor-at-large', 'Reuters'], 'Valley Post')).toEqual(['Marta Quill', 'Jonas Brecht']);
  });

  it('drops the outlet named without its edition when people are named', () => {
    expect(cleanAuthors(['Marta Quill', 'Valley Post'], 'Valley Post Weekend')).toEqual(['Marta Quill']);
  });

  it('cuts the outlet off the end of a name', () => {
    expect(cleanAuthors(['Jonas Brecht Valley Post'], 'Valley Post')).toEqual(['Jonas Brecht']);
  });

  it('keeps an organisation when it is the only byline', () => {
    expect(cleanAuthors(['Reuters'], 'Valley Post')).toEqual(['Reuters']);
  });

  it('merges repeats', () => {
    expect(cleanAuthors(['By Marta Quill', 'marta quill'])).toEqual(['Marta Quill']);
  });
});

describe('cleanDate', () => {
  it('keeps the original offset and the local day', () => {
    expect(cleanDate('2024-03-05T23:10:00-06:00')).toEqual({
      date: '2024-03-05', publishedAt: '2024-03-05T23:10:00-06:00', timeZone: 'UTC-6', timeZoneAssumed: false,
    });
  });

  it('reads Z as UTC, not assumed', () => {
    expect(cleanDate('2024-03-05T23:10:00Z')).toMatchObject({ publishedAt: '2024-03-05T23:10:00Z', timeZone: 'UTC', timeZoneAssumed: false });
  });

  it('rejects placeholder dates', () => {
    expect(cleanDate('0001-01-01T00:00:00Z')).toBeNull();
    expect(cleanDate('1970-01-01T00:00:00Z')).toBeNull();
    expect(cleanDate('1970-01-01')).toBeNull();
    expect(cleanDate('1900-01-01T00:00:00')).toBeNull();
    expect(cleanDate('0000-00-00 00:00:00')).toBeNull();
    expect(cleanDate('1970-01-01T00:00:00+02:00')).toBeNull();
    expect(cleanDate('1970-01-02T09:30:00Z')?.date).toBe('1970-01-02');
    expect(cleanDate('not a date')).toBeNull();
  });

  it('gives a day without a time as a date only', () => {
    expect(cleanDate('2024-03-05')).toMatchObject({ date: '2024-03-05', publishedAt: null });
  });

  it('reads RFC 2822 and written-out dates', () => {
    expect(cleanDate('Tue, 05 Mar 2024 18:30:00 +0100')?.publishedAt).toBe('2024-03-05T18:30:00+01:00');
    expect(cleanDate('March 5, 2024')?.date).toBe('2024-03-05');
  });

  it('reads written-out dates with a zone abbreviation, keeping that offset', () => {
    expect(cleanDate('November 19, 2024, 07:47 PM EST')).toMatchObject({ date: '2024-11-19', publishedAt: '2024-11-19T19:47:00-05:00', timeZoneAssumed: false });
    expect(cleanDate('01:38:07 PM IST Nov 20, 2024')?.publishedAt).toBe('2024-11-20T13:38:07+05:30');
  });

  it('does not read a date out of a sentence', () => {
    expect(cleanDate('The council will meet again on March 5, 2024 to vote on the harbour plan')).toBeNull();
  });

  it('reads a time without offset in the given zone and marks it assumed', () => {
    expect(cleanDate('2024-01-10T08:00:00', 'America/Chicago')).toMatchObject({
      publishedAt: '2024-01-10T08:00:00-06:00', timeZone: 'America/Chicago', timeZoneAssumed: true,
    });
  });
});

describe('titleSiteName', () => {
  it('reads the site name after the last " | " of a page title', () => {
    expect(titleSiteName('Tram fares frozen for a year | The Valley Post')).toBe('The Valley Post');
    expect(titleSiteName('Tram fares frozen for a year')).toBeNull();
    expect(titleSiteName('Tram fares frozen | and what the council will do about buses next year')).toBeNull();
  });
});

describe('cleanTitle', () => {
  it('removes the outlet suffix', () => {
    expect(cleanTitle('Tram fares frozen for a year | The Valley Post', 'The Valley Post')).toBe('Tram fares frozen for a year');
    expect(cleanTitle('Tram fares frozen for a year - Valley Post', 'The Valley Post')).toBe('Tram fares frozen for a year');
  });

  it('keeps a dash that belongs to the headline', () => {
    expect(cleanTitle('Budget vote - what it means for schools', 'The Valley Post')).toBe('Budget vote - what it means for schools');
  });
});
