import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../config.ts';
import type { AppContext } from '../context.ts';
import { composeDigest } from '../digest/compose.ts';
import { createTickGatherer, digestWindow, runDueDigests, type DigestPoster } from '../digest/run.ts';
import { createOccurrenceCache } from '../digest/schedule.ts';
import { createLogger } from '../log.ts';
import { seedDigestBench, type SeedArticle } from '../store/digests.ts';
import { openStore, type Store } from '../store/index.ts';
import { createRandom } from './corpus.ts';
import type { BenchSection } from './index.ts';

const ARTICLES = 100_000;
const GUILDS = 10_000;
const DAYS = 365;
const PEOPLE = 5_000;
const ZONES = ['UTC', 'Europe/London', 'Europe/Berlin', 'Europe/Lisbon', 'America/New_York', 'America/Chicago', 'America/Los_Angeles',
  'America/Sao_Paulo', 'Asia/Tokyo', 'Asia/Kolkata', 'Asia/Singapore', 'Australia/Sydney', 'Africa/Lagos', 'Pacific/Auckland'];
const WORDS = ['harbour', 'council', 'tariff', 'bridge', 'budget', 'schools', 'rail', 'wildfire', 'housing', 'clinic', 'ferry', 'orchard'];

function seedArticles(end: number): SeedArticle[] {
  const random = createRandom(7);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const span = DAYS * 86_400_000;
  return Array.from({ length: ARTICLES }, (_, n) => {
    const ingested = end - span + Math.floor((n / ARTICLES) * span);
    const quoteCount = Math.floor(random() * 5);
    return {
      title: `The ${pick(WORDS)} ${pick(WORDS)} plan goes to a vote (${n})`,
      date: new Date(ingested - Math.floor(random() * 2) * 86_400_000).toISOString().slice(0, 10),
      gist: `Officials debated the ${pick(WORDS)} proposal for hours before agreeing to revisit the ${pick(WORDS)} figures next month.`,
      ingestedAt: new Date(ingested).toISOString(),
      quotes: Array.from({ length: quoteCount }, () => ({
        text: `We cannot keep postponing the ${pick(WORDS)} decision while the ${pick(WORDS)} costs keep rising.`,
        kind: pick(['direct', 'direct', 'mixed', 'indirect'] as const),
        person: random() < 0.9 ? Math.floor(random() * PEOPLE) : null,
      })),
    };
  });
}

/** Subscribes the guilds (times and zones spread out); two thirds had a previous digest in the last day and a half. */
function seedGuilds(store: Store, now: Date, random: () => number): void {
  for (let g = 0; g < GUILDS; g++) {
    const guildId = String(1_400_000_000_000_000_000n + BigInt(g));
    const zone = ZONES[g % ZONES.length]!;
    const time = `${String(Math.floor(random() * 24)).padStart(2, '0')}:${String(Math.floor(random() * 60)).padStart(2, '0')}`;
    store.digests.subscribe({ guildId, channelId: guildId, time, timeZone: zone, articles: 1 + (g % 10), now: '2026-01-01T00:00:00.000Z', createdBy: null });
    if (g % 3 === 0) continue;
    // Every window differs: each previous digest ended at its own moment.
    const until = new Date(now.getTime() - Math.floor(random() * 36 * 3600_000)).toISOString();
    const run = store.digests.claim({ guildId, localDate: '2026-02-27', dueAt: until, channelId: guildId, runner: 'seed', now: until, staleBefore: until, windowSince: until, windowUntil: until });
    store.digests.finish(run!.run.id, guildId, { status: 'posted', articleCount: 1, detail: null, now: until, pauseAfter: 3, pauseReason: '' });
  }
}

/**
 * Digests: composing 10,000 guilds' digests (each its own window: since its previous digest, or the last
 * 24 hours) from a store of 100,000 articles over a year with the tick's own gatherer (recent articles read
 * once, each window answered from them) and composeDigest; then one real tick with all of them due, claims
 * and completions included, posting to a poster that does nothing.
 */
export const section: BenchSection = {
  name: `digests (${GUILDS.toLocaleString('en')} guilds, ${ARTICLES.toLocaleString('en')} articles)`,
  async run({ log }) {
    const dir = mkdtempSync(join(tmpdir(), 'quotewire-bench-digest-'));
    const store = openStore(join(dir, 'bench.db'));
    try {
      const now = new Date('2026-03-01T09:00:00Z');
      const random = createRandom(11);
      let started = performance.now();
      seedDigestBench(store.db, Array.from({ length: PEOPLE }, (_, i) => `Person ${i} Benchmark`), seedArticles(now.getTime()));
      store.db.transaction(() => seedGuilds(store, now, random))();
      log(`  store seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);

      const subs = store.digests.active();
      let messages = 0;
      let articles = 0;
      let empty = 0;
      const cpu = process.cpuUsage();
      started = performance.now();
      // As a scheduler tick gathers and composes them (every window ends now), without the claims and posting.
      const windows = subs.map((sub) => digestWindow(store.digests, sub.guildId, now));
      const gather = createTickGatherer(store.digests, windows.map((w) => w.since), now);
      const loadMs = performance.now() - started;
      for (const [i, sub] of subs.entries()) {
        const content = gather(windows[i]!, sub.articles, '2026-03-01', sub.timeZone);
        const composed = composeDigest(content);
        messages += composed.length;
        articles += content.articles.length;
        if (composed.length === 0) empty++;
      }
      const composeSeconds = (performance.now() - started) / 1000;
      const composeCpu = process.cpuUsage(cpu);

      // Everyone due at once: one tick claims, composes and completes all 10,000.
      store.db.exec("UPDATE digest_subscriptions SET time = '09:00', time_zone = 'UTC'");
      const ctx: AppContext = { config: loadConfig({}), log: createLogger('silent', { pretty: false }), store, now: () => now };
      const poster: DigestPoster = { post: async () => undefined };
      const occurrences = createOccurrenceCache();
      started = performance.now();
      const reports = await runDueDigests(ctx, now, poster, { occurrences });
      const tickSeconds = (performance.now() - started) / 1000;
      // The next minute: every guild is done for the day, as on most ticks.
      started = performance.now();
      const idleCpu = process.cpuUsage();
      await runDueDigests(ctx, new Date(now.getTime() + 60_000), poster, { occurrences });
      const idleTickMs = performance.now() - started;
      const idleTickCpu = process.cpuUsage(idleCpu);
      return {
        guilds: subs.length,
        composeSeconds: +composeSeconds.toFixed(2),
        composeCpuSeconds: +((composeCpu.user + composeCpu.system) / 1e6).toFixed(2),
        composeMsPerGuild: +((composeSeconds * 1000) / subs.length).toFixed(3),
        sharedLoadMs: Math.round(loadMs),
        messages,
        articlesShown: articles,
        emptyDigests: empty,
        tickAllDueSeconds: +tickSeconds.toFixed(2),
        tickPosted: reports.filter((r) => r.outcome === 'posted').length,
        idleTickMs: Math.round(idleTickMs),
        idleTickCpuMs: Math.round((idleTickCpu.user + idleTickCpu.system) / 1000),
      };
    } finally {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
