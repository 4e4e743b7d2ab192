import { foldName } from '../core/text/normalize.ts';

/** Levenshtein distance, stopping early once it exceeds `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      row.push(v);
      best = Math.min(best, v);
    }
    if (best > max) return max + 1;
    prev = row;
  }
  return prev[b.length]!;
}

/**
 * The known names closest to what was typed (accent- and case-insensitive): a typo in the full name or in
 * any one word of it ("Sheinbam" -> Claudia Sheinbaum), or a word that starts with it. Best first, then
 * most quoted.
 */
export function closestNames(typed: string, known: { name: string; key: string; quoteCount: number }[], count = 3): string[] {
  const query = foldName(typed);
  if (!query) return [];
  const allowed = Math.max(1, Math.floor(query.length / 4));
  const scored: { name: string; score: number; quotes: number }[] = [];
  for (const person of known) {
    const words = person.key.split(' ');
    let score = editDistance(query, person.key, allowed);
    for (let i = 0; i < words.length; i++) {
      const tail = words.slice(i).join(' ');
      score = Math.min(score, editDistance(query, tail, allowed), editDistance(query, words[i]!, allowed));
      if (query.length >= 3 && words[i]!.startsWith(query.slice(0, Math.max(3, query.length - 1)))) score = Math.min(score, 1);
    }
    if (score <= allowed) scored.push({ name: person.name, score, quotes: person.quoteCount });
  }
  scored.sort((a, b) => a.score - b.score || b.quotes - a.quotes || a.name.localeCompare(b.name));
  return [...new Set(scored.map((s) => s.name))].slice(0, count);
}

/** "Did you mean A, B or C?" */
export function didYouMean(names: string[]): string {
  if (names.length === 0) return '';
  const list = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} or ${names.at(-1)!}`;
  return `Did you mean ${list}?`;
}
