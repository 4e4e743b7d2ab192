import { afterEach, describe, expect, it } from 'vitest';
import { createRandom } from '../../src/bench/corpus.ts';
import { createWindowCache } from '../../src/digest/batch.ts';
import { gatherDigest, runDueDigests } from '../../src/digest/run.ts';
import { seedDigestBench, type DigestQuoteRow, type SeedArticle } from '../../src/store/digests.ts';
import { makeContext, openTempStore, RecordingPoster } from './helpers.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

const UNTIL = Date.parse('2026-01-20T09:00:00Z');

function seeded() {
  const temp = openTempStore();
  cleanups.push(temp.cleanup);
  const random = createRandom(3);
  const articles: SeedArticle[] = Array.from({ length: 600 }, (_, n) => {
    const ingested = UNTIL - 4 * 86_400_000 + Math.floor(random() * 4.2 * 86_400_000);
    return {
      title: `Generated story ${n}`, gist: `Gist ${n}.`, ingestedAt: new Date(ingested).toISOString(),
      // Few distinct dates and quote counts, so the tie-breaks decide often.
      date: random() < 0.05 ? '' : new Date(ingested - Math.floor(random() * 2) * 86_400_000).toISOString().slice(0, 10),
      quotes: Array.from({ length: Math.floor(random() * 4) }, (_, i) => ({
        text: `Quote ${i} of story ${n}, long enough to be worth showing to readers.`, kind: (['direct', 'mixed', 'indirect'] as const)[i % 3]!,
        person: random() < 0.85 ? Math.floor(random() * 40) : null,
      })),
    };
  });
  seedDigestBench(temp.store.db, Array.from({ length: 40 }, (_, i) => `Speaker ${String.fromCharCode(65 + (i % 26))}${i}`), articles);
  temp.store.db.exec("UPDATE articles SET date = NULL WHERE date = ''");
  return temp;
}

describe('composing many digests from one load', () => {
  it('gives the same articles, counts, quotes and people as the per-guild queries', () => {
    const { store } = seeded();
    const until = new Date(UNTIL).toISOString();
    const random = createRandom(9);
    const starts = Array.from({ length: 150 }, () => new Date(UNTIL - Math.floor(random() * 3 * 86_400_000)).toISOString());
    // The last windows were not announced: their people are counted on their own rather than in the sweep.
    const cache = createWindowCache(store.digests, starts.slice(0, 120), until);
    const key = (q: { articleId: number; position: number }): string => `${q.articleId}:${q.position}`;
    const comparable = (quotes: DigestQuoteRow[]) => quotes.map((q) => ({ ...q, personId: undefined, ingestedAt: undefined })).sort((a, b) => key(a).localeCompare(key(b)));
    for (const [i, since] of starts.entries()) {
      const limit = 1 + (i % 10);
      expect(cache.covers(since, until)).toBe(since >= starts.slice(0, 120).reduce((a, b) => (a < b ? a : b)));
      if (!cache.covers(since, until)) continue;
      const fromCache = cache.content(since, limit, '2026-01-20', 'UTC');
      const fromQueries = gatherDigest(store.digests, { since, until }, limit, '2026-01-20', 'UTC');
      expect(fromCache.articles).toEqual(fromQueries.articles);
      expect(fromCache.total).toBe(fromQueries.total);
      expect(fromCache.people).toEqual(fromQueries.people);
      expect(comparable(fromCache.quotes)).toEqual(comparable(fromQueries.quotes));
    }
    expect(cache.covers(new Date(UNTIL - 4 * 86_400_000).toISOString(), until)).toBe(false);
    expect(cache.covers(new Date(UNTIL - 86_400_000).toISOString(), new Date(UNTIL - 1).toISOString())).toBe(false);
  });

  it('posts the same digests in a tick whether guilds share the load or not', async () => {
    const { store } = seeded();
    const ctx = makeContext(store);
    for (let g = 0; g < 12; g++) {
      store.digests.subscribe({ guildId: `9000000000000000${String(g).padStart(2, '0')}`, channelId: `80000000000000000${g % 10}`, time: '09:00', timeZone: 'UTC', articles: 1 + (g % 10), now: '2026-01-01T00:00:00.000Z', createdBy: null });
    }
    const together = new RecordingPoster();
    await runDueDigests(ctx, new Date(UNTIL), together);
    const alone = new RecordingPoster();
    const other = seeded();
    const otherCtx = makeContext(other.store);
    for (let g = 0; g < 12; g++) {
      const guildId = `9000000000000000${String(g).padStart(2, '0')}`;
      other.store.digests.subscribe({ guildId, channelId: `80000000000000000${g % 10}`, time: '09:00', timeZone: 'UTC', articles: 1 + (g % 10), now: '2026-01-01T00:00:00.000Z', createdBy: null });
      await runDueDigests(otherCtx, new Date(UNTIL), alone, { guildId });
    }
    expect(together.posts.length).toBeGreaterThan(12);
    expect(together.posts).toEqual(alone.posts);
  });
});
