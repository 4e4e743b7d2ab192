import { isKnownFirstName } from '../text/gender.ts';
import { ROLE_NOUNS } from '../text/name-lists.ts';
import { isCapitalised, type Token } from '../text/tokens.ts';

export type LoneWordSort = 'common' | 'country' | 'name';

/** Past this many different lone words, an article's words are gathered once instead of searched for each. */
const SEARCHES_BEFORE_GATHERING = 32;

/**
 * What a lone capitalised source the people index does not know is: a common noun opening its sentence
 * ("Economists noted", written in lower case elsewhere), a country speaking for its government ("Norvane
 * rejected", with "Norvanian" in the text), or a name. Answers are cached per word.
 */
export function createLoneWordSorter(text: string, paragraphs: readonly Token[][]): (name: string, key: string) => LoneWordSort {
  const sorts = new Map<string, LoneWordSort>();
  let words: { lower: Set<string>; capitalised: Set<string> } | null = null;
  const hasLower = (w: string): boolean => (words ? words.lower.has(w) : hasWord(text, w));
  const hasCapitalised = (w: string): boolean => (words ? words.capitalised.has(w) : hasWord(text, w));
  return (name, key) => {
    const known = sorts.get(key);
    if (known) return known;
    if (!words && sorts.size >= SEARCHES_BEFORE_GATHERING) words = gather(paragraphs);
    let sort: LoneWordSort = 'name';
    if (!isKnownFirstName(name) && (isGroupWord(key) || hasLower(key) || (/[^s]s$/.test(key) && hasLower(key.slice(0, -1))))) sort = 'common';
    else {
      // "Norvanian" for Norvane, "Chinese" for China, "Israeli" for Israel.
      const stem = name.replace(/[aeiouy]$/, '');
      if (stem.length >= 4 && DEMONYM_ENDINGS.some((e) => hasCapitalised(stem + e))) sort = 'country';
    }
    sorts.set(key, sort);
    return sort;
  };
}

/**
 * Words that, capitalised at the start of a sentence, name a group rather than someone ("Critics say",
 * "Residents complained", "Many argue", "Similar plans..."): besides these, the plurals of role nouns.
 */
const GROUP_WORDS = new Set([
  'people', 'experts', 'authorities', 'sources', 'locals', 'supporters', 'opponents', 'protesters', 'protestors',
  'demonstrators', 'parents', 'students', 'workers', 'employees', 'members', 'voters', 'neighbours', 'neighbors',
  'villagers', 'observers', 'insiders', 'officials', 'staff', 'others', 'many', 'some', 'several', 'most', 'few',
  'both', 'similar', 'various', 'numerous', 'such', 'all', 'none',
]);

/** "critics" for "critic", "witnesses" for "witness", "authorities" for "authority": a plural of a role noun. */
function isGroupWord(key: string): boolean {
  if (GROUP_WORDS.has(key)) return true;
  if (!key.endsWith('s') || key.endsWith('ss')) return false;
  if (key.endsWith('ies') && ROLE_NOUNS.has(key.slice(0, -3) + 'y')) return true;
  return ROLE_NOUNS.has(key.slice(0, -1)) || (key.endsWith('es') && ROLE_NOUNS.has(key.slice(0, -2)));
}

const DEMONYM_ENDINGS = ['ian', 'an', 'ese', 'ish', 'i'];

function gather(paragraphs: readonly Token[][]): { lower: Set<string>; capitalised: Set<string> } {
  const lower = new Set<string>();
  const capitalised = new Set<string>();
  for (const tokens of paragraphs) {
    for (const t of tokens) {
      if (!t.word) continue;
      if (t.text === t.lower) lower.add(t.lower);
      else if (isCapitalised(t.text)) capitalised.add(t.text);
    }
  }
  return { lower, capitalised };
}

/** Does `word` occur as a whole word, with this very case? */
function hasWord(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    if (!isLetter(text[at - 1]) && !isLetter(text[at + word.length])) return true;
  }
  return false;
}

const isLetter = (c: string | undefined): boolean => {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  return code < 128 ? (code | 32) >= 97 && (code | 32) <= 122 : /\p{L}/u.test(c);
};
