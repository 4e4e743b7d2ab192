import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FeedParseError, parseFeed } from '../../../src/core/parse/feed.ts';

describe('parseFeed on arbitrary text', () => {
  it('either parses or throws FeedParseError', () => {
    const xmlish = fc.array(fc.oneof(fc.constantFrom('<rss version="2.0">', '<channel>', '</channel>', '</rss>', '<item>', '</item>', '<title>', '</title>', '<feed xmlns="http://www.w3.org/2005/Atom">', '</feed>', '<entry>', '</entry>', '{', '}', '&'), fc.string({ maxLength: 20 })), { maxLength: 30 });
    fc.assert(
      fc.property(xmlish, (pieces) => {
        try {
          const feed = parseFeed(pieces.join(''), { url: 'https://fuzz.example.test/rss' });
          for (const item of feed.items) expect(item.id.length).toBeGreaterThan(0);
        } catch (error) {
          expect(error).toBeInstanceOf(FeedParseError);
        }
      }),
      { numRuns: 200 },
    );
  });
});
