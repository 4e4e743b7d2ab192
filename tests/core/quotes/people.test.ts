import { describe, expect, it } from 'vitest';
import { analyse, quoteWith } from './helpers.ts';

describe('people of an article', () => {
  it('reads an unlisted word before a first name and a surname as a title', () => {
    const text = [
      'Mayor Lena Ortiz defended the budget. Selectwoman Rosa Delgado argued that the town could wait.',
      '"We are asking pensioners to pay for a road the state should build," she said.',
    ].join('\n\n');
    const { quotes, people } = analyse(text);
    expect(people.find((p) => p.name === 'Rosa Delgado')?.titles).toContain('Selectwoman');
    expect(quoteWith(quotes, 'pensioners').speaker).toBe('Rosa Delgado');
  });

  it('makes no person of a place whose first word is a first name', () => {
    const text = 'The mill in Calder Falls will close. The council of San Marco Springs met on Monday, and Mayor Ada Brenn said that the town would help.';
    const names = analyse(text).people.map((p) => p.name);
    expect(names).not.toContain('Calder Falls');
    expect(names.some((n) => /Springs/.test(n))).toBe(false);
    expect(names).toContain('Ada Brenn');
  });

  it('makes no person of a name that only qualifies a role ("a former Kingsbridge captain")', () => {
    const text = [
      'Kingsbridge Rovers appointed a new coach on Monday.',
      'Mara Holt, a former Kingsbridge captain, will take charge. The club said that she would start on Saturday.',
    ].join('\n\n');
    const { quotes, people } = analyse(text);
    expect(people.map((p) => p.name)).not.toContain('Kingsbridge');
    const q = quoteWith(quotes, 'start on Saturday');
    expect(q.speaker).toBe('Kingsbridge Rovers');
    expect(q.speakerKind).toBe('organisation');
  });

  it('resolves "the librarian" to the head librarian named before', () => {
    const text = 'Head librarian Miriam Osei opened the new wing.\n\n"We finally have room for the children," the librarian said.';
    expect(quoteWith(analyse(text).quotes, 'room for the children').speaker).toBe('Miriam Osei');
  });

  it('makes no person of a named ship or building after "the"', () => {
    const text = 'The ferry Grace Harbour ran aground on Monday, and the Molly Quay was closed. Harbour master Ivo Petrov said that the Grace Harbour would be towed.';
    const names = analyse(text).people.filter((p) => p.kind === 'person').map((p) => p.name);
    expect(names).toEqual(['Ivo Petrov']);
  });

  it('speaks of a country as a body, not a person', () => {
    const text = 'Estria detained a Valdorian trawler on Monday.\n\nValdoria rejected the charge, saying that its boat had been fishing legally.';
    const q = quoteWith(analyse(text).quotes, 'fishing legally');
    expect(q.speaker).toBe('Valdoria');
    expect(q.speakerKind).toBe('organisation');
  });
});
