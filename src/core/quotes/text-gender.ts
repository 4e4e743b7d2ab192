import type { Gender, Span } from '../types.ts';
import { letterAt } from '../text/words.ts';
import type { PeopleIndex } from '../text/people.ts';

/**
 * Gender from the text: a sentence about someone followed by one that opens with "She" or "He" votes for
 * that person. Titles stay stronger; the text beats the first-name list ("Taylor", "Xi").
 */
export function learnGenderFromText(text: string, sentences: Span[], subjectOf: Map<number, number>, entities: PeopleIndex['entities']): void {
  const votes = new Map<number, { female: number; male: number }>();
  for (const [s, e] of subjectOf) {
    const next = sentences[s + 1];
    if (!next || entities[e]!.kind !== 'person') continue;
    const g = pronounGenderAt(text, next.start);
    if (!g) continue;
    const v = votes.get(e) ?? { female: 0, male: 0 };
    v[g]++;
    votes.set(e, v);
  }
  for (const [e, v] of votes) {
    const ent = entities[e]!;
    if (ent.genderSource === 'title' || v.female === v.male) continue;
    ent.gender = v.female > v.male ? 'female' : 'male';
    ent.genderSource = 'text';
  }
}

/**
 * The gender of the "She", "Her", "He" or "His" (in any case) that opens the sentence at `pos`, after one
 * optional quotation mark, or null. What `/^[“"‘']?(\p{L}+)/u` and toLowerCase found, read by character
 * code: the word is its letters, so a letter after the pronoun ("Shell", "Heé") makes it another word.
 */
export function pronounGenderAt(text: string, pos: number): Gender | null {
  let i = pos;
  const q = text.charCodeAt(i);
  if (q === 0x201c || q === 34 || q === 0x2018 || q === 39) i++;
  let word = '';
  for (let j = i; j < i + 4 && j < text.length; j++) {
    const c = text.charCodeAt(j) | 32; // ASCII letters in lower case; other characters end the word or spoil it
    if (c < 97 || c > 122 || text.charCodeAt(j) > 122) break;
    word += String.fromCharCode(c);
  }
  if (word.length < 2 || word.length > 3 || (i + word.length < text.length && letterAt(text, i + word.length))) return null;
  return word === 'she' || word === 'her' ? 'female' : word === 'he' || word === 'his' ? 'male' : null;
}
