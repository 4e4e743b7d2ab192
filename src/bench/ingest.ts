import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '../log.ts';
import { ingestPaths } from '../ingest/files.ts';
import { openStore } from '../store/index.ts';
import type { AppContext } from '../context.ts';
import { loadConfig } from '../config.ts';
import type { BenchSection } from './index.ts';
import { generateArticle } from './corpus.ts';

const ARTICLES = 10_000;

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
      let peakRss = process.memoryUsage().rss;
      const reports = await ingestPaths(ctx, [dir], (done) => {
        if (done % 500 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
      });
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const failed = reports.filter((r) => r.status === 'failed').length;
      const stats = store.stats();
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
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
