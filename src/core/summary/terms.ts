/** Content-word bags for comparing sentences: lower case, stop words dropped, a light suffix stemmer. */

const STOP_WORDS = new Set(
  ('a about above after again against all also am an and any are as at be because been before being below between both ' +
    'but by can could did do does doing down during each few for from further had has have having he her here hers herself ' +
    'him himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or ' +
    'other our ours ourselves out over own same she should so some such than that the their theirs them themselves then ' +
    'there these they this those through to too under until up very was we were what when where which while who whom why ' +
    'will with would you your yours yourself yourselves said says say told according mr mrs ms dr one two new last year ' +
    'years also like just get got us may might must shall many much even still back well way made make since around ' +
    'however yesterday today week month time first being')
    .split(' '),
);

/** A crude stem: enough to match "charges"/"charged"/"charging" without a full Porter stemmer. */
export function stem(word: string): string {
  if (word.length <= 4) return word;
  if (word.endsWith('ies')) return word.slice(0, -3) + 'y';
  const m = /(?:ing|ed|es|s|ly|ment|ers?)$/u.exec(word);
  return m && word.length - m[0].length >= 4 ? word.slice(0, m.index) : word;
}

/** Content-word stems of a text, in order (with repeats). */
export function contentTerms(text: string): string[] {
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu)) {
    const w = m[0].replace(/['’]s$/u, '');
    if (w.length < 2 || STOP_WORDS.has(w) || /^\d{1,2}$/.test(w)) continue;
    out.push(stem(w));
  }
  return out;
}

/** Counts of each term. */
export function termCounts(terms: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}

/** Cosine similarity of two term-count vectors, optionally weighting each term. */
export function cosine(a: Map<string, number>, b: Map<string, number>, weight: (t: string) => number = () => 1): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [t, v] of a) {
    const w = weight(t);
    na += (v * w) ** 2;
    const u = b.get(t);
    if (u !== undefined) dot += v * u * w * w;
  }
  for (const [t, v] of b) nb += (v * weight(t)) ** 2;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}
