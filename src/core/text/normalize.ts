/** Text normalisation shared by the parser, the people index and search. */

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Folds case and accents: "Sheínbaum" -> "sheinbaum". Used as the key that merges people across articles. */
export function foldName(name: string): string {
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

/** Collapses runs of whitespace (including non-breaking spaces and line breaks) to single spaces. */
export function squeezeSpaces(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}
