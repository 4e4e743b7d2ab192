/**
 * A cheap first test for membership in a set of lower-case words: a bit per (first letter, last letter,
 * length), so most words that are not in the set are turned away with three character reads instead of a
 * Set look-up, which has to hash each fresh token string first. `mayHold(w)` is false only when `w` is
 * surely not one of the words; words that do not start and end with a-z always pass.
 */
export function createWordSieve(words: Iterable<string>): (word: string) => boolean {
  const bits = new Uint8Array(26 * 26 * 16);
  const slot = (w: string): number => {
    const first = w.charCodeAt(0) - 97;
    const last = w.charCodeAt(w.length - 1) - 97;
    // `>>> 0` makes a negative difference huge: one comparison tests both ends of a-z.
    if (first >>> 0 >= 26 || last >>> 0 >= 26) return -1;
    return (first * 26 + last) * 16 + Math.min(w.length, 15);
  };
  for (const w of words) {
    const s = slot(w);
    if (s >= 0) bits[s] = 1;
  }
  return (w) => {
    const s = slot(w);
    return s < 0 || bits[s] === 1;
  };
}
