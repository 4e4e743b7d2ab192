import type { Span } from '../types.ts';
import type { Entity } from '../text/people.ts';
import { foldName } from '../text/normalize.ts';
import { genderOfWord } from '../text/gender.ts';
import { DETERMINERS } from './phrases.ts';
import { GENERIC_ORG_HEADS, ORG_HEADS, ROLE_FAMILIES, sameStem } from './source-words.ts';

/**
 * Descriptions that name no one: roles ("the spokeswoman", "the Mexican leader") go to a person holding
 * such a role, bodies ("the authority", "Caldora's fisheries ministry") to an organisation whose name fits.
 */

/** What the resolver knows of the article's people at a mention. */
export interface Candidates {
  text: string;
  entities: Entity[];
  /** Salience of each entity at `pos`: recent mentions and recent speakers. */
  salience(pos: number, sentenceStart: number): Map<number, number>;
  /** Everyone named before `pos`, earliest first. */
  allMentioned(pos: number): Map<number, number>;
  best(score: Map<number, number>, ok: (e: number) => boolean, weight?: (e: number) => number): number | null;
  /** The first fitting person of the mention's sentence, or of the sentence before. */
  previousSubject(mention: Span, ok: (e: number) => boolean): number | null;
  /** A new entity met only as a source. */
  adHoc(name: string, kind: 'person' | 'organisation', mention: Span): number;
}

/**
 * The person "the <modifiers> <role>" refers to: a holder of that very role whose titles carry the
 * modifiers ("the Valdorian president"); failing that, a holder of a role of the same kind ("the Mexican
 * leader" for a president), the one the passage is about.
 */
export function roleHolder(c: Candidates, mention: Span, words: string[], sentenceStart: number): number | null {
  const { entities } = c;
  const head = words[words.length - 1]!;
  // Loops into `[]` literals, not slice/map: an empty array from map() has another elements kind, and V8
  // deoptimises the code that has seen only one of the two.
  const modifiers: string[] = [];
  for (let k = 1; k < words.length - 1; k++) modifiers.push(foldName(words[k]!));
  const g = genderOfWord(head);
  const family = ROLE_FAMILIES.get(head);
  const holds = (x: number, strict: boolean): boolean => {
    const e = entities[x]!;
    if (e.kind !== 'person' || (g && e.gender && e.gender !== g)) return false;
    return e.roles.has(head) || (!strict && !!family && [...e.roles].some((r) => family.has(r)));
  };
  const matches = (x: number): boolean => modifiers.every((m) => entities[x]!.titles.some((t) => foldName(t).includes(m)));
  // A bare "the president" prefers whoever is just "President" over a "Mexican President".
  const exact = (x: number): number => (modifiers.length === 0 && entities[x]!.titles.some((t) => foldName(t) === head) ? 2 : 1);
  const score = c.salience(mention.start, sentenceStart);
  let all: Map<number, number> | null = null;
  const everyone = (): Map<number, number> => (all ??= c.allMentioned(mention.start));
  for (const strict of [true, false]) {
    const ok = (x: number): boolean => holds(x, strict) && matches(x);
    const loose = (x: number): boolean => holds(x, strict);
    const e = c.best(score, ok, exact) ?? c.best(everyone(), ok, exact) ?? c.previousSubject(mention, loose) ?? c.best(score, loose, exact) ?? c.best(everyone(), loose, exact);
    if (e !== null) return e;
  }
  return null;
}

/**
 * The organisation "the authority" or "Caldora's fisheries ministry" is: one of the article whose name has
 * the head word (and most of the modifiers), else a new one when the mention names its owner, else a
 * salient one that names no other kind of body ("the company" is not the university). Null: unknown.
 */
export function organisation(c: Candidates, mention: Span, words: string[], sentenceStart: number): number | null {
  const { entities } = c;
  const head = words[words.length - 1]!;
  const modifiers: string[] = [];
  for (let k = 0; k < words.length - 1; k++) if (!DETERMINERS.has(words[k]!)) modifiers.push(foldName(words[k]!.replace(/['’]s$/, '')));
  const isOrg = (x: number): boolean => entities[x]!.kind === 'organisation';
  const nameWords = (x: number): string[] => entities[x]!.key.split(' ');
  const named = (x: number): boolean => isOrg(x) && nameWords(x).includes(head);
  const shared = (x: number): number => 1 + modifiers.filter((m) => nameWords(x).some((w) => sameStem(w, m))).length;
  const score = c.salience(mention.start, sentenceStart);
  const e = c.best(score, named, shared) ?? c.best(c.allMentioned(mention.start), named, shared);
  if (e !== null) return e;
  const raw = c.text.slice(mention.start, mention.end).replace(/^(the|The)\s+/, '').trim();
  if (/^\p{Lu}/u.test(raw)) return c.adHoc(raw, 'organisation', mention);
  if (!GENERIC_ORG_HEADS.has(head)) return null;
  return c.best(score, (x) => isOrg(x) && !nameWords(x).some((w) => ORG_HEADS.has(w)));
}
