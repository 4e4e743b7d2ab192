import { describe, expect, it } from 'vitest';
import { analyse, quoteWith } from './helpers.ts';

describe('organisations as sources', () => {
  it('gives "X of <Organisation> said" to the person X, not the organisation', () => {
    const text = 'Tenants were angry. Marta Quill of the Eastside Tenants\' Union said rents had doubled in two years.';
    const q = quoteWith(analyse(text).quotes, 'rents had doubled');
    expect(q.speaker).toBe('Marta Quill');
    expect(q.speakerKind).toBe('person');
  });

  it('resolves "the authority" to the organisation whose name fits, not the one named last', () => {
    const text = [
      'The Northern Water Authority will raise charges in May.',
      'Dev Malhotra of the Riverside Residents Forum said that many families could not pay.',
      'The authority said it would publish a hardship scheme in June.',
    ].join('\n\n');
    const q = quoteWith(analyse(text).quotes, 'hardship scheme');
    expect(q.speaker).toBe('Northern Water Authority');
    expect(q.speakerKind).toBe('organisation');
  });

  it('does not give "the company" to a body of another kind', () => {
    const text = [
      'Larkfield Ceramics said on Monday that it would shut its kiln works.',
      'Dunmore State University said in a report that the closure had been expected for years.',
      'The company said that staff would be paid until the end of the year.',
    ].join('\n\n');
    const q = quoteWith(analyse(text).quotes, 'paid until the end');
    expect(q.speaker).toBe('Larkfield Ceramics');
  });

  it('names an organisation introduced in lower case by its owner, and later "the ministry" after it', () => {
    const text = [
      "Estria's transport ministry said the tunnel would stay closed for a week.",
      '"The inspection found cracks in two of the arches," the ministry said in a statement.',
      'The Estrian ministry said repairs would begin on Friday.',
    ].join('\n\n');
    const { quotes, people } = analyse(text);
    expect(quoteWith(quotes, 'cracks in two').speaker).toBe("Estria's transport ministry");
    expect(quoteWith(quotes, 'repairs would begin').speaker).toBe("Estria's transport ministry");
    expect(people.find((p) => p.name === "Estria's transport ministry")?.kind).toBe('organisation');
    expect(quotes.some((q) => q.speaker === 'the ministry')).toBe(false);
  });

  it('gives what "a spokesperson for the company" says to the company', () => {
    const text = 'Larkfield Ceramics announced that its kiln works would close.\n\nA spokesperson for the company said the site would be sold.';
    const q = quoteWith(analyse(text).quotes, 'site would be sold');
    expect(q.speaker).toBe('Larkfield Ceramics');
    expect(q.speakerKind).toBe('organisation');
  });

  it('gives the short name of an organisation met before ("Larkfield") to that organisation', () => {
    const text = 'Larkfield Ceramics said on Monday that it would shut its kiln works.\n\nLarkfield insisted that the staff had been told in good time.';
    const q = quoteWith(analyse(text).quotes, 'told in good time');
    expect(q.speaker).toBe('Larkfield Ceramics');
    expect(q.speakerKind).toBe('organisation');
  });

  it('names the body, not the whole phrase, when its people speak ("Engineers at the Harbour Institute")', () => {
    const text = 'Engineers at the Harbour Institute say the sea wall will fail within a decade.';
    const q = quoteWith(analyse(text).quotes, 'sea wall');
    expect(q.speaker).toBe('Harbour Institute');
    expect(q.speakerKind).toBe('organisation');
  });
});
