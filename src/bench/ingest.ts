import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '../log.ts';
import { ingestPaths } from '../ingest/files.ts';
import { openStore } from '../store/index.ts';
import type { AppContext } from '../context.ts';
import { loadConfig } from '../config.ts';
import type { BenchSection } from './index.ts';
import { generateArticle } from './corpus.ts';

const ARTICLES = 10_000;
/** Linux reports thread CPU time in clock ticks of 1/100 s. */
const TICKS_PER_MS = 0.1;

/** CPU milliseconds used so far by the calling thread (Linux), or null where /proc cannot tell. */
function threadCpuMs(): number | null {
  try {
    // Fields after the parenthesised command name: utime and stime are the 12th and 13th.
    const fields = readFileSync('/proc/thread-self/stat', 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_MS;
  } catch {
    return null;
  }
}

const processCpuMs = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** Parse and store: a generated corpus written as files, ingested into a fresh store file, one transaction per article. */
export const section: BenchSection = {
  name: `parse and store (${ARTICLES.toLocaleString('en')} generated articles)`,
  async run({ log }) {
    const dir = mkdtempSync(join(tmpdir(), 'quotewire-bench-'));
    try {
      let bytes = 0;
      let words = 0;
      for (let n = 0; n < ARTICLES; n++) {
        const text = generateArticle(n);
        bytes += Buffer.byteLength(text);
        words += text.split(/\s+/).length;
        writeFileSync(join(dir, `article-${String(n).padStart(5, '0')}.txt`), text);
      }
      log(`  corpus: ${(bytes / 1e6).toFixed(1)} MB, ${Math.round(words / ARTICLES)} words per article`);
      const dbPath = join(dir, 'bench.db');
      const store = openStore(dbPath);
      const ctx: AppContext = { config: { ...loadConfig({}), dbPath }, log: createLogger('silent', { pretty: false }), store, now: () => new Date() };
      const started = process.hrtime.bigint();
      const cpuStarted = processCpuMs();
      const mainStarted = threadCpuMs();
      let peakRss = process.memoryUsage().rss;
      const reports = await ingestPaths(ctx, [dir], (done) => {
        if (done % 500 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
      });
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const cpuMs = processCpuMs() - cpuStarted;
      const mainEnded = threadCpuMs();
      const mainMs = mainStarted === null || mainEnded === null ? null : mainEnded - mainStarted;
      const failed = reports.filter((r) => r.status === 'failed').length;
      const stats = store.stats();
      // The same folder again, as a user re-running an ingest does: every file is read and found unchanged.
      const againStarted = process.hrtime.bigint();
      const again = await ingestPaths(ctx, [dir]);
      const againSeconds = Number(process.hrtime.bigint() - againStarted) / 1e9;
      const unchanged = again.filter((r) => r.status === 'unchanged').length;
      store.close();
      return {
        articles: ARTICLES,
        failed,
        seconds: +seconds.toFixed(2),
        articlesPerSecond: Math.round(ARTICLES / seconds),
        mbPerSecond: +(bytes / 1e6 / seconds).toFixed(2),
        peakRssMb: Math.round(peakRss / 1e6),
        storeMb: +(stats.sizeBytes / 1e6).toFixed(1),
        quotesStored: stats.quotes,
        // CPU time, which the machine's other work does not inflate as much as the wall clock: the main
        // thread stores, the analysis workers (and V8's helper threads) do the rest.
        cpuMsPerArticle: +(cpuMs / ARTICLES).toFixed(3),
        ...(mainMs === null ? {} : {
          mainThreadCpuMsPerArticle: +(mainMs / ARTICLES).toFixed(3),
          otherThreadsCpuMsPerArticle: +((cpuMs - mainMs) / ARTICLES).toFixed(3),
        }),
        // What the CPU time would allow if every core worked on the ingest alone.
        cpuBoundArticlesPerSecond: Math.round((availableParallelism() * 1000 * ARTICLES) / cpuMs),
        reingestUnchanged: unchanged,
        reingestSeconds: +againSeconds.toFixed(2),
        reingestArticlesPerSecond: Math.round(ARTICLES / againSeconds),
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
