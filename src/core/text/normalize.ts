/** Text normalisation shared by the parser, the people index and search. */

import { rememberingUpTo } from './memo.ts';

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * Folds case and accents: "Sheínbaum" -> "sheinbaum". Used as the key that merges people across articles.
 * Remembered: an article folds the same few names again and again (every mention, every candidate
 * speaker), and news repeats names across articles; a look-up is cheaper than the regexes.
 */
export const foldName: (name: string) => string = rememberingUpTo(20_000, foldUncached);

function foldUncached(name: string): string {
  // Printable ASCII has no accents to fold: the same result, without normalisation and Unicode classes.
  if (PRINTABLE_ASCII.test(name)) return name.toLowerCase().replace(/'/g, '').replace(/[^a-z0-9]+/g, ' ').trim();
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * `s.toLowerCase()`, without the call when `s` has no capital and no non-ASCII character: most words are
 * lower-case ASCII, and toLowerCase costs about 100 ns a call even when it changes nothing.
 */
export function lowerCased(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128 || (c >= 65 && c <= 90)) return s.toLowerCase();
  }
  return s;
}

/** Collapses runs of whitespace (including non-breaking spaces and line breaks) to single spaces. */
export function squeezeSpaces(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}
