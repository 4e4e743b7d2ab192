import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeDiscord, type FakeDiscord, type InjectedInteraction } from '../../tests/discord/fake-discord.ts';
import { bulkLoad, type BulkArticle } from '../store/bulk.ts';
import { openStore } from '../store/index.ts';
import { createRandom } from './corpus.ts';
import { launchBot, type BotProcess } from './discord-process.ts';
import type { BenchSection } from './index.ts';

const ARTICLES = 100_000;
const QUOTES_PER_ARTICLE = 10;
const PEOPLE = 5_000;
const RUNS = 400;
const WARMUP = 40;

const FIRST = ['Lorena', 'Tomas', 'Amara', 'Felix', 'Ingrid', 'Rafael', 'Noor', 'Dmitri', 'Keiko', 'Osman', 'José', 'Chiara', 'Björn', 'Aisha', 'Mateo', 'Sunita', 'Kwame', 'Yelena', 'Hugo', 'Mirela'];
const LAST = ['Castillo', 'Varga', 'Okafor', 'Lindqvist', 'Moreau', 'Haddad', 'Brennan', 'Takeda', 'Novak', 'Quispe', 'Adeyemi', 'Sorensen', 'Núñez', 'Kowalczyk', 'Abara', 'Ferreira', 'Mbeki', 'Olsen', 'Petrov', 'Sato'];
const WORDS = ('harbour bridge water tariff rail link school budget stadium lease wildfire plan housing code council vote ' +
  'minister hospital clinic ferry mill union strike tax reform election court ruling drought river dam port airport ' +
  'festival library museum police budget deficit inflation wages rent transit bus tram road tunnel energy grid solar wind ' +
  'coal gas oil mine forest farm harvest coffee fishing treaty border trade tariff summit protest rally reform pension').split(' ');

export function names(random: () => number): string[] {
  const out = new Set<string>();
  while (out.size < PEOPLE) {
    const suffix = out.size >= FIRST.length * LAST.length ? ` ${String.fromCharCode(65 + Math.floor(random() * 26))}.` : '';
    out.add(`${FIRST[Math.floor(random() * FIRST.length)]}${suffix} ${LAST[Math.floor(random() * LAST.length)]}`);
  }
  return [...out];
}

