/** Text normalisation shared by the parser, the people index and search. */

/** Folds case and accents: "Sheínbaum" -> "sheinbaum". Used as the key that merges people across articles. */
export function foldName(name: string): string {
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
