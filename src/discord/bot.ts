import type { Client } from 'discord.js';
import { Events } from './discord-js.ts';
import type { AppContext } from '../context.ts';
import type { Service } from '../main.ts';
import type { Command } from './command.ts';
import { createDiscordClient, type ClientSettings } from './client.ts';
import { deployCommands } from './deploy.ts';
import { createDispatcher } from './dispatch.ts';
import { createRouter, type Router } from './router.ts';

export interface BotOptions extends Omit<ClientSettings, 'apiUrl'> {
  /** Register the commands on start when their definitions changed since the last registration (default true). */
  registerOnStart?: boolean;
}

export interface BotService extends Service {
  /** The running client (null before start and after stop); for tests and benchmarks. */
  readonly client: Client | null;
}

/**
 * The Discord bot: logs in, waits until ready, registers changed commands, and routes interactions. On
 * stop it refuses new work, finishes what is in flight and destroys the client (main closes the store).
 */
export function createBotService(commands: readonly Command[], options: BotOptions = {}): BotService {
  let client: Client | null = null;
  let router: Router | null = null;

  return {
    name: 'discord',
    get client() {
      return client;
    },
    async start(ctx: AppContext) {
      const { log, config } = ctx;
      if (!config.discordToken) throw new Error('DISCORD_TOKEN is not set');
      const started = performance.now();
      const c = createDiscordClient({ ...options, apiUrl: config.discordApiUrl });
      const r = createRouter(createDispatcher(ctx, commands), log);
      client = c;
      router = r;
      c.on(Events.InteractionCreate, (interaction) => r.handle(interaction));
      c.on(Events.Error, (err) => log.error({ err }, 'discord client error'));
      c.on(Events.Warn, (message) => log.warn({ message }, 'discord client warning'));
      c.on(Events.ShardDisconnect, (event, shard) => log.warn({ code: event.code, shard }, 'gateway disconnected'));
      c.on(Events.ShardResume, (shard, replayed) => log.info({ shard, replayed }, 'gateway session resumed'));
      const ready = new Promise<void>((resolve) => c.once(Events.ClientReady, () => resolve()));
      try {
        await c.login(config.discordToken);
        await ready;
      } catch (error) {
        await c.destroy().catch(() => undefined);
        client = null;
        if ((error as { code?: string }).code === 'TokenInvalid') {
          throw new Error('Discord refused the bot token: check DISCORD_TOKEN in .env (Developer Portal > your app > Bot > Reset Token).', { cause: error });
        }
        throw error;
      }
      log.info({ user: c.user?.tag, guilds: c.guilds.cache.size, ms: Math.round(performance.now() - started) }, 'discord bot ready');
      if (options.registerOnStart !== false && c.application) {
        const scope = { applicationId: c.application.id, guildId: config.discordGuildId };
        try {
          const result = await deployCommands(c.rest, ctx.store.settings, commands, scope);
          if (result.registered) log.info({ scope: scope.guildId ?? 'global', commands: commands.length }, 'registered slash commands (definitions changed)');
          else log.debug('slash commands unchanged since the last registration');
        } catch (err) {
          log.error({ err }, 'could not register slash commands; the old ones stay active');
        }
      }
    },
    async stop() {
      await router?.drain();
      await client?.destroy();
      client = null;
      router = null;
    },
  };
}
