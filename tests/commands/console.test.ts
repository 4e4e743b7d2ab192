import { rmSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { commandLines, createCompleter, createConsoleService } from '../../src/discord/console.ts';
import { UserError } from '../../src/discord/command.ts';
import { parseCommandLine } from '../../src/discord/text-input.ts';
import { addTestArticles } from '../discord/data.ts';
import { openFixtureStore, type FixtureStore } from '../discord/harness.ts';

let fixture: FixtureStore;
beforeAll(async () => {
  fixture = await openFixtureStore();
  addTestArticles(fixture.store);
});
afterAll(() => {
  fixture.store.close();
  rmSync(fixture.dir, { recursive: true, force: true });
});

describe('typed command lines', () => {
  it('read like Discord options: positional text fills the first required option', () => {
    expect(parseCommandLine('/quote Claudia Sheinbaum about: water budget', commands).input).toMatchObject({ subcommand: null, options: { speaker: 'Claudia Sheinbaum', about: 'water budget' } });
    expect(parseCommandLine('/article search query: ferry', commands).input).toMatchObject({ subcommand: 'search', options: { query: 'ferry' } });
    expect(parseCommandLine('/article show 12', commands).input.options).toEqual({ id: 12 });
    expect(parseCommandLine('speakers count:3', commands).input.options).toEqual({ count: 3 });
  });

  it('explain what to type when a line is wrong', () => {
    expect(() => parseCommandLine('/nope', commands)).toThrow(UserError);
    expect(() => parseCommandLine('/article', commands)).toThrow('Use `/article latest`, `/article search query:…`, `/article show id:…`.');
    expect(() => parseCommandLine('/article search', commands)).toThrow('`/article search` needs `query:`. Usage: `/article search query:…`');
    expect(() => parseCommandLine('/article show id: abc', commands)).toThrow('`id:` must be a number.');
  });

  it('hold typed values to the limits Discord holds them to', () => {
    expect(() => parseCommandLine('/speakers count: 99', commands)).toThrow('`count:` must be between 1 and 25.');
    expect(() => parseCommandLine('/article show id: 0', commands)).toThrow('`id:` must be at least 1.');
    expect(() => parseCommandLine('/article search query: x', commands)).toThrow('`query:` needs at least 2 characters.');
    expect(() => parseCommandLine(`/quote Núñez about: ${'word '.repeat(12)}`, commands)).toThrow('`about:` takes at most 50 characters.');
    expect(parseCommandLine('/speakers count: 25', commands).input.options).toEqual({ count: 25 });
  });
});

describe('the console', () => {
  it('completes command names and speaker names', () => {
    const complete = createCompleter(fixture.ctx, commands);
    expect(commandLines(commands)).toContain('/article search query:');
    expect(complete('/art')[0]).toEqual(['/article latest', '/article search query:', '/article show id:']);
    expect(complete('/quote nu')[0]).toEqual(['/quote José Núñez']);
  });

  it('answers typed commands as text, and next/previous turn pages', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    output.on('data', (chunk: Buffer) => (text += String(chunk)));
    let exited = false;
    const service = createConsoleService(commands, { input, output, terminal: false, onExit: () => (exited = true) });
    await service.start(fixture.ctx);
    const waitFor = async (needle: string): Promise<void> => {
      for (let i = 0; i < 100 && !text.includes(needle); i++) await new Promise((r) => setTimeout(r, 10));
      expect(text).toContain(needle);
    };
    input.write('/quote Núñez\n');
    await waitFor('-- Quotes 1–5 of 12');
    expect(text).toContain('== What José Núñez said ==');
    expect(text).toContain('“We will dredge the channel before spring, report 4”\n— Harbour council meets, session 4, 2025-10-04');
    input.write('next\n');
    await waitFor('-- Quotes 6–10 of 12');
    input.write('/quote Wren Castellane\n');
    await waitFor('== What Wren Castellane said ==');
    await waitFor('“The canal belongs to everyone who works on it … Closing it at night helps nobody.”\n— Lockkeepers vote to keep the canal open at night, 2025-11-05');
    input.write('/quote about: canal\n');
    await waitFor('== Everyone on “canal” ==');
    expect(text).toContain('— Wren Castellane in Lockkeepers vote to keep the canal open at night, 2025-11-05');
    input.write('/quote Fereira\n');
    await waitFor('Did you mean Odalys Ferreira?');
    input.end();
    await waitFor('');
    await new Promise((r) => setTimeout(r, 20));
    expect(exited).toBe(true);
    await service.stop();
  });
});
