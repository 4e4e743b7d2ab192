import { getGender } from 'gender-detection-from-name';
import type { Gender } from '../types.ts';
import { FEMALE_WORDS, MALE_WORDS } from './name-lists.ts';
import { rememberingUpTo } from './memo.ts';
import { lowerCased } from './normalize.ts';

/** Gender told by a title or role word ("spokeswoman", "Mr."), or null. */
export function genderOfWord(word: string): Gender | null {
  const lower = lowerCased(word);
  const w = lower.endsWith('.') ? lower.slice(0, -1) : lower;
  if (FEMALE_WORDS.has(w)) return 'female';
  if (MALE_WORDS.has(w)) return 'male';
  return null;
}

/**
 * The name lists' answer, remembered. The library lower-cases the word and looks it up in six lists (all six
 * for a word that is no name); runsOf asks about nearly every capitalised word of an article.
 */
const listedGender: (word: string) => Gender | 'unknown' = rememberingUpTo(20_000, (word) => getGender(word));

/** Gender from a first-name list (a fallback when the text does not say), or null. */
export function genderOfFirstName(first: string): Gender | null {
  if (first.length < 2 || first.includes('.')) return null;
  const g = listedGender(first);
  return g === 'unknown' ? null : g;
}

/** True when the word is a known first name. */
export function isKnownFirstName(word: string): boolean {
  return word.length > 1 && !word.includes('.') && listedGender(word) !== 'unknown';
}
