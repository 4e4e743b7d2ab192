import { describe, expect, it } from 'vitest';
import { analyse, quoteWith } from './helpers.ts';

const intro = 'Harbour commissioner Rosa Dimitrova met the fishermen on Tuesday.\n\n';

describe('what is not reported speech', () => {
  it('never takes a verb, a number or a date for the source', () => {
    const text = `${intro}The fleet signed a pact that lifted proposed quay fees, and the port handed 31 accused smugglers to the police in June.`;
    const { quotes } = analyse(text);
    for (const q of quotes) expect(q.speakerMention ?? '').not.toMatch(/^(lifted|31|June)$/);
    expect(quotes.some((q) => q.cue === 'proposed' || q.cue === 'accused')).toBe(false);
  });

  it('steps over a date or an age to the source before it', () => {
    const text = `${intro}An inspection report in 2019 found that the pier was unsafe.`;
    const q = quoteWith(analyse(text).quotes, 'pier was unsafe');
    expect(q.speakerMention).toBe('An inspection report');
  });

  it.each([
    ['a welcome with a plain object', 'The fishermen welcomed the decision.'],
    ['a decline with a plain object', 'Dimitrova declined the invitation from the mayor.'],
    ['"who declined" before the main verb', 'Skippers who declined kept their old berths.'],
    ['an offer of things', 'The council offered the fishermen two new berths.'],
    ['a gap after the infinitive', 'The fishermen drew up a plan for a new quay, a plan Dimitrova declined to support.'],
    ['"responding to" an object', 'In a letter responding to the mayor\'s report, the port set out its budget.'],
    ['"recounting" a description', '"We will not move," Dimitrova said, recounting the reply she gave the mayor.'],
    ['"heard" a plain object', 'The fishermen had heard rumours for weeks.'],
    ['"added" with a plain object', 'The port had added mooring posts after the storm.'],
    ['a rejection of a plain object', 'The port board rejected that account within hours.'],
    ['an activity begun', 'Dimitrova, a former skipper who began writing for the radio at 50, runs the port.'],
    ['a quarrel', 'As a child she watched her uncles argue over the price of fish.'],
    ['"decided" with a plain object', 'It was the tide that decided the race for most of the decade.'],
  ])('reads %s as a deed, not a quote', (_, sentence) => {
    const { quotes } = analyse(`${intro}${sentence}`);
    expect(quotes.filter((q) => q.kind !== 'direct').map((q) => q.text)).toEqual([]);
  });

  it.each([
    ['declined to comment', 'Dimitrova declined to comment.', 'to comment'],
    ['offered words', 'Dimitrova offered some blunt advice to the skippers on Friday.', 'blunt advice'],
    ['offered to resign', 'Dimitrova offered to resign over the delays.', 'to resign'],
    ['responded that', 'Dimitrova responded to the charge that the quay was late.', 'quay was late'],
    ['rejected claims that', 'Dimitrova rejected claims that the quay was unsafe.', 'quay was unsafe'],
    ['added with a clause', 'Dimitrova added the fleet would be paid in May.', 'paid in May'],
    ['decided against', 'Dimitrova decided against closing the fish market.', 'closing the fish market'],
  ])('still reads %s as reported speech', (_, sentence, fragment) => {
    const q = quoteWith(analyse(`${intro}${sentence}`).quotes, fragment);
    expect(q.speaker).toBe('Rosa Dimitrova');
  });

  it('makes no person of a common noun that opens the sentence', () => {
    const text = `${intro}Skippers said that the new berths were too short. Most skippers own two boats.`;
    const { quotes, people } = analyse(text);
    expect(quoteWith(quotes, 'berths were too short').speaker).toBeNull();
    expect(people.map((p) => p.name)).not.toContain('Skippers');
  });

  it.each([
    ['a plural role noun', 'Critics said that the berths were too short.', 'Critics'],
    ['a group word', 'Experts warned that the berths were too short.', 'Experts'],
    ['a role plural in -es', 'Witnesses told reporters that the berths were too short.', 'Witnesses'],
  ])('makes no person of %s opening the sentence, even when the text never writes it in lower case', (_, sentence, mention) => {
    const { quotes, people } = analyse(`${intro}${sentence}`);
    const q = quoteWith(quotes, 'berths were too short');
    expect(q).toMatchObject({ speaker: null, speakerKind: 'unknown', speakerMention: mention });
    expect(people.map((p) => p.name)).not.toContain(mention);
  });

  it('reads a verb-like plural before a finite verb as a noun, not a cue', () => {
    const { quotes } = analyse(`${intro}Similar plans have stalled twice since the quay was built.`);
    expect(quotes.filter((q) => q.text.includes('stalled'))).toEqual([]);
    expect(quoteWith(analyse(`${intro}Dimitrova plans to widen the quay.`).quotes, 'widen the quay').speaker).toBe('Rosa Dimitrova');
  });

  it('still takes a surname that ends in s for a person', () => {
    const q = quoteWith(analyse(`${intro}Stevens said that the berths were too short.`).quotes, 'berths were too short');
    expect(q).toMatchObject({ speaker: 'Stevens', speakerKind: 'person' });
  });

  it('reads "about 42,000" as part of the content, not as a topic ending at the comma', () => {
    const q = quoteWith(analyse(`${intro}Dimitrova expects about 42,000 visitors this summer, twice the usual number.`).quotes, 'visitors');
    expect(q.text).toMatch(/^about 42,000 visitors/);
  });
});
