import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAnalysisPool, OUTCOMES_PER_MESSAGE } from '../../src/ingest/analysis-pool.ts';
import { analyseArticleText, FileRejectedError } from '../../src/ingest/article-file.ts';
import { ArticleFormatError } from '../../src/core/parse/plain-text.ts';

const seeds = readdirSync('seeds').filter((f) => f !== 'README.md').map((f) => readFileSync(join('seeds', f), 'utf8'));

describe('the analysis pool', () => {
  it('gives each text its own analysis, as the calling thread would, however the texts are batched', async () => {
    // More texts than one message of outcomes holds, on two workers, with bad ones in the middle.
    const texts = Array.from({ length: 3 * OUTCOMES_PER_MESSAGE + 3 }, (_, n) => seeds[n % seeds.length]!);
    texts[17] = ' date 2025-02-30 A caption.\n\nA body that never gets read.';
    const files = texts.map((text) => new TextEncoder().encode(text));
    files[5] = new Uint8Array([0x4f, 0x6c, 0xe9, 0x0a]); // Latin-1, not UTF-8
    const given = files.map((bytes) => bytes.slice());
    const pool = createAnalysisPool(2);
    try {
      const outcomes = await Promise.allSettled(files.map((bytes) => pool.analyse(bytes, 'America/Mexico_City')));
      expect(files).toEqual(given); // the caller's bytes are left as they were
      outcomes.forEach((outcome, n) => {
        if (n === 5) {
          expect(outcome.status).toBe('rejected');
          const error = (outcome as PromiseRejectedResult).reason as Error;
          expect(error).toBeInstanceOf(FileRejectedError);
          expect(error.message).toBe('not UTF-8 text (save it as UTF-8)');
        } else if (n === 17) {
          expect(outcome.status).toBe('rejected');
          const error = (outcome as PromiseRejectedResult).reason as Error;
          expect(error).toBeInstanceOf(ArticleFormatError);
          expect(error.message).toMatch(/"2025-02-30" is not a real date/);
        } else {
          expect(outcome).toEqual({ status: 'fulfilled', value: analyseArticleText(texts[n]!, 'America/Mexico_City') });
        }
      });
    } finally {
      await pool.close();
    }
  });
});
