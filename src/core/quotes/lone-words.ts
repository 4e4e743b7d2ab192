import { isKnownFirstName } from '../text/gender.ts';

export type LoneWordSort = 'common' | 'country' | 'name';

/**
 * What a lone capitalised source the people index does not know is: a common noun opening its sentence
 * ("Economists noted", written in lower case elsewhere), a country speaking for its government ("Norvane
 * rejected", with "Norvanian" in the text), or a name. Answers are cached: the same words come back.
 */
export function createLoneWordSorter(text: string): (name: string, key: string) => LoneWordSort {
  const sorts = new Map<string, LoneWordSort>();
  return (name, key) => {
    let sort = sorts.get(key);
    if (sort === undefined) {
      const common = !isKnownFirstName(name) && (hasLowerCaseUse(text, key) || (/[^s]s$/.test(key) && hasLowerCaseUse(text, key.slice(0, -1))));
      sort = common ? 'common' : hasDemonym(text, name) ? 'country' : 'name';
      sorts.set(key, sort);
    }
    return sort;
  };
}

/** Does the word also occur in lower case ("members" besides "Members said")? */
function hasLowerCaseUse(text: string, lower: string): boolean {
  for (let at = text.indexOf(lower); at >= 0; at = text.indexOf(lower, at + 1)) {
    if (!isLetter(text[at - 1]) && !isLetter(text[at + lower.length])) return true;
  }
  return false;
}

/** Does the text use an adjective of origin made from the name ("Norvanian" for Norvane, "Chinese" for China)? */
function hasDemonym(text: string, name: string): boolean {
  const stem = name.replace(/[aeiouy]$/, '');
  if (stem.length < 4) return false;
  for (let at = text.indexOf(stem); at >= 0; at = text.indexOf(stem, at + 1)) {
    if (isLetter(text[at - 1])) continue;
    let end = at + stem.length;
    while (isLetter(text[end])) end++;
    if (/^(ian|an|ese|ish|i)$/.test(text.slice(at + stem.length, end))) return true;
  }
  return false;
}

const isLetter = (c: string | undefined): boolean => c !== undefined && /\p{L}/u.test(c);
