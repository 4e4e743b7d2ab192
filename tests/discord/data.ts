import type { Store } from '../../src/store/index.ts';
import { saveArticle } from './articles.ts';

export const LONG_TITLE = `${'A very long headline about harbour dredging and its consequences '.repeat(7)}end`;

/**
 * Hand-built articles added to the fixture store: a much-quoted person with an accented name, others quoted on
 * the same subject, a hostile quote, quotes interrupted by their attribution, an enormous article.
 */
export function addTestArticles(store: Store): { nunez: number; hostile: number; long: number; interrupted: number } {
  const dates = ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-04'];
  let nunez = 0;
  dates.forEach((date, d) => {
    nunez = saveArticle(store, {
      title: `Harbour council meets, session ${d + 1}`, date,
      quoteSpecs: [
        { text: `We will dredge the channel before spring, report ${d + 1}`, speaker: 'José Núñez' },
        { text: `that the budget for session ${d + 1} was tight`, speaker: 'José Núñez', kind: 'indirect' },
        { text: `Lighthouse repairs come next in session ${d + 1}`, speaker: 'José Núñez' },
      ],
    });
  });
  // Two more people on the lighthouse, for quotes searched across everyone: the newest direct quote, and reported speech.
  saveArticle(store, {
    title: 'Keepers hand over the lighthouse', date: '2025-10-06',
    quoteSpecs: [
      { text: 'The lighthouse kept this town safe for a century', speaker: 'Ines Marlow' },
      { text: 'that the lighthouse would open as a museum in May', speaker: 'Pavel Dunmore', kind: 'indirect' },
    ],
  });
  const hostile = saveArticle(store, {
    title: 'Town *square* [renamed](http://evil.example) after_vote', date: '2025-12-01', url: 'https://news.example/square(1)',
    outlet: 'Example Gazette', author: 'Pat Writer',
    quoteSpecs: [{ text: '@everyone come to the **square** _tonight_ and ping <@123456789012345678> or @here > now', speaker: 'Mallory Quince' }],
  });
  // Quotes the attribution interrupts: the stored text holds both pieces with their marks, spans into the body.
  const interrupted = saveArticle(store, {
    title: 'Lockkeepers vote to keep the canal open at night', date: '2025-11-05',
    quoteSpecs: [
      { pieces: ['"The canal belongs to everyone who works on it,"', '"Closing it at night helps nobody."'], attribution: 'said Wren Castellane, who chairs the lockkeepers.', speaker: 'Wren Castellane' },
      { pieces: ['"We kept the lamps lit through two winters —"', '"and we will keep them lit through a third."'], attribution: 'Castellane said,', speaker: 'Wren Castellane' },
      { pieces: ['that the night shift was "the heart of the canal,"', '"not a cost to cut."'], attribution: 'she added,', speaker: 'Wren Castellane', kind: 'mixed' },
    ],
  });
  const long = saveArticle(store, {
    title: LONG_TITLE, date: '2025-09-01',
    summary: Array.from({ length: 40 }, (_, i) => `Paragraph ${i} of the summary goes on and on about silt, tides, permits and the cost of hiring dredgers for the season.`.repeat(3)),
    quoteSpecs: [
      { text: 'Silt '.repeat(400), speaker: 'Long Talker' },
      { text: 'Tides '.repeat(400), speaker: 'Long Talker' },
      { text: 'Permits '.repeat(400), speaker: 'Other Talker' },
    ],
  });
  return { nunez, hostile, long, interrupted };
}
