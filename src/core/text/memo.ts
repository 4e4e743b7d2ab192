/**
 * A key of its own: V8 slices a string of 13 or more characters as a view of the whole string it comes from,
 * so a remembered word sliced out of an article would keep the whole article's text alive (a fifth of the
 * texts analysed, on news text). Only keys that are kept are copied, once.
 */
const ownKey = (key: string): string => (key.length < 13 ? key : (' ' + key).slice(1));

/**
 * `compute` with its answers remembered, at most `max` of them (all are forgotten at once when full, which
 * keeps the cache a plain Map). For pure functions of a word or a name that news text asks about again and
 * again: folded names, first-name genders, summary terms.
 */
export function rememberingUpTo<T extends NonNullable<unknown> | null>(max: number, compute: (key: string) => T): (key: string) => T {
  const known = new Map<string, T>();
  return (key) => {
    const remembered = known.get(key); // one look-up on a hit: answers are never undefined
    if (remembered !== undefined) return remembered;
    const value = compute(key);
    if (known.size >= max) known.clear();
    known.set(ownKey(key), value);
    return value;
  };
}

/** The hash rememberingSpansUpTo keys by: FNV-1a over UTF-16 code units, from SPAN_HASH_SEED, one unit at a time. */
export const SPAN_HASH_SEED = -2128831035;
export const spanHashStep = (hash: number, unit: number): number => Math.imul(hash ^ unit, 16777619);

/** The hash of `text.slice(start, end)`, for a caller that has not read it unit by unit already. */
export function spanHash(text: string, start: number, end: number): number {
  let hash = SPAN_HASH_SEED;
  for (let i = start; i < end; i++) hash = spanHashStep(hash, text.charCodeAt(i));
  return hash;
}

/** `compute` remembered for stretches of text, found without slicing them out of it: see rememberingSpansUpTo. */
export type SpanMemo<T> = (text: string, start: number, end: number, hash: number) => T;

/**
 * rememberingUpTo for a key that is `text.slice(start, end)`, for a scanner that has just read those code
 * units: it passes their hash (spanHashStep over them, from SPAN_HASH_SEED) and the key is compared in place,
 * so a remembered answer costs no string. Slicing and hashing a fresh string for a Map is most of the cost of
 * looking up every word of a text.
 */
export function rememberingSpansUpTo<T>(max: number, compute: (key: string) => T): SpanMemo<T> {
  let size = 2;
  while (size < 2 * max) size *= 2; // at most half full: probe runs stay short
  const mask = size - 1;
  const hashes = new Int32Array(size);
  const keys: (string | undefined)[] = new Array<string | undefined>(size).fill(undefined);
  const values: (T | undefined)[] = new Array<T | undefined>(size).fill(undefined);
  let count = 0;
  return (text, start, end, hash) => {
    const length = end - start;
    let at = hash & mask;
    for (let key = keys[at]; key !== undefined; at = (at + 1) & mask, key = keys[at]) {
      if (hashes[at] !== hash || key.length !== length) continue;
      let k = 0;
      while (k < length && key.charCodeAt(k) === text.charCodeAt(start + k)) k++;
      if (k === length) return values[at]!;
    }
    const key = ownKey(text.slice(start, end));
    const value = compute(key);
    if (count >= max) {
      keys.fill(undefined);
      values.fill(undefined);
      count = 0;
      at = hash & mask;
    }
    keys[at] = key;
    hashes[at] = hash;
    values[at] = value;
    count++;
    return value;
  };
}
