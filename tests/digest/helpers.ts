import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.ts';
import type { AppContext } from '../../src/context.ts';
import type { AnalyzedArticle, Quote } from '../../src/core/types.ts';
import type { Reply } from '../../src/discord/reply.ts';
import { DigestPostError, type DigestPoster } from '../../src/digest/run.ts';
import { createLogger } from '../../src/log.ts';
import { openStore, type Store } from '../../src/store/index.ts';

/** A temporary store file with every migration, removed by `cleanup`. */
export function tempStorePath(): { path: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'quotewire-digest-'));
  return { path: join(dir, 'store.db'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A context on a store, with a clock the test moves. */
export function makeContext(store: Store, clock: { now: Date } = { now: new Date('2026-01-15T12:00:00Z') }): AppContext & { clock: { now: Date } } {
  return { config: loadConfig({}), log: createLogger('silent', { pretty: false }), store, now: () => clock.now, clock };
}

export function openTempStore(): { store: Store; path: string; cleanup: () => void } {
  const temp = tempStorePath();
  const store = openStore(temp.path);
  return { store, path: temp.path, cleanup: () => { store.close(); temp.cleanup(); } };
}

function quote(text: string, speaker: string | null, kind: Quote['kind'] = 'direct'): Quote {
  return {
    text, start: 0, end: text.length, segments: [{ start: 0, end: text.length }], kind, cue: 'said',
    speaker, speakerMention: speaker, speakerStart: null, speakerEnd: null, speakerKind: speaker ? 'person' : 'unknown',
  };
}

let serial = 0;

/** Stores an article written for these tests, ingested at `ingestedAt`, quoting the given people. */
export function addArticle(store: Store, options: {
  title: string; ingestedAt: string; date?: string; gist?: string; url?: string | null;
  quotes?: [speaker: string | null, text: string, kind?: Quote['kind']][];
}): number {
  serial += 1;
  const quotes = (options.quotes ?? []).map(([speaker, text, kind]) => quote(text, speaker, kind));
  const names = [...new Set(quotes.flatMap((q) => (q.speaker ? [q.speaker] : [])))];
  const body = `${options.title}. Body of test article number ${serial}.`;
  const article: AnalyzedArticle = {
    title: options.title, titleGenerated: false, date: options.date ?? options.ingestedAt.slice(0, 10), publishedAt: null,
    timeZone: 'UTC', timeZoneAssumed: true, dateline: null, author: 'Test Desk', authors: ['Test Desk'], outlet: 'Test Wire',
    caption: null, photoCredit: null, url: options.url ?? null, imageUrl: null, body, paragraphs: [{ start: 0, end: body.length }],
    warnings: [], sentences: [{ start: 0, end: body.length }], quotes,
    people: names.map((name) => ({ name, key: name.toLowerCase(), titles: [], gender: null, kind: 'person' as const, quoteCount: quotes.filter((q) => q.speaker === name).length })),
    summary: [body], gist: options.gist ?? `A short gist for ${options.title.toLowerCase()}.`,
  };
  return store.articles.save({ article, contentHash: `test-${serial}-${options.title}`, sourceKey: null, source: null, ingestedAt: options.ingestedAt }).articleId;
}

function refusal(status: number): string {
  if (status === 404) return 'the channel no longer exists (404)';
  if (status === 401) return 'Discord refused the bot token (401): check DISCORD_TOKEN';
  return status >= 500 ? `Discord answered ${status}: Service Unavailable` : `missing permissions in the channel (${status})`;
}

/**
 * A poster that records what it was given; `fail` makes every post throw that status, `unreachable` as if
 * Discord could not be reached at all. `attempts` counts every call, refused or not.
 */
export class RecordingPoster implements DigestPoster {
  posts: { channelId: string; message: Reply }[] = [];
  fail: number | null = null;
  unreachable = false;
  attempts = 0;
  delayMs = 0;
  async post(channelId: string, message: Reply): Promise<void> {
    this.attempts++;
    if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
    if (this.unreachable) throw new DigestPostError('could not reach Discord: connect ECONNREFUSED 127.0.0.1:443', null);
    if (this.fail !== null) throw new DigestPostError(refusal(this.fail), this.fail);
    this.posts.push({ channelId, message });
  }
}
