import { isKnownFirstName } from '../text/gender.ts';

export type LoneWordSort = 'common' | 'country' | 'name';

/**
 * What a lone capitalised source the people index does not know is: a common noun opening its sentence
 * ("Economists noted", written in lower case elsewhere), a country speaking for its government ("Norvane
 * rejected", with "Norvanian" in the text), or a name. The text's words are gathered once, on first use.
 */
export function createLoneWordSorter(text: string): (name: string, key: string) => LoneWordSort {
  let lower: Set<string> | null = null;
  let capitalised: Set<string> | null = null;
  const gather = (): void => {
    lower = new Set();
    capitalised = new Set();
    for (const w of text.split(/[^\p{L}]+/u)) {
      if (!w) continue;
      if (w[0] === w[0]!.toLowerCase()) lower.add(w);
      else capitalised.add(w);
    }
  };
  return (name, key) => {
    if (!lower || !capitalised) gather();
    const lowerWords = lower!;
    if (!isKnownFirstName(name) && (lowerWords.has(key) || (/[^s]s$/.test(key) && lowerWords.has(key.slice(0, -1))))) return 'common';
    // "Norvanian" for Norvane, "Chinese" for China, "Israeli" for Israel.
    const stem = name.replace(/[aeiouy]$/, '');
    if (stem.length >= 4 && DEMONYM_ENDINGS.some((e) => capitalised!.has(stem + e))) return 'country';
    return 'name';
  };
}

const DEMONYM_ENDINGS = ['ian', 'an', 'ese', 'ish', 'i'];
