import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../../src/core/analyze.ts';

// The acceptance article lives outside the repository (../shared/seeds) and is never copied in.
const dir = path.resolve(import.meta.dirname, '../../../../shared/seeds');
const file = existsSync(dir) ? readdirSync(dir).find((f) => f.endsWith('.txt')) : undefined;

describe.skipIf(!file)('the acceptance article', () => {
  const text = file ? readFileSync(path.join(dir, file), 'utf8') : '';
  const article = file ? analyzeText(text) : null;
  const direct = article ? article.quotes.filter((q) => q.kind === 'direct') : [];
  const speakerOf = (opening: string): string | null | undefined => direct.find((q) => q.segments.some((s) => text.slice(s.start + 1, s.end).startsWith(opening)))?.speaker;

  it('attributes every direct quotation to the right person', () => {
    const covered = (pos: number): string | null | undefined => article!.quotes.find((q) => q.segments.some((s) => s.start <= pos && pos < s.end))?.speaker;
    const marks = [...text.matchAll(/“/g)].map((m) => m.index);
    expect(marks).toHaveLength(8);
    const speakers = marks.map(covered);
    expect(speakers.slice(0, 4)).toEqual(Array(4).fill('Donald Trump'));
    expect(speakers.slice(4, 7)).toEqual(Array(3).fill('Claudia Sheinbaum'));
    expect(speakers[7]).toBe('Anna Kelly');
    expect(speakerOf('No, President Trump')).toBe('Claudia Sheinbaum');
  });

  it('finds the reported speech of Sheinbaum and Kelly', () => {
    const reported = article!.quotes.filter((q) => q.kind !== 'direct');
    const by = (name: string): string[] => reported.filter((q) => q.speaker === name).map((q) => q.text);
    const sheinbaum = by('Claudia Sheinbaum').join(' | ');
    expect(sheinbaum).toMatch(/rejected/);
    expect(sheinbaum).toMatch(/off the table/);
    expect(sheinbaum).toMatch(/cooperate on information/);
    expect(by('Anna Kelly').join(' ')).toMatch(/secure border/);
  });

  it('lists the speakers as people and not the photographer or the byline', () => {
    const names = article!.people.filter((p) => p.kind === 'person').map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['Claudia Sheinbaum', 'Donald Trump', 'Anna Kelly']));
    expect(names.some((n) => /Vivas|Wolf|Palacio|Journal/.test(n))).toBe(false);
  });
});
