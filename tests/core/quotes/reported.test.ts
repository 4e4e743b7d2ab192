import { describe, expect, it } from 'vitest';
import { analyse, envelope, quoteWith } from './helpers.ts';

const intro = 'Harbour commissioner Rosa Dimitrova met the fishermen on Tuesday.\n\n';

describe('reported speech', () => {
  it('takes the clause after "X said that" as the content, "that" included', () => {
    const text = `${intro}Dimitrova said that the new quay would open before the winter storms.`;
    const q = quoteWith(analyse(text).quotes, 'new quay');
    expect(envelope(text, q)).toBe('that the new quay would open before the winter storms');
    expect(q.kind).toBe('indirect');
    expect(q.speaker).toBe('Rosa Dimitrova');
    expect(q.cue).toBe('said');
  });

  it('handles "X added that" with a pronoun and "X said" without "that"', () => {
    const text = `${intro}She added that the fish market would stay where it is. The mayor says the town cannot pay for a second quay.`;
    const { quotes } = analyse(text);
    expect(quoteWith(quotes, 'fish market').speaker).toBe('Rosa Dimitrova');
    expect(envelope(text, quoteWith(quotes, 'second quay'))).toBe('the town cannot pay for a second quay');
  });

  it('takes the clause before ", X said." as the content', () => {
    const text = `${intro}The old crane will be sold for scrap, the commissioner said.`;
    const q = quoteWith(analyse(text).quotes, 'old crane');
    expect(envelope(text, q)).toBe('The old crane will be sold for scrap');
    expect(q.speakerMention).toBe('the commissioner');
    expect(q.speaker).toBe('Rosa Dimitrova');
  });

  it('reads "according to X" before and after the clause', () => {
    const text = `${intro}According to the port authority, two ships were turned away last month. Catches fell by a third this year, according to Dimitrova.`;
    const { quotes } = analyse(text);
    const before = quoteWith(quotes, 'two ships');
    expect(envelope(text, before)).toBe('two ships were turned away last month');
    expect(before.cue).toBe('according to');
    expect(before.speakerKind).toBe('organisation');
    const after = quoteWith(quotes, 'Catches fell');
    expect(envelope(text, after)).toBe('Catches fell by a third this year');
    expect(after.speaker).toBe('Rosa Dimitrova');
  });

  it('reads "X, stating that" and "with X stating that" as separate attributions', () => {
    const text = `${intro}Dimitrova rejected the plan on Friday, stating that the fleet must keep its berths. Both unions welcomed the news, with union leader Kofi Mensah stating that the jobs are safe for now.`;
    const { quotes } = analyse(text);
    const stating = quoteWith(quotes, 'fleet must keep');
    expect(envelope(text, stating)).toBe('that the fleet must keep its berths');
    expect(stating.speaker).toBe('Rosa Dimitrova');
    const kofi = quoteWith(quotes, 'jobs are safe');
    expect(kofi.speaker).toBe('Kofi Mensah');
    expect(kofi.cue).toBe('stating');
  });

  it('gives a speech verb inside reported content to the subject of that content, not to the outer speaker', () => {
    const text = `${intro}Dimitrova claimed that the port board had planned the cuts for months while telling skippers their berths were safe.`;
    const q = analyse(text).quotes.find((x) => x.cue === 'telling')!;
    expect(q.text).toBe('skippers their berths were safe');
    expect(q.speakerMention).toBe('the port board');
    expect(q.speaker).not.toBe('Rosa Dimitrova');
  });

  it('widens the source over what qualifies it: a relative clause, a place, a body', () => {
    const text = `${intro}Two skippers who spoke at the hearing argued that the quay was too short. Officials on both sides said privately that talks would resume. Engineers at the port authority noted that the crane was old.`;
    const { quotes } = analyse(text);
    expect(quoteWith(quotes, 'too short').speakerMention).toBe('Two skippers who spoke at the hearing');
    expect(quoteWith(quotes, 'talks would resume').speakerMention).toBe('Officials on both sides');
    expect(quoteWith(quotes, 'crane was old').speakerMention).toBe('Engineers at the port authority');
  });

  it('reads the source of an attitude over degree words ("was less enthusiastic")', () => {
    const text = `${intro}The commissioner was less enthusiastic about the cuts but said she could live with them.`;
    const { quotes } = analyse(text);
    expect(quoteWith(quotes, 'live with them').speaker).toBe('Rosa Dimitrova');
  });

  it('reads ", warning that" as the participle, with the clause\'s subject as its source', () => {
    const text = `${intro}The commissioner struck a gloomier note, warning that the fleet would shrink.`;
    const q = quoteWith(analyse(text).quotes, 'fleet would shrink');
    expect(q.speakerMention).toBe('The commissioner');
    expect(q.speaker).toBe('Rosa Dimitrova');
  });

  it('marks reported speech with a quoted part as mixed', () => {
    const text = `${intro}Dimitrova said the delays were “simply unacceptable for a working port.”`;
    const q = quoteWith(analyse(text).quotes, 'delays');
    expect(q.kind).toBe('mixed');
    expect(envelope(text, q)).toBe('the delays were “simply unacceptable for a working port.”');
  });

  it.each([
    ['told reporters that', 'told reporters that the repairs are on schedule'],
    ['warned', 'warned that the repairs could be delayed again'],
    ['insisted', 'insisted the repairs are on schedule'],
    ['confirmed', 'confirmed that the repairs are on schedule'],
    ['argued', 'argued that the repairs are on schedule'],
    ['noted', 'noted that the repairs are on schedule'],
    ['wrote', 'wrote that the repairs are on schedule'],
    ['tweeted', 'tweeted that the repairs are on schedule'],
    ['announced', 'announced that the repairs are on schedule'],
    ['claimed', 'claimed that the repairs are on schedule'],
    ['explained', 'explained that the repairs are on schedule'],
    ['continued', 'continued that the repairs are on schedule'],
  ])('recognises the cue "%s"', (cue, sentence) => {
    const text = `${intro}Dimitrova ${sentence}.`;
    const q = quoteWith(analyse(text).quotes, 'repairs');
    expect(q.speaker).toBe('Rosa Dimitrova');
    expect(q.cue).toBe(cue.split(' ')[0]);
  });

  it('reads attitudes after a form of "be" ("were frustrated that")', () => {
    const text = `${intro}The fishermen were frustrated that the council had delayed the vote again.`;
    const q = quoteWith(analyse(text).quotes, 'delayed the vote');
    expect(envelope(text, q)).toBe('that the council had delayed the vote again');
    expect(q.speakerMention).toBe('The fishermen');
  });

  it('takes the subject of a lower-case clause after an opening phrase as the source of "saying that"', () => {
    const text = 'On Monday, several environmental groups filed a lawsuit, saying that the permit ignored the river.';
    const q = quoteWith(analyse(text).quotes, 'ignored the river');
    expect(q.speakerMention).toBe('several environmental groups');
  });

  it('does not read a sentence without a speech verb as a quote', () => {
    const text = 'The ferry left at dawn. Gulls followed it out of the bay, and the town went back to sleep.';
    expect(analyse(text).quotes).toEqual([]);
  });

  it('does not take "Editor\'s note" or "his tweets" for an attribution', () => {
    const text = 'Editor’s note: the interview was edited for length. His tweets about the harbour drew hundreds of replies.';
    expect(analyse(text).quotes).toEqual([]);
  });
  it.each([
    ['A survey published in the Coastal Review found that most skippers back the plan.', 'A survey published in the Coastal Review'],
    ['Fishermen stranded in Port Aven said the quay had flooded.', 'Fishermen stranded in Port Aven'],
  ])('takes the noun a reduced relative clause describes for the source: %s', (sentence, source) => {
    const text = `${intro}${sentence}`;
    const q = analyse(text).quotes.at(-1)!;
    expect(text.slice(q.speakerStart!, q.speakerEnd!)).toBe(source);
  });
});
