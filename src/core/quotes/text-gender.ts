import type { Span } from '../types.ts';
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
    if (!startsWithSOrH(text, next.start)) continue; // no "she", "her", "he" or "his": spare the regex
    const word = /^[“"‘']?(\p{L}+)/u.exec(text.slice(next.start, next.start + 12))?.[1]?.toLowerCase();
    const g = word === 'she' || word === 'her' ? 'female' : word === 'he' || word === 'his' ? 'male' : null;
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

/** Does the sentence at `pos` open (after one optional quotation mark) with an s or an h? */
function startsWithSOrH(text: string, pos: number): boolean {
  let c = text[pos];
  if (c === '“' || c === '"' || c === '‘' || c === "'") c = text[pos + 1];
  return c === 's' || c === 'S' || c === 'h' || c === 'H';
}
