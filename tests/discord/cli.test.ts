import { rmSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { commands } from '../../commands/index.ts';
import { run as ask } from '../../src/cli/ask.ts';
import { run as deploy } from '../../src/cli/deploy-commands.ts';
import { startFakeDiscord, type FakeDiscord } from './fake-discord.ts';
import { openFixtureStore, type FixtureStore } from './harness.ts';

let fixture: FixtureStore;
let fake: FakeDiscord;
const saved = { ...process.env };

beforeAll(async () => {
  fixture = await openFixtureStore();
  fixture.store.close();
  fake = await startFakeDiscord();
  Object.assign(process.env, { QUOTEWIRE_DB: fixture.ctx.config.dbPath, LOG_LEVEL: 'silent', DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl, DISCORD_GUILD_ID: '' });
});
afterAll(async () => {
  process.env = saved;
  await fake.close();
  rmSync(fixture.dir, { recursive: true, force: true });
});
afterEach(() => vi.restoreAllMocks());

function capture(): { lines: string[] } {
  const out = { lines: [] as string[] };
  vi.spyOn(console, 'log').mockImplementation((line: unknown) => void out.lines.push(String(line)));
  return out;
}

describe('quotewire ask', () => {
  it('answers one command as text', async () => {
    const out = capture();
    expect(await ask(['/article latest'])).toBe(0);
    expect(out.lines[0]).toMatch(/^by Idris Vantongeren\n\n== Quillon Bay ferry adds late sailings for winter ==\n\n2026-01-12\n\n/);
  });

  it('--json prints the interaction response Discord would receive', async () => {
    const out = capture();
    expect(await ask(['/quote', 'Odalys', 'Ferreira', '--json'])).toBe(0);
    const payload = JSON.parse(out.lines[0]!) as { type: number; data: { allowed_mentions: unknown; embeds: { title: string }[] } };
    expect(payload.type).toBe(4);
    expect(payload.data.allowed_mentions).toEqual({ parse: [] });
    expect(payload.data.embeds[0]!.title).toBe('What Odalys Ferreira said');
  });

  it('a mistyped name gets the same helpful answer as in Discord', async () => {
    const out = capture();
    await ask(['/quote Fereira']);
    expect(out.lines).toEqual(['I have no quotes from “Fereira”. Did you mean Odalys Ferreira?']);
  });
});

describe('quotewire deploy-commands', () => {
  it('registers in a guild and prints what changed, then that nothing did', async () => {
    const out = capture();
    expect(await deploy(['--guild', fake.guildId])).toBe(0);
    expect(out.lines[0]).toBe(`Registered ${commands.length} commands in server ${fake.guildId}.`);
    expect(out.lines[1]).toBe(`added: ${commands.map((c) => `/${c.data.name}`).join(', ')}`);
    out.lines.length = 0;
    await deploy(['--guild', fake.guildId]);
    expect(out.lines[1]).toBe(`unchanged: ${commands.map((c) => `/${c.data.name}`).join(', ')}`);
  });

  it('a token Discord refuses gives a clear message and status 1', async () => {
    const errors: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((line: unknown) => void errors.push(String(line)));
    process.env.DISCORD_TOKEN = 'not-the-token';
    try {
      expect(await deploy([])).toBe(1);
    } finally {
      process.env.DISCORD_TOKEN = fake.token;
    }
    expect(errors[0]).toMatch(/^quotewire deploy-commands: Discord did not accept the token .*check DISCORD_TOKEN in \.env$/);
  });

  it('registers globally without --guild', async () => {
    const out = capture();
    await deploy([]);
    expect(out.lines[0]).toMatch(/globally/);
    expect(fake.registeredCommands(`/applications/${fake.applicationId}/commands`)).toHaveLength(commands.length);
  });
});