export function* generate(random: () => number): Generator<BulkArticle> {
  const words = (n: number): string => Array.from({ length: n }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ');
  const start = Date.parse('2021-01-01T00:00:00Z');
  for (let n = 0; n < ARTICLES; n++) {
    const when = new Date(start + Math.floor((n / ARTICLES) * 5 * 365 * 86_400_000));
    const title = words(6 + Math.floor(random() * 5));
    const summary = [`${words(20)}.`, `${words(18)}.`, `${words(16)}.`];
    yield {
      title: title.charAt(0).toUpperCase() + title.slice(1), date: when.toISOString().slice(0, 10), publishedAt: when.toISOString(),
      author: 'Staff Writer', outlet: 'Bench Gazette', url: `https://bench.example/a/${n}`, body: summary.join(' ') + ` ${words(40)}.`,
      summary, gist: summary[0]!,
      // A few people are quoted far more than the rest (index ~ u^2), as in real news.
      quotes: Array.from({ length: QUOTES_PER_ARTICLE }, () => {
        const r = random();
        return { text: words(8 + Math.floor(random() * 14)), kind: r < 0.6 ? 'direct' : r < 0.7 ? 'mixed' : 'indirect', person: Math.floor(PEOPLE * random() ** 2) };
      }),
    };
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Milliseconds from each interaction to its answer: the reply, or for a deferred command the edit that replaces "thinking…". */
async function measure(fake: FakeDiscord, send: (n: number) => InjectedInteraction, deferred = false, runs = RUNS): Promise<{ median: number; p99: number }> {
  const times: number[] = [];
  for (let n = 0; n < WARMUP + runs; n++) {
    const i = send(n);
    const cb = await fake.callback(i, 10_000);
    const answered = deferred ? await fake.webhook(i, 'PATCH', 10_000) : cb;
    if (n >= WARMUP) times.push(answered.at - i.sentAt);
  }
  times.sort((a, b) => a - b);
  return { median: +percentile(times, 50).toFixed(2), p99: +percentile(times, 99).toFixed(2) };
}

/** The bot as `npm start` runs it (its own process, the real discord.js client, fake Discord) over 100,000 articles and 1,000,000 quotes. */
export const section: BenchSection = {
  name: `discord bot (npm start; ${ARTICLES.toLocaleString('en')} articles, ${(ARTICLES * QUOTES_PER_ARTICLE).toLocaleString('en')} quotes, real client, fake Discord)`,
  async run({ log }) {
    const dir = mkdtempSync(join(tmpdir(), 'quotewire-bench-discord-'));
    const dbPath = join(dir, 'bench.db');
    const random = createRandom(5);
    let fake: FakeDiscord | null = null;
    let bot: BotProcess | null = null;
    let store = openStore(dbPath);
    try {
      const seeded = performance.now();
      const people = names(random);
      const loaded = bulkLoad(store.db, people, generate(random));
      log(`  seeded ${loaded.articles.toLocaleString('en')} articles, ${loaded.quotes.toLocaleString('en')} quotes in ${((performance.now() - seeded) / 1000).toFixed(1)} s`);
      store.close();
      fake = await startFakeDiscord();
      const f = fake;
      bot = await launchBot({ QUOTEWIRE_DB: dbPath, DISCORD_TOKEN: f.token, DISCORD_API_URL: f.apiUrl, DISCORD_GUILD_ID: f.guildId });
      const atReady = bot.memory();
      const cpuAtReady = bot.cpuMs();
      store = openStore(dbPath);
      const top = store.people.top(1000).map((p) => p.name);
      const prefixes = top.map((name) => name.split(' ').at(-1)!.slice(0, 3));
      const quote = await measure(f, (n) => f.command('quote', { speaker: top[(n * 37) % top.length] }));
      const quoteTop = await measure(f, () => f.command('quote', { speaker: top[0] }));
      // Everyone's quotes on a word: each word of this corpus is in about a third of the million quotes (real
      // vocabularies are far more spread out), the worst case of the search.
      const everyoneAbout = await measure(f, (n) => f.command('quote', { about: WORDS[(n * 11) % WORDS.length]! }), true, 50);
      const latest = await measure(f, () => f.command('article', {}, { subcommand: 'latest' }));
      const speakerAc = await measure(f, (n) => f.autocomplete('quote', { name: 'speaker', value: prefixes[(n * 13) % prefixes.length]!.slice(0, 1 + (n % 3)) }));
      const titleAc = await measure(f, (n) => f.autocomplete('article', { name: 'id', value: WORDS[(n * 7) % WORDS.length]!.slice(0, 2 + (n % 3)), type: 4 }, {}, { subcommand: 'show' }));
      const afterLoad = bot.memory();
      const { launchToReadyMs, launchToDiscordReadyMs, runningFrom } = bot;
      const stopped = await bot.stop();
      bot = null;
      const mb = (bytes: number): number => Math.round(bytes / 1e6);
      return {
        processLaunchToReadyMs: Math.round(launchToReadyMs),
        runningFrom,
        botRssAtReadyMb: mb(atReady.rss),
        botRssAfterLoadMb: mb(afterLoad.rss),
        botPeakRssMb: mb(afterLoad.peakRss),
        botCpuToReadyMs: cpuAtReady ?? 'unknown',
        processLaunchToDiscordReadyMs: Math.round(launchToDiscordReadyMs),
        quoteMedianMs: quote.median, quoteP99Ms: quote.p99,
        quoteTopSpeakerMedianMs: quoteTop.median, quoteTopSpeakerP99Ms: quoteTop.p99,
        quoteEveryoneAboutMedianMs: everyoneAbout.median, quoteEveryoneAboutP99Ms: everyoneAbout.p99,
        articleLatestMedianMs: latest.median, articleLatestP99Ms: latest.p99,
        speakerAutocompleteMedianMs: speakerAc.median, speakerAutocompleteP99Ms: speakerAc.p99,
        titleAutocompleteMedianMs: titleAc.median, titleAutocompleteP99Ms: titleAc.p99,
        shutdownMs: Math.round(stopped.ms),
        shutdownExitCode: stopped.code ?? 'signal',
        topSpeakerQuotes: store.people.top(1)[0]!.quoteCount,
      };
    } finally {
      await bot?.stop();
      await fake?.close();
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
