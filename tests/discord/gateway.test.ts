import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { createBotService } from '../../src/discord/bot.ts';
import type { Command } from '../../src/discord/command.ts';
import { startFakeDiscord } from './fake-discord.ts';
import { openFixtureStore, startHarness } from './harness.ts';

const guildCommandsPath = (fake: { applicationId: string; guildId: string }): string => `/applications/${fake.applicationId}/guilds/${fake.guildId}/commands`;

describe('the real discord.js client against the fake gateway', () => {
  it('logs in with only the Guilds intent, gets ready, and sees the guild and its channels', async () => {
    const h = await startHarness();
    try {
      const gateway = await h.fake.nextRequest((r) => r.path === '/gateway/bot');
      expect(gateway.headers.authorization).toBe(`Bot ${h.fake.token}`);
      const identify = await h.fake.nextGateway(2);
      expect(identify.d).toMatchObject({ token: h.fake.token, intents: 1 });
      const client = h.bot.client!;
      expect(client.isReady()).toBe(true);
      expect(client.options.allowedMentions).toEqual({ parse: [] });
      expect(client.guilds.cache.get(h.fake.guildId)?.channels.cache.size).toBe(2);
      expect(h.logs.some((l) => l.msg === 'discord bot ready')).toBe(true);
    } finally {
      await h.close();
    }
  });

  it('answers heartbeats', async () => {
    const h = await startHarness({ fake: { heartbeatInterval: 150 } });
    try {
      const beat = await h.fake.nextGateway(1, 3000);
      expect(beat.op).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(h.bot.client!.ws.ping).toBeGreaterThanOrEqual(0);
      expect(h.fake.gatewayReceived.filter((p) => p.op === 1).length).toBeGreaterThanOrEqual(2);
    } finally {
      await h.close();
    }
  });

  it('reconnects on op 7 and resumes the session; commands keep working', async () => {
    const h = await startHarness();
    try {
      const before = await h.fake.callback(h.fake.command('help'));
      expect(before.status).toBe(204);
      const seen = h.fake.gatewayReceived.length;
      h.fake.requestReconnect();
      const resume = await h.fake.nextGateway(6, 5000, seen);
      expect(resume.d).toMatchObject({ token: h.fake.token, seq: expect.any(Number) as number });
      expect(h.fake.resumes).toBe(1);
      expect(h.fake.identifies).toBe(1);
      const after = await h.fake.callback(h.fake.command('help'));
      expect(after.body).toMatchObject({ type: 4, data: { flags: 64 } });
    } finally {
      await h.close();
    }
  });

  it('an interaction sent while the connection was down is replayed on resume and answered', async () => {
    const h = await startHarness();
    try {
      const seen = h.fake.gatewayReceived.length;
      h.fake.dropConnection(4000);
      const missed = h.fake.command('article', {}, { subcommand: 'latest' });
      await h.fake.nextGateway(6, 5000, seen);
      const cb = await h.fake.callback(missed);
      expect(cb.body).toMatchObject({ type: 4, data: { embeds: [{ title: 'Quillon Bay ferry adds late sailings for winter' }] } });
      expect(h.fake.identifies).toBe(1);
    } finally {
      await h.close();
    }
  });

  it('registers commands on start only when their definitions changed', async () => {
    const fixture = await openFixtureStore();
    const fake = await startFakeDiscord();
    const ctx = { ...fixture.ctx, config: { ...fixture.ctx.config, discordToken: fake.token, discordApiUrl: fake.apiUrl, discordGuildId: fake.guildId } };
    const puts = (): number => fake.requests.filter((r) => r.method === 'PUT').length;
    const runOnce = async (list: readonly Command[]): Promise<void> => {
      const bot = createBotService(list, { skipIdentifyThrottle: true });
      await bot.start(ctx);
      await bot.stop();
    };
    try {
      await runOnce(commands);
      expect(puts()).toBe(1);
      const put = fake.requests.find((r) => r.method === 'PUT')!;
      expect(put.path).toBe(guildCommandsPath(fake));
      expect((put.body as { name: string }[]).map((c) => c.name)).toEqual(commands.map((c) => c.data.name));
      await runOnce(commands);
      expect(puts()).toBe(1);
      const changed = commands.map((c) => (c.data.name === 'help' ? { ...c, data: { ...c.data, description: 'Changed description' } } : c));
      await runOnce(changed);
      expect(puts()).toBe(2);
      expect(fake.registeredCommands(guildCommandsPath(fake)).find((c) => c.name === 'help')?.description).toBe('Changed description');
    } finally {
      await fake.close();
      fixture.store.close();
    }
  });

  it('a wrong token makes start fail with TokenInvalid', async () => {
    const fixture = await openFixtureStore();
    const fake = await startFakeDiscord();
    try {
      const bot = createBotService(commands, { skipIdentifyThrottle: true });
      const ctx = { ...fixture.ctx, config: { ...fixture.ctx.config, discordToken: 'wrong', discordApiUrl: fake.apiUrl } };
      await expect(bot.start(ctx)).rejects.toMatchObject({ message: expect.stringMatching(/^Discord refused the bot token/) as string, cause: { code: 'TokenInvalid' } });
      expect(bot.client).toBeNull();
    } finally {
      await fake.close();
      fixture.store.close();
    }
  });

  it('stop finishes the interaction in flight, then destroys the client', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow: Command = {
      data: { name: 'slow', description: 'Takes a while' },
      execute: async () => {
        await gate;
        return { content: 'finished' };
      },
    };
    const h = await startHarness({ commands: [slow] });
    const i = h.fake.command('slow');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const client = h.bot.client!;
    const stopping = h.bot.stop();
    setTimeout(release, 50);
    await stopping;
    const cb = await h.fake.callback(i, 1000);
    expect(cb.body).toMatchObject({ type: 4, data: { content: 'finished' } });
    expect(client.isReady()).toBe(false);
    await h.close();
  });
});
