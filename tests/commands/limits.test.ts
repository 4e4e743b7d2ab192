import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CUT_NOTE, embedsLength, fitReply, LIMITS, truncate } from '../../src/discord/limits.ts';
import type { Embed, Reply } from '../../src/discord/reply.ts';

const text = (max: number): fc.Arbitrary<string> => fc.string({ maxLength: max, unit: fc.constantFrom('a', 'b', ' ', 'é', '\\', '*', '😀', '\n') });
const embed: fc.Arbitrary<Embed> = fc.record({
  title: text(400),
  description: text(6000),
  footer: fc.record({ text: text(2500) }),
  author: fc.record({ name: text(300) }),
  fields: fc.array(fc.record({ name: text(300), value: text(1500) }), { maxLength: 30 }),
}, { requiredKeys: [] });

describe('fitReply', () => {
  it('keeps any reply within every Discord limit', () => {
    fc.assert(fc.property(fc.array(embed, { maxLength: 12 }), fc.option(text(2600), { nil: undefined }), (embeds, content) => {
      const fitted = fitReply({ embeds, content });
      const out = fitted.embeds!;
      expect(out.length).toBeLessThanOrEqual(LIMITS.embeds);
      expect(embedsLength(out)).toBeLessThanOrEqual(LIMITS.embedTotal);
      for (const e of out) {
        expect(e.title?.length ?? 0).toBeLessThanOrEqual(LIMITS.title);
        expect(e.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.description);
        expect(e.footer?.text.length ?? 0).toBeLessThanOrEqual(LIMITS.footer);
        expect(e.author?.name.length ?? 0).toBeLessThanOrEqual(LIMITS.authorName);
        expect(e.fields?.length ?? 0).toBeLessThanOrEqual(LIMITS.fields);
        for (const f of e.fields ?? []) {
          expect(f.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
          expect(f.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
        }
      }
      expect(fitted.content?.length ?? 0).toBeLessThanOrEqual(LIMITS.content);
    }), { numRuns: 200 });
  });

  it('fits one embed whose 25 field names alone pass 6,000 characters', () => {
    const fields = Array.from({ length: 25 }, (_, i) => ({ name: `name ${i} `.repeat(40).slice(0, 256), value: 'value '.repeat(20) }));
    const out = fitReply({ embeds: [{ title: 'Many fields', fields }] }).embeds!;
    expect(embedsLength(out)).toBeLessThanOrEqual(LIMITS.embedTotal);
    expect(out[0]!.fields).toHaveLength(25);
    expect(out[0]!.footer!.text).toBe(CUT_NOTE);
  });

  it('leaves a reply that fits untouched', () => {
    const reply: Reply = { content: 'hi', embeds: [{ title: 't', description: 'd', fields: [{ name: 'n', value: 'v' }] }] };
    expect(fitReply(reply)).toEqual(reply);
  });

  it('says when something was cut: in the last footer, or after the content', () => {
    const cut = fitReply({ embeds: [{ description: 'word '.repeat(1000) }] });
    expect(cut.embeds![0]!.footer!.text).toBe(CUT_NOTE);
    expect(cut.embeds![0]!.description!.endsWith('word…')).toBe(true);
    const content = fitReply({ content: 'word '.repeat(500) });
    expect(content.content!.endsWith(`…\n${CUT_NOTE}`)).toBe(true);
  });

  it('drops buttons with invalid custom ids and keeps at most 5 rows of 5', () => {
    const ok = { kind: 'action' as const, customId: 'quote:1:5:', label: 'Next' };
    const tooLong = { kind: 'action' as const, customId: 'x'.repeat(101), label: 'Bad' };
    const fitted = fitReply({ content: 'x', buttons: [[ok, tooLong], ...Array.from({ length: 6 }, () => Array.from({ length: 7 }, () => ok))] });
    expect(fitted.buttons).toHaveLength(5);
    expect(fitted.buttons![0]).toEqual([ok]);
    for (const row of fitted.buttons!) expect(row.length).toBeLessThanOrEqual(5);
    expect(fitted.content).toContain(CUT_NOTE);
  });
});

describe('truncate', () => {
  it('cuts at a word boundary and ends with an ellipsis', () => {
    expect(truncate('the quick brown fox jumps', 12)).toBe('the quick…');
    expect(truncate('short', 10)).toBe('short');
  });

  it('never splits a surrogate pair or leaves a dangling escape', () => {
    expect(truncate('aaaaaaaaa😀bbbb', 11)).toBe('aaaaaaaaa…');
    expect(truncate('aaaaaaaa\\*bbbbbbbbb', 10)).toBe('aaaaaaaa…');
  });
});
