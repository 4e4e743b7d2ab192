import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasFinalPunctuation, isBoilerplate, looksLikeCaption } from '../../../src/core/text/boilerplate.ts';
import { cleanSentence, longestUnpunctuatedRun } from '../../../src/core/summary/candidates.ts';

describe('boilerplate and caption detection', () => {
  it('recognises page furniture', () => {
    for (const s of [
      'Scroll down for video',
      'Share this with Email Facebook Twitter',
      'Share this withEmailFacebookTwitterCopy this link',
      'Read more: Five things to know about the harbour plan',
      'Sign up to our newsletter for the week’s top stories.',
      'Click here to see the full gallery.',
      'Media playback is not supported on this device',
      'Follow us on Twitter for updates.',
    ]) expect(isBoilerplate(s), s).toBe(true);
  });

  it('leaves reporting alone', () => {
    for (const s of [
      'The council will read more than 400 responses before deciding.',
      'Officials said they would share the findings with other regions.',
      'She signed up for the course in March.',
    ]) expect(isBoilerplate(s), s).toBe(false);
  });

  it('treats unpunctuated lines, labelled captions and picture markers as captions', () => {
    expect(looksLikeCaption('Crowds gather at the quay on Saturday')).toBe(true);
    expect(looksLikeCaption('Proud moment: Mayor Ana Duarte cuts the ribbon at the new library.')).toBe(true);
    expect(looksLikeCaption('Ana Duarte (pictured) opened the library on Friday.')).toBe(true);
    expect(looksLikeCaption('Ana Duarte, left, and her deputy at the opening.')).toBe(true);
    expect(looksLikeCaption('He said: "The library belongs to everyone."')).toBe(false);
    expect(looksLikeCaption('The library opened on Friday, ten years after the old one closed.')).toBe(false);
  });

  it('accepts sentences that end inside quotation marks', () => {
    expect(hasFinalPunctuation('"We are ready," she said.')).toBe(true);
    expect(hasFinalPunctuation('She called it “a new start.”')).toBe(true);
    expect(hasFinalPunctuation('"We are ready,"')).toBe(true);
    expect(hasFinalPunctuation('We are ready')).toBe(false);
  });

  it('cleans whitespace and wire datelines, and measures unpunctuated runs', () => {
    expect(cleanSentence('  MADRID (AP) — Fans   gathered\n outside.')).toBe('Fans gathered outside.');
    expect(cleanSentence('(CNN)The storm passed.')).toBe('The storm passed.');
    expect(longestUnpunctuatedRun('One two three, four five: six (seven eight) nine')).toBe(3);
  });

  it('measures runs as splitting at the run breaks would, for any text', () => {
    const RUN_BREAKS = /[,;:()"“”‘’\u2013\u2014]|\s-\s|'(?!\p{L})|(?<!\p{L})'/u;
    const bySplit = (text: string): number =>
      Math.max(0, ...text.split(RUN_BREAKS).map((part) => (part.trim() === '' ? 0 : part.trim().split(/\s+/).length)));
    const pieces = ['a', 'Z', '7', ' ', '  ', '\t', '\u00a0', '-', ' - ', "'", '’', '‘', ',', ';', '(', ')', '"', '“', '—', '–', 'é', '𝐀', '😀', '\ud835', '\udc00', "don't"];
    const textish = fc.oneof(
      fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((a) => a.join('')),
      fc.string({ unit: 'binary', maxLength: 30 }),
    );
    fc.assert(fc.property(textish, (text) => {
      expect(longestUnpunctuatedRun(text)).toBe(bySplit(text));
    }), { numRuns: 3000 });
  });
});
