import { getGender } from 'gender-detection-from-name';
import type { Gender } from '../types.ts';
import { FEMALE_WORDS, MALE_WORDS } from './name-lists.ts';

/** Gender told by a title or role word ("spokeswoman", "Mr."), or null. */
export function genderOfWord(word: string): Gender | null {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (FEMALE_WORDS.has(w)) return 'female';
  if (MALE_WORDS.has(w)) return 'male';
  return null;
}

/** Gender from a first-name list (a fallback when the text does not say), or null. */
export function genderOfFirstName(first: string): Gender | null {
  if (first.length < 2 || first.includes('.')) return null;
  const g = getGender(first);
  return g === 'unknown' ? null : g;
}

/** True when the word is a known first name. */
export function isKnownFirstName(word: string): boolean {
  return word.length > 1 && !word.includes('.') && getGender(word) !== 'unknown';
}
