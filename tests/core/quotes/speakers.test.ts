import { describe, expect, it } from 'vitest';
import { foldName } from '../../../src/core/text/normalize.ts';
import { analyse, quoteWith } from './helpers.ts';

describe('speakers', () => {
  const article = [
    'Brazilian Finance Minister Helena Duarte has turned down a loan offer from Chancellor Viktor Hals.',
    'Hals phoned Duarte on Monday, pressing the Brazilian minister to accept strict terms.',
    '“Brazil needs this money more than it admits,” Hals said at a press conference. “We only want to help.”',
    '“No, Chancellor Hals, we will not sign these terms,” she said. “Our budget is our own business.”',
    '“We stand ready to talk again,” the chancellor said on Tuesday.',
    'Government spokeswoman Ana Reis said that talks would resume next month. The spokeswoman added that no date had been set.',
  ].join('\n\n');
  const { quotes, people } = analyse(article);

  it('resolves a surname to the full name seen earlier', () => {
    expect(quoteWith(quotes, 'more than it admits').speaker).toBe('Viktor Hals');
  });

  it('resolves a pronoun by gender, not to the name inside the quote', () => {
    const q = quoteWith(quotes, 'will not sign');
    expect(q.speakerMention).toBe('she');
    expect(q.speaker).toBe('Helena Duarte');
    expect(quoteWith(quotes, 'budget is our own').speaker).toBe('Helena Duarte');
  });

  it('resolves a role to the person who holds it', () => {
    expect(quoteWith(quotes, 'ready to talk').speaker).toBe('Viktor Hals');
    expect(quoteWith(quotes, 'no date had been set').speaker).toBe('Ana Reis');
  });

  it('lists the people with titles, gender and quote counts, keyed for merging across articles', () => {
    const duarte = people.find((p) => p.name === 'Helena Duarte')!;
    expect(duarte.titles).toContain('Brazilian Finance Minister');
    expect(duarte.gender).toBe('female');
    expect(duarte.quoteCount).toBe(1);
    expect(duarte.key).toBe(foldName('Hélena DUARTE'));
    expect(people.find((p) => p.name === 'Ana Reis')!.quoteCount).toBe(2);
  });

  it('prefers the subject of the previous sentence for "he"', () => {
    const text = [
      'Senator Paul Ekwueme met Governor Rita Sandoval and her deputy, Marco Lenz, in the capital.',
      'Ekwueme later spoke to reporters outside the building.',
      '“The meeting went well,” he said.',
    ].join('\n\n');
    expect(quoteWith(analyse(text).quotes, 'meeting went well').speaker).toBe('Paul Ekwueme');
  });

  it('gives a pronoun opening a sentence to the subject of the sentence before, not to the busiest speaker', () => {
    const text = [
      'Chief surgeon Maria Lindqvist led the study. Lindqvist said that the new clamp had halved bleeding. She added that two hospitals had ordered it, and she insisted that the price would fall.',
      "The hospital's finance director, Helen Marsh, confirmed on Friday that every theatre would get the clamp. She said the money would come from the equipment budget.",
    ].join('\n\n');
    const { quotes } = analyse(text);
    expect(quoteWith(quotes, 'equipment budget').speaker).toBe('Helen Marsh');
    expect(quoteWith(quotes, 'price would fall').speaker).toBe('Maria Lindqvist');
  });

  it('gives a pronoun inside a sentence to that sentence\'s subject, else to the subject of the sentence before', () => {
    const text = [
      'Race director Sofia Lind confirmed that 9,000 runners had started. "We asked people to be careful and they were," Lind said.',
      'Winner Nadia Obi, who grew up near the finish, spent an hour signing bibs. Several of the children, she said, had come from her old school.',
      'Lind told reporters that the course would not change, and she promised that the water stations would stay.',
    ].join('\n\n');
    const { quotes } = analyse(text);
    expect(quoteWith(quotes, 'her old school').speaker).toBe('Nadia Obi');
    expect(quoteWith(quotes, 'water stations').speaker).toBe('Sofia Lind');
  });

  it('skips an organisation named first in the sentence when it looks for the subject a pronoun refers to', () => {
    const text = [
      'Chancellor Ilse Marek said on Monday that the talks would go on.',
      "Replying to the Harbour Times's report, government spokeswoman Nora Feld said that the talks had gone well, but she added that no date was set.",
    ].join('\n\n');
    expect(quoteWith(analyse(text).quotes, 'no date was set').speaker).toBe('Nora Feld');
  });

  it('resolves an epithet ("the 34-year-old Estrian, who ...") to the person the passage is about', () => {
    const text = [
      'Coach Lena Ortiz praised the squad on Monday.',
      'Striker Tomas Kovac signed a new contract on Friday. The 34-year-old Estrian, who joined the club in 2020, told reporters that he would retire there.',
    ].join('\n\n');
    expect(quoteWith(analyse(text).quotes, 'retire there').speaker).toBe('Tomas Kovac');
  });

  it('never gives a quote to the person it addresses by name', () => {
    const text = [
      'Governor Tomas Eklund met union leader Per Haugen on Monday.',
      '"No, Governor Eklund, we will not accept this," Haugen said. "Our members deserve better."',
      '"We hear you, Per," he replied. "But the budget is fixed."',
    ].join('\n\n');
    const { quotes } = analyse(text);
    expect(quoteWith(quotes, 'We hear you').speaker).toBe('Tomas Eklund');
    expect(quoteWith(quotes, 'will not accept').speaker).toBe('Per Haugen');
  });

  it('uses the modifier of a role to pick between two holders of it', () => {
    const text = [
      'Valdorian President Ilse Marek hosted President Tomas Kovac of Estria for talks on the river dam.',
      'Kovac said that his government wanted a shared inspection regime. The president added that Estria would pay half of the costs.',
      'The Valdorian president said that her engineers would publish the safety data.',
    ].join('\n\n');
    const { quotes } = analyse(text);
    expect(quoteWith(quotes, 'safety data').speaker).toBe('Ilse Marek');
    expect(quoteWith(quotes, 'half of the costs').speaker).toBe('Tomas Kovac');
  });

  it('resolves a general role word ("the Estrian leader") to the holder of a role of that kind the passage is about', () => {
    const text = [
      'President Tomas Kovac of Estria spoke after his call with President Ilse Marek, who had asked for troops at the border.',
      '"No troops will cross our border," Kovac said. The Estrian leader said that talks on trade would go on.',
    ].join('\n\n');
    const q = quoteWith(analyse(text).quotes, 'talks on trade');
    expect(q.speaker).toBe('Tomas Kovac');
  });

  it('tells apart people who share a surname by first name and by Mr./Mrs.', () => {
    const text = 'Former Mayor Paul Kerrigan and Ruth Kerrigan opened the library.\n\nMrs. Kerrigan said that the reading room would stay open late. Mr. Kerrigan said that he had paid for the roof.';
    const { quotes } = analyse(text);
    expect(quoteWith(quotes, 'reading room').speaker).toBe('Ruth Kerrigan');
    expect(quoteWith(quotes, 'paid for the roof').speaker).toBe('Paul Kerrigan');
  });

  it('takes gender from the text before the first-name list', () => {
    const text = [
      'Coach Taylor Brennan watched the final from the stands with Megan Holt.',
      'He had been suspended for two matches after the semi-final.',
      '“We will be back next season,” he said.',
    ].join('\n\n');
    const { quotes, people: found } = analyse(text);
    expect(found.find((p) => p.name === 'Taylor Brennan')!.gender).toBe('male');
    expect(quoteWith(quotes, 'back next season').speaker).toBe('Taylor Brennan');
  });

  it('names an organisation as an organisation speaker', () => {
    const text = 'The Riverside Water Authority said that tap water is safe to drink again.';
    const q = quoteWith(analyse(text).quotes, 'tap water');
    expect(q.speakerKind).toBe('organisation');
    expect(q.speaker).toBe('Riverside Water Authority');
  });

  it('keeps an organisation\'s whole name and a title with "of" apart from the name', () => {
    const text = [
      'According to the Institute for Coastal Research, sea levels rose again this year.',
      'Minister of Fisheries Tomas Eklund said that the quotas will not change.',
    ].join('\n\n');
    const { quotes, people: found } = analyse(text);
    expect(quoteWith(quotes, 'sea levels').speaker).toBe('Institute for Coastal Research');
    const eklund = found.find((p) => p.name === 'Tomas Eklund')!;
    expect(eklund.titles).toContain('Minister of Fisheries');
    expect(quoteWith(quotes, 'quotas').speaker).toBe('Tomas Eklund');
  });

  it('resolves "the company" to the organisation the passage is about', () => {
    const text = [
      'Lakeside Foods said on Monday that it would close its cannery in Port Avel.',
      'Union leader Per Haugen said the workers had not been consulted.',
      'The company said that every worker would be offered a job at its new plant.',
    ].join('\n\n');
    const { quotes, people: found } = analyse(text);
    const q = quoteWith(quotes, 'offered a job');
    expect(q.speaker).toBe('Lakeside Foods');
    expect(q.speakerKind).toBe('organisation');
    expect(found.map((p) => p.name)).not.toContain('Union');
  });

  it('leaves an unnamed source unresolved but points at the mention', () => {
    const text = 'The plant will close in May, two workers said.';
    const q = quoteWith(analyse(text).quotes, 'plant will close');
    expect(q.speaker).toBeNull();
    expect(q.speakerMention).toBe('two workers');
    expect(q.speakerKind).toBe('unknown');
  });

  it('does not make photographers, bylines or places people', () => {
    const text = [
      'Harbour master Ivo Petrov inspects the pier in Port Avel, Greece. (Photo by Jana Holm/Coastal Images)',
      'Staff Writer Elias Brook',
      'Petrov said that the pier is safe. The Coastal Times and Palacio Verde were closed.',
    ].join('\n\n');
    const { people: found } = analyse(text);
    const names = found.filter((p) => p.kind === 'person').map((p) => p.name);
    expect(names).toContain('Ivo Petrov');
    expect(names).not.toContain('Jana Holm');
    expect(names).not.toContain('Elias Brook');
    expect(names.some((n) => /Times|Palacio|Greece/.test(n))).toBe(false);
  });

  it('takes no title across a full stop, so a plural noun opening a sentence is no person', () => {
    const text = [
      '"The morning slots went first. Commuters told us they liked them," manager Hugo Brandt said.',
      'Not everyone was pleased at first. Ingrid Solheim, who runs the kiosk, said sales had dropped.',
    ].join('\n\n');
    const { people: found } = analyse(text);
    expect(found.map((p) => p.name)).not.toContain('Commuters');
    expect(found.find((p) => p.name === 'Ingrid Solheim')!.titles).toEqual([]);
    expect(found.flatMap((p) => p.titles).some((t) => t.endsWith('.') && !/^(Dr|Mr|Mrs|Ms|Sen|Gov|Rep)\.$/.test(t))).toBe(false);
  });

  it('leaves out the names it is told to ignore', () => {
    const text = 'Reporter Sam Okafor asked the question. Sam Okafor said that the answer was unclear.';
    const q = analyse(text, ['Sam Okafor']).quotes[0];
    expect(q?.speaker ?? null).not.toBe('Sam Okafor');
  });
});
