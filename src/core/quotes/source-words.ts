import { lowerCased } from '../text/normalize.ts';
import type { Span } from '../types.ts';
import { ROLE_NOUNS } from '../text/name-lists.ts';

/* Words that tell what kind of source a mention is: bodies ("the ministry") and roles ("the leader"). */

/** Head nouns of a mention that names an organisation ("the company", "the ministry"). */
export const ORG_HEADS = new Set(['company', 'firm', 'group', 'agency', 'department', 'ministry', 'campaign', 'committee', 'organisation', 'organization', 'government', 'newspaper', 'paper', 'union', 'party', 'court', 'council', 'network', 'bank', 'commission', 'administration', 'association', 'foundation', 'institute', 'university', 'board', 'authority', 'observatory', 'club', 'team', 'league', 'embassy', 'office', 'station', 'channel', 'magazine']);
/** Heads that may name an organisation whose name says nothing of its kind ("the company" for Brennock Textiles). */
export const GENERIC_ORG_HEADS = new Set(['company', 'firm', 'group', 'club', 'team', 'newspaper', 'paper', 'network', 'campaign', 'magazine', 'channel', 'station', 'bank']);
/** Roles a more general role word can stand for ("the leader" for a president). */
const LEADERS = ['president', 'premier', 'chancellor', 'king', 'queen', 'leader', 'governor', 'mayor', 'chief', 'head', 'chairman', 'chairwoman', 'chair', 'ceo', 'executive', 'minister', 'secretary'];
export const ROLE_FAMILIES = new Map<string, Set<string>>([
  ['leader', new Set(LEADERS)],
  ['official', new Set([...LEADERS, 'spokesman', 'spokeswoman', 'spokesperson', 'director', 'commissioner', 'ambassador', 'official', 'officer', 'aide', 'adviser', 'advisor'])],
  ['spokesman', new Set(['spokesperson'])],
  ['spokeswoman', new Set(['spokesperson'])],
  ['spokesperson', new Set(['spokesman', 'spokeswoman'])],
  ['minister', new Set(['secretary', 'premier'])],
  ['executive', new Set(['ceo', 'chief'])],
]);

/** "a spokesperson for the company", "officials in the ministry" -> the body after the role word. */
export function ownerOf(text: string, mention: Span): Span | null {
  const m = /([\p{L}]+)\s+(?:of|for|in|at|from)\s+(?=\S)/u.exec(text.slice(mention.start, mention.end));
  const role = m ? lowerCased(m[1]!) : '';
  if (!m || !(ROLE_NOUNS.has(role) || OWNED_ROLES.has(role))) return null;
  return { start: mention.start + m.index + m[0].length, end: mention.end };
}
const OWNED_ROLES = new Set(['spokesman', 'spokeswoman', 'spokesperson', 'representative', 'representatives', 'member', 'members', 'officials', 'staff', 'executives', 'managers', 'lawyers', 'spokespeople']);

export const isCapitalisedWord = (text: string, pos: number): boolean => /\p{Lu}/u.test(text[pos] ?? '');

/** "Caldoran" and "Caldora", "fisheries" and "fishery": the same word by its first five letters. */
export function sameStem(a: string, b: string): boolean {
  return a === b || (a.length >= 5 && b.length >= 5 && a.slice(0, 5) === b.slice(0, 5));
}
