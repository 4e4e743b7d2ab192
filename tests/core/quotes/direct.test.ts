import { describe, expect, it } from 'vitest';
import { analyse, envelope, quoteWith } from './helpers.ts';

describe('direct quotes', () => {
  it('finds a quote of several sentences with its speaker, quotation marks included', () => {
    const text = 'The mayor of Port Avel spoke on Monday.\n\n“We will reopen the bridge. It has taken too long. I am sorry,” Mayor Lena Ortiz said.';
    const { quotes } = analyse(text);
    expect(quotes).toHaveLength(1);
    const q = quotes[0]!;
    expect(envelope(text, q)).toBe('“We will reopen the bridge. It has taken too long. I am sorry,”');
    expect(q.kind).toBe('direct');
    expect(q.speaker).toBe('Lena Ortiz');
    expect(text.slice(q.speakerStart!, q.speakerEnd!)).toBe('Mayor Lena Ortiz');
    expect(q.cue).toBe('said');
  });

  it('reads straight quotation marks and attribution before the quote', () => {
    const text = 'Engineer Tomas Berg wrote: "The pumps failed twice before the storm arrived."';
    const q = analyse(text).quotes[0]!;
    expect(envelope(text, q)).toBe('"The pumps failed twice before the storm arrived."');
    expect(q.speaker).toBe('Tomas Berg');
    expect(q.kind).toBe('direct');
  });

  it('keeps an interrupted quote as one quote with two segments and one speaker', () => {
    const text = '“The budget is tight,” she said. “But the schools come first.”\n\nShe was speaking to Marta Quill, the council treasurer.';
    const text2 = `Councillor Ines Varga spoke after the vote.\n\n${text}`;
    const { quotes } = analyse(text2);
    const q = quoteWith(quotes, 'budget is tight');
    expect(q.segments).toHaveLength(2);
    expect(envelope(text2, q)).toBe('“The budget is tight,” she said. “But the schools come first.”');
    expect(q.speaker).toBe('Ines Varga');
    expect(q.speakerMention).toBe('she');
  });

  it('keeps a short closing quotation as the last segment of the quote before it', () => {
    const text = 'Union leader Per Haugen was angry.\n\n“Nobody asked us,” Haugen said. “Not once.”';
    const q = quoteWith(analyse(text).quotes, 'Nobody asked us');
    expect(envelope(text, q)).toBe('“Nobody asked us,” Haugen said. “Not once.”');
    expect(q.segments).toHaveLength(2);
  });

  it('joins a quote with the attribution in the middle of the sentence', () => {
    const text = 'Coach Dario Pell was blunt. "We played badly," Pell said, "and we deserved to lose the final."';
    const q = quoteWith(analyse(text).quotes, 'played badly');
    expect(q.segments).toHaveLength(2);
    expect(envelope(text, q)).toBe('"We played badly," Pell said, "and we deserved to lose the final."');
    expect(q.speaker).toBe('Dario Pell');
  });

  it('runs a quote over several paragraphs when a paragraph leaves it open', () => {
    const text = [
      'Festival director Amara Lind looked back on the week.',
      '“We sold every ticket on the first day. The town has never been this full,” Lind said.',
      '“Next year we will add a second stage by the river.',
      '“And we will keep the prices where they are.”',
      'The festival ends on Sunday.',
    ].join('\n\n');
    const { quotes } = analyse(text);
    const first = quoteWith(quotes, 'sold every ticket');
    expect(first.speaker).toBe('Amara Lind');
    const next = quoteWith(quotes, 'second stage');
    expect(next.speaker).toBe('Amara Lind');
    expect(envelope(text, next)).toContain('keep the prices');
    expect(next.segments.length).toBeGreaterThanOrEqual(2);
  });

  it('leaves an unquoted lead-in out of a quotation that opens a sentence of its own', () => {
    const text = 'Mayor Lena Ortiz has promised a new bridge for years. Addressing the harbour board in May, she said, "The bridge will open before the winter."';
    const q = quoteWith(analyse(text).quotes, 'bridge will open');
    expect(envelope(text, q)).toBe('"The bridge will open before the winter."');
    expect(q.kind).toBe('direct');
    expect(q.speaker).toBe('Lena Ortiz');
  });

  it('leaves the appositive after "said <name>," out of the quote', () => {
    const text = '"Rents have doubled in five years," said Ada Brenn, an economist at the Harbour Institute. "Wages have not."';
    const q = quoteWith(analyse(text).quotes, 'Rents have doubled');
    expect(q.text).not.toContain('economist');
    expect(q.kind).toBe('direct');
    expect(q.segments).toHaveLength(2);
    expect(q.speaker).toBe('Ada Brenn');
  });

  it('keeps a description of the speaker after "X said," out of a quotation', () => {
    const text = 'Runner Ada Brenn won the race. "I did not plan to win," Brenn said after the finish, still out of breath. "It just happened."';
    const q = quoteWith(analyse(text).quotes, 'plan to win');
    expect(q.text).not.toContain('breath');
    expect(q.kind).toBe('direct');
    expect(q.text).toContain('It just happened');
  });

  it('keeps every paragraph of a quote that stays open over three paragraphs', () => {
    const text = [
      'Chief engineer Petra Solvik described the night the pumps failed.',
      '"We heard the first alarm just after midnight," Solvik said. "Nobody believed it at first.',
      '"Then the second alarm went, and the third. By two o\'clock the basement was under water.',
      '"What saved us was the old hand pump in the boiler room."',
      'The station reopened in March.',
    ].join('\n\n');
    const { quotes } = analyse(text);
    const q = quoteWith(quotes, 'first alarm');
    expect(q.speaker).toBe('Petra Solvik');
    expect(envelope(text, q)).toMatch(/^"We heard .* boiler room\."$/s);
    expect(q.text).toContain('second alarm');
    expect(q.text).toContain('old hand pump');
    expect(quotes.filter((x) => x.text.includes('hand pump'))).toHaveLength(1);
  });

  it('gives an unattributed quote that follows in the next paragraph to the previous speaker', () => {
    const text = [
      '“The harbour needs dredging,” port manager Olaf Brandt said.',
      '“Ships are already waiting outside for the tide.”',
    ].join('\n\n');
    const q = quoteWith(analyse(text).quotes, 'Ships are already');
    expect(q.speaker).toBe('Olaf Brandt');
  });

  it('keeps nested single quotes inside the quote', () => {
    const text = '“When they told me ‘the money is gone,’ I did not believe them,” treasurer Priya Nandakumar said.';
    const q = analyse(text).quotes[0]!;
    expect(envelope(text, q)).toBe('“When they told me ‘the money is gone,’ I did not believe them,”');
    expect(q.speaker).toBe('Priya Nandakumar');
  });

  it('does not take scare quotes or titles of works for quotes', () => {
    const text = [
      'The council called the plan a “reset” of the old budget.',
      'Her novel “The Salt Road” sold well in the spring.',
      'Critics mocked the “smart” bins on every corner of the market square.',
    ].join('\n\n');
    const { quotes } = analyse(text);
    expect(quotes.filter((q) => q.kind === 'direct')).toEqual([]);
    expect(quotes.some((q) => /^“(reset|The Salt Road|smart)”$/.test(q.text))).toBe(false);
  });

  it('credits a quote signed with a dash', () => {
    const text = 'Readers wrote in after the debate.\n\n“The candidates never answered the question about rents.” ― Nora Feld';
    const q = quoteWith(analyse(text).quotes, 'never answered');
    expect(q.speakerMention).toBe('Nora Feld');
    expect(q.speaker).toBe('Nora Feld');
  });

  it('takes the paragraph after "X added:" as X\'s quote, with or without quotation marks', () => {
    const text = 'Governor Ada Brenn spoke after the flood. The governor added:\n\nWe will rebuild every bridge on the river before the winter.';
    const q = quoteWith(analyse(text).quotes, 'rebuild every bridge');
    expect(q.speaker).toBe('Ada Brenn');
    expect(q.cue).toBe('added');
  });

  it('reads a transcript turn as a quote by the named speaker', () => {
    const text = 'HOST: Welcome back to the program, tonight we talk about trains.\n\nKESSLER: Thank you, it is a pleasure to be here again.';
    const { quotes } = analyse(text);
    expect(quoteWith(quotes, 'pleasure to be here').speakerMention).toBe('KESSLER');
  });
});
