import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../src/core/text/sentences.ts';

const split = (text: string): string[] => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('splitSentences on ordinary news text', () => {
  it('splits on full stops before capitals and keeps titles, initials and acronyms inside sentences', () => {
    expect(split('Dr. Ines Vall met the U.S. President on Monday. J. R. Hale was not invited. The talks ended early.')).toEqual([
      'Dr. Ines Vall met the U.S. President on Monday.',
      'J. R. Hale was not invited.',
      'The talks ended early.',
    ]);
  });

  it('keeps quotes with their closing marks and splits between a closing and an opening quote', () => {
    expect(split('“We will rebuild,” she said. “It will take time.” “Nobody is leaving.”')).toEqual([
      '“We will rebuild,” she said.',
      '“It will take time.”',
      '“Nobody is leaving.”',
    ]);
  });

  it('does not split inside names and titles that start with a capitalised function word', () => {
    const text = 'The envoy flew to The Hague on Sunday and told The Times that talks would resume. She then met officials from Push It Records and I think they agreed.';
    expect(split(text)).toEqual([
      'The envoy flew to The Hague on Sunday and told The Times that talks would resume.',
      'She then met officials from Push It Records and I think they agreed.',
    ]);
  });

  it('uses the paragraphs it is given', () => {
    const text = 'First paragraph ends here\n\nSecond paragraph. It has two sentences.';
    const paragraphs = [{ start: 0, end: 25 }, { start: 27, end: text.length }];
    expect(splitSentences(text, paragraphs).map((s) => text.slice(s.start, s.end))).toEqual([
      'First paragraph ends here',
      'Second paragraph.',
      'It has two sentences.',
    ]);
  });
});

describe('splitSentences on scraped text', () => {
  it('splits sentences glued without a space, after a word or a number', () => {
    expect(split('The hall was full by noon.Organisers then closed the doors in 2019.But nobody complained.')).toEqual([
      'The hall was full by noon.',
      'Organisers then closed the doors in 2019.',
      'But nobody complained.',
    ]);
  });

  it('splits a glued straight quote on the right side of the mark', () => {
    expect(split('He was asked about the plan.“It works,” he said.')).toEqual(['He was asked about the plan.', '“It works,” he said.']);
    expect(split('Fans were angry."I did not expect this," one said."It was a shock."The club apologised.')).toEqual([
      'Fans were angry.',
      '"I did not expect this," one said.',
      '"It was a shock."',
      'The club apologised.',
    ]);
  });

  it('splits off a caption glued to the next sentence without a full stop', () => {
    expect(split('The mayor opened the bridge. Crowds gather on the new bridge on Saturday He said it would change the town.')).toEqual([
      'The mayor opened the bridge.',
      'Crowds gather on the new bridge on Saturday',
      'He said it would change the town.',
    ]);
    expect(split('Ticket prices rose again. Fans queue outside the stadium (left) The club defended the rise.')).toEqual([
      'Ticket prices rose again.',
      'Fans queue outside the stadium (left)',
      'The club defended the rise.',
    ]);
  });

  it('reads a capital A as the letter, not a glued sentence, when a verb or conjunction follows it', () => {
    expect(split('The council chose plan A because it was cheaper.')).toEqual(['The council chose plan A because it was cheaper.']);
    expect(split('Residents said option A was the only fair one.')).toEqual(['Residents said option A was the only fair one.']);
    expect(split('Crowds gather outside the town hall A spokesman said the doors would open at nine.')).toEqual([
      'Crowds gather outside the town hall',
      'A spokesman said the doors would open at nine.',
    ]);
  });

  it('splits before a sentence adverb glued to a caption', () => {
    expect(split('A new beetle was found in the park. The beetle is larger than its cousins Officially named Carabus pellworthi, it lives under oak bark.')).toEqual([
      'A new beetle was found in the park.',
      'The beetle is larger than its cousins',
      'Officially named Carabus pellworthi, it lives under oak bark.',
    ]);
  });

  it('splits after a closing quote glued to the next sentence, and after units such as "12st."', () => {
    expect(split("Engineers hope to build a 'thinking robot' The prototype is due next year.")).toEqual([
      "Engineers hope to build a 'thinking robot'",
      'The prototype is due next year.',
    ]);
    expect(split('She now weighs 9st. Friends barely recognise her. They met at St. Ives.')).toEqual([
      'She now weighs 9st.',
      'Friends barely recognise her.',
      'They met at St. Ives.',
    ]);
  });

  it('splits a caption run into a single-quoted quotation (Daily Mail style)', () => {
    expect(split('The club will name Ana Pires as manager on Friday ‘I have waited a long time for this,’ said Pires after training.')).toEqual([
      'The club will name Ana Pires as manager on Friday',
      '‘I have waited a long time for this,’ said Pires after training.',
    ]);
    expect(split("Fans wait outside the ground before kick-off 'We never lost hope,' said one supporter.")).toEqual([
      'Fans wait outside the ground before kick-off',
      "'We never lost hope,' said one supporter.",
    ]);
  });

  it('keeps scare quotes, titles and introduced quotations inside their sentence', () => {
    for (const text of [
      'The minister called the report ‘A Road to Nowhere’ in a speech on Monday.',
      "He appeared in his latest 'How We Got Here' video series for the university.",
      "She said 'We will appeal, of course,' and left the court.",
      'Critics described the plan as ‘Unworkable, costly and late.’ The council disagreed.',
    ]) expect(split(text)[0]!.length).toBeGreaterThan(40);
    expect(split("She said 'We will appeal, of course,' and left the court.")).toHaveLength(1);
  });

  it('does not treat a capitalised word after a function word as a glue point', () => {
    expect(split('They watched the film The Long Road twice.')).toEqual(['They watched the film The Long Road twice.']);
  });

  it('cuts page widgets glued into the text out as sentences of their own', () => {
    const text = 'Share this withEmailFacebookTwitterWhatsAppCopy this linkThe museum reopened on Friday. Visitors queued for hours.Media playback is not supported on this deviceThe director thanked staff.';
    expect(split(text)).toEqual([
      'Share this withEmailFacebookTwitterWhatsAppCopy this link',
      'The museum reopened on Friday.',
      'Visitors queued for hours.',
      'Media playback is not supported on this device',
      'The director thanked staff.',
    ]);
    const local = 'The inquest continues.Read more on this story and other news from North KestrelJudge Ann Pell QC said the case was complex.';
    expect(split(local)).toEqual([
      'The inquest continues.',
      'Read more on this story and other news from North Kestrel',
      'Judge Ann Pell QC said the case was complex.',
    ]);
  });
});
