import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/index.ts';
import { migrate, migrations } from '../../src/store/migrations.ts';

let store: Store;
beforeEach(() => {
  store = openStore(':memory:');
});
afterEach(() => store.close());

const NOW = '2025-06-01T12:00:00.000Z';

describe('feed store', () => {
  it('adds a feed due at once, finds it by id and URL, and lists it', () => {
    const feed = store.feeds.add({ url: 'https://ledger.example/feed.xml', intervalMinutes: 15, now: NOW, addedBy: 'cli' });
    expect(feed).toMatchObject({ url: 'https://ledger.example/feed.xml', intervalMinutes: 15, nextPollAt: NOW, failures: 0, pausedAt: null, primed: false, addedBy: 'cli' });
    expect(store.feeds.byId(feed.id)?.url).toBe(feed.url);
    expect(store.feeds.byUrl(feed.url)?.id).toBe(feed.id);
    expect(store.feeds.list()).toMatchObject([{ id: feed.id, items: 0 }]);
    expect(() => store.feeds.add({ url: feed.url, intervalMinutes: 15, now: NOW })).toThrow(/UNIQUE/);
  });

  it('returns only feeds that are due and not paused', () => {
    const a = store.feeds.add({ url: 'https://a.example/feed', intervalMinutes: 15, now: NOW });
    const b = store.feeds.add({ url: 'https://b.example/feed', intervalMinutes: 15, now: NOW });
    store.feeds.recordSuccess({ id: a.id, title: 'A', siteUrl: null, etag: '"1"', lastModified: null, now: NOW, nextPollAt: '2025-06-01T12:15:00.000Z' });
    store.feeds.recordFailure({ id: b.id, error: 'HTTP 500', now: NOW, nextPollAt: '2025-06-01T12:05:00.000Z', pause: true });
    expect(store.feeds.due('2025-06-01T12:10:00.000Z')).toEqual([]);
    expect(store.feeds.due('2025-06-01T12:15:00.000Z').map((f) => f.id)).toEqual([a.id]);
    expect(store.feeds.byId(a.id)).toMatchObject({ title: 'A', etag: '"1"', primed: true, lastOkAt: NOW });
    expect(store.feeds.byId(b.id)).toMatchObject({ failures: 1, lastError: 'HTTP 500', pausedAt: NOW });
    expect(store.feeds.resume(b.id, NOW)).toBe(true);
    expect(store.feeds.byId(b.id)).toMatchObject({ failures: 0, pausedAt: null, nextPollAt: NOW });
  });

  it('counts failures in a row and clears them on success', () => {
    const feed = store.feeds.add({ url: 'https://c.example/feed', intervalMinutes: 30, now: NOW });
    store.feeds.recordFailure({ id: feed.id, error: 'timeout', now: NOW, nextPollAt: NOW, pause: false });
    const after = store.feeds.recordFailure({ id: feed.id, error: 'timeout again', now: NOW, nextPollAt: NOW, pause: false });
    expect(after).toMatchObject({ failures: 2, lastError: 'timeout again', pausedAt: null });
    store.feeds.recordSuccess({ id: feed.id, title: null, siteUrl: null, etag: null, lastModified: null, now: NOW, nextPollAt: NOW });
    expect(store.feeds.byId(feed.id)).toMatchObject({ failures: 0, lastError: null });
  });

  it('remembers items, counts attempts of failed ones, and keeps them backlog once they were', () => {
    const feed = store.feeds.add({ url: 'https://d.example/feed', intervalMinutes: 15, now: NOW });
    store.feeds.recordItem({ feedId: feed.id, itemId: 'g1', title: 'One', link: null, articleId: null, error: 'HTTP 404', backlog: true, now: NOW });
    store.feeds.recordItem({ feedId: feed.id, itemId: 'g1', title: 'One', link: null, articleId: null, error: 'HTTP 404', backlog: false, now: NOW });
    expect(store.feeds.item(feed.id, 'g1')).toMatchObject({ stored: false, attempts: 2, lastError: 'HTTP 404', backlog: true });
    expect(store.feeds.item(feed.id, 'missing')).toBeNull();
  });

  it('drops a feed with its items on remove', () => {
    const feed = store.feeds.add({ url: 'https://e.example/feed', intervalMinutes: 15, now: NOW });
    store.feeds.recordItem({ feedId: feed.id, itemId: 'x', title: null, link: null, articleId: null, error: 'no text', backlog: true, now: NOW });
    expect(store.feeds.remove(feed.id)).toBe(true);
    expect(store.feeds.remove(feed.id)).toBe(false);
    expect(store.feeds.item(feed.id, 'x')).toBeNull();
  });
});

describe('migration 3', () => {
  it('adds the feed tables to a store written before it, keeping its data', () => {
    const dir = mkdtempSync(join(tmpdir(), 'quotewire-migrate-'));
    const path = join(dir, 'old.db');
    try {
      const old = new Database(path);
      migrate(old, migrations.filter((m) => m.version < 3));
      old.prepare("INSERT INTO settings (key, value) VALUES ('kept', 'yes')").run();
      old.close();
      const upgraded = openStore(path);
      expect(upgraded.settings.get('kept')).toBe('yes');
      expect(upgraded.feeds.add({ url: 'https://f.example/feed', intervalMinutes: 15, now: NOW }).id).toBe(1);
      expect(upgraded.db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(3);
      upgraded.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
