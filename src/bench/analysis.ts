import { analyzeText } from '../core/analyze.ts';
import { parsePlainText } from '../core/parse/plain-text.ts';
import { findQuotes } from '../core/quotes/index.ts';
import { summarize } from '../core/summary/index.ts';
import { splitSentences } from '../core/text/sentences.ts';
import type { BenchSection } from './index.ts';
import { generateArticle } from './corpus.ts';

const ARTICLES = 2_000;
const WORDS = 700;

/** Per-stage CPU cost of the analysis on one core (this thread), over generated articles of about 700 words. */
export const section: BenchSection = {
  name: `analysis on one core (${ARTICLES.toLocaleString('en')} generated articles of ${WORDS}+ words)`,
  async run() {
    const texts = Array.from({ length: ARTICLES }, (_, n) => generateArticle(n, WORDS));
    const words = texts.reduce((sum, t) => sum + t.split(/\s+/).length, 0) / ARTICLES;
    // CPU time of the process (this thread and V8's helpers): on a shared machine the wall clock mostly
    // measures the neighbours.
    const cpuMs = (): number => {
      const { user, system } = process.cpuUsage();
      return (user + system) / 1000;
    };
    // V8 keeps re-optimising the analysis for the first thousand or so articles (a few CPU-seconds of
    // compiling): one whole pass first, so that the figures below are the steady state.
    const coldStarted = cpuMs();
    for (const t of texts) analyzeText(t);
    const coldMs = (cpuMs() - coldStarted) / ARTICLES;
    const perArticle = (fn: (text: string) => void): number => {
      for (const t of texts.slice(0, 100)) fn(t);
      const started = cpuMs();
      for (const t of texts) fn(t);
      return (cpuMs() - started) / ARTICLES;
    };
    const parseMs = perArticle((t) => parsePlainText(t));
    const sentencesMs = perArticle((t) => splitSentences(t, parsePlainText(t).paragraphs)) - parseMs;
    const quotesMs = perArticle((t) => {
      const p = parsePlainText(t);
      findQuotes({ text: t, paragraphs: p.paragraphs, sentences: splitSentences(t, p.paragraphs), ignoreNames: p.authors });
    }) - parseMs - sentencesMs;
    const wholeMs = perArticle((t) => analyzeText(t));
    const summaryMs = perArticle((t) => {
      const p = parsePlainText(t);
      summarize({ text: t, paragraphs: p.paragraphs, sentences: splitSentences(t, p.paragraphs), title: null, quotes: [], people: [] });
    }) - parseMs - sentencesMs;
    return {
      wordsPerArticle: Math.round(words),
      parseMsPerArticle: +parseMs.toFixed(3),
      sentencesMsPerArticle: +sentencesMs.toFixed(3),
      quotesAndPeopleMsPerArticle: +quotesMs.toFixed(3),
      summaryMsPerArticle: +summaryMs.toFixed(3),
      wholeAnalysisMsPerArticle: +wholeMs.toFixed(3),
      firstPassMsPerArticle: +coldMs.toFixed(3),
      parseSentencesQuotesPerSecond: Math.round(1000 / (parseMs + sentencesMs + quotesMs)),
      wholeAnalysisPerSecond: Math.round(1000 / wholeMs),
    };
  },
};
