import { describe, expect, it } from 'vitest';
import { cleanAuthor, cleanDate, cleanTitle } from '../../../src/core/parse/html-clean.ts';

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
    ['@martaquill', []],
    ['https://social.example.test/martaquill', []],
    ['staff', []],
    ['', []],
  ])('%s', (raw, expected) => {
    expect(cleanAuthor(raw)).toEqual(expected);
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
    expect(cleanDate('not a date')).toBeNull();
  });

  it('gives a day without a time as a date only', () => {
    expect(cleanDate('2024-03-05')).toMatchObject({ date: '2024-03-05', publishedAt: null });
  });

  it('reads RFC 2822 and written-out dates', () => {
    expect(cleanDate('Tue, 05 Mar 2024 18:30:00 +0100')?.publishedAt).toBe('2024-03-05T18:30:00+01:00');
    expect(cleanDate('March 5, 2024')?.date).toBe('2024-03-05');
  });

  it('reads a time without offset in the given zone and marks it assumed', () => {
    expect(cleanDate('2024-01-10T08:00:00', 'America/Chicago')).toMatchObject({
      publishedAt: '2024-01-10T08:00:00-06:00', timeZone: 'America/Chicago', timeZoneAssumed: true,
    });
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
