import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasFinalPunctuation, isBoilerplate, looksLikeCaption } from '../../../src/core/text/boilerplate.ts';
import { cleanSentence } from '../../../src/core/summary/candidates.ts';
import { plainSentenceCounts } from '../../../src/core/summary/plain-sentence.ts';
import { longestUnpunctuatedRun } from '../../../src/core/summary/runs.ts';

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

  it('squeezes whitespace as replacing every run of it would, for any text', () => {
    const pieces = ['a', ' ', '  ', '\t', '\n', '\u00a0', '\u200b', '\u2028', '\u3000', 'é', '.', 'x'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((a) => a.join('')), (text) => {
      expect(cleanSentence(text)).toBe(text.replace(/[\s\u00a0\u200b]+/g, ' ').trim());
    }), { numRuns: 2000 });
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

  it('reads final punctuation from the end as the end-anchored expressions do, for any text', () => {
    const pieces = ['a', ' ', '\t', '\u00a0', '\u2028', '.', '!', '?', '…', ',', "'", '"', '’', '”', ')', ']', '»', '“', '(', 'x.'];
    const textish = fc.oneof(
      fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((a) => a.join('')),
      fc.string({ unit: 'binary', maxLength: 12 }),
    );
    fc.assert(fc.property(textish, (text) => {
      expect(hasFinalPunctuation(text)).toBe(/[.!?…]['"’”)\]»]*\s*$/.test(text) || /[.!?…,]\s*['"’”]\s*$/.test(text));
    }), { numRuns: 3000 });
  });

  it('finds furniture and picture markers as one expression per list did', () => {
    const BOILERPLATE = [
      /\bscroll down for (?:video|more)\b/i, /\bshare this (?:with|article|story|page)/i, /\bcopy this link$/i,
      /^media playback is (?:not supported|unsupported)/i,
      /^\s*(?:read more|related|see also|more on this|click here|watch|video|advertisement|follow us)\b[:.]?/i,
      /\bclick here\b/i, /\b(?:sign up|subscribe) (?:to|for) (?:our|the)\b/i, /\bnewsletter\b/i,
      /\b(?:photo|image|picture|pictures|video)s?\s*(?:by|credit|courtesy)\b\s*:?/i, /\((?:photo|image|picture|credit|file)[^)]*\)/i,
      /\b(?:getty images|reuters\/|ap photo|afp\/|epa\/|rex features|shutterstock)\b/i, /\b(?:published|updated|last updated)\s*:?\s*\d/i,
      /^\s*by\s+\.?\s*[\p{Lu}][\p{L}'’-]+(?:\s+[\p{Lu}][\p{L}'’-]+)*\s*\.?\s*$/u, /\bfollow (?:us|him|her|me) on (?:twitter|facebook|instagram)\b/i,
      /(?:^|\s)@\w+\s*$/, /\b(?:all rights reserved|copyright ©|©)\b/i, /\b(?:daily mail|mailonline) reporter\b/i,
      /\bdo you have a story\b/i, /\bcomments? (?:below|here)\b/i,
    ];
    const MARKERS = /\((?:pictured|left|right|centre|center|middle|top|bottom|above|below|inset|front|back|circled|second (?:from )?(?:left|right)|far left|far right|top left|top right|bottom left|bottom right)(?:[ ,][^)]{0,30})?\)|\b(?:pictured|file picture|file photo|stock image)\b|,\s(?:left|right|centre|center|middle|above|below)(?:,|\sand\s)/i;
    const pieces = [
      'Scroll down for video', 'share this story', 'Copy this link', 'Media playback is unsupported', 'Read more', 'watch', ' related:',
      'click here', 'Sign up to our', 'subscribe for the', 'newsletter', 'Photos by', 'image courtesy', '(Photo: ', '(file)', 'Getty Images',
      'Reuters/', 'AP Photo', 'AFPx', 'last updated: 2', 'published 3', 'By Ana Ruiz', 'by ', 'Follow us on Twitter', '@ana', '©', '© 2024',
      'All rights reserved', 'Daily Mail Reporter', 'Do you have a story', 'comments below', '(pictured)', '(left, with)', 'pictured',
      'File photo', 'stock images', ', left,', ', right and ', 'a', 'The', ' ', '  ', '.', ',', ')', '(', ':', '\u00a0', 'é', 'x', '7',
      "'", "x'", "9'", '_', 'Photocredit', 'updated2', 'Comment', 'comment here', 'lefty', 'pictures', 'picture credit', 'video by',
      'EPA/', 'Rex Features', 'shutterstock', 'MailOnline reporter', ', centre,', ', below and ', ', middle, ',
    ];
    const textish = fc.array(fc.constantFrom(...pieces), { maxLength: 8 }).map((a) => a.join(''));
    fc.assert(fc.property(textish, (text) => {
      expect(isBoilerplate(text)).toBe(BOILERPLATE.some((re) => re.test(text)));
      // The summariser's scan of a plain sentence tells whether a phrase or a marker may start at any word.
      const plain = plainSentenceCounts(text);
      if (plain !== null) expect(isBoilerplate(text, plain.furnitureOpener)).toBe(isBoilerplate(text));
      if (plain !== null) expect(looksLikeCaption(text, plain.markerOpener)).toBe(looksLikeCaption(text));
      const noLabel = text.replaceAll(':', ';'); // without a colon, only the final stop and the markers decide
      expect(looksLikeCaption(noLabel)).toBe(!hasFinalPunctuation(noLabel) || MARKERS.test(noLabel));
      expect(looksLikeCaption(`${noLabel}.`)).toBe(MARKERS.test(`${noLabel}.`));
    }), { numRuns: 5000 });
  });
});
