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
    known.set(key, value);
    return value;
  };
}
