import type { Client as DiscordClient, ClientOptions } from 'discord.js';
import { Client, GatewayIntentBits, Options } from './discord-js.ts';
import { NO_MENTIONS } from './render/payload.ts';

export interface ClientSettings {
  /** REST base URL (`https://discord.com/api` when null); a REST proxy in production, a fake server in tests. */
  apiUrl: string | null;
  /** Raises @discordjs/rest's global limit of 50 requests per second (load tests against a local server). */
  globalRequestsPerSecond?: number;
  /** Skips the 5-second wait between identifies (only for tests against a local server). */
  skipIdentifyThrottle?: boolean;
}

/**
 * The discord.js client: only the Guilds intent (no privileged intents), and mentions never parsed in
 * anything it sends. The gateway is found through the REST URL, as Discord does.
 */
export function createDiscordClient(settings: ClientSettings): DiscordClient {
  const options: ClientOptions = {
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: NO_MENTIONS,
    // The bot reads guilds and channels; members and users arrive with each interaction and would otherwise
    // be kept forever, and messages it sends are never read back.
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      MessageManager: 0,
      ReactionManager: 0,
      PresenceManager: 0,
      GuildMemberManager: { maxSize: 200, keepOverLimit: (member) => member.id === member.client.user.id },
      UserManager: { maxSize: 1000, keepOverLimit: (user) => user.id === user.client.user.id },
    }),
    rest: {
      ...(settings.apiUrl ? { api: settings.apiUrl } : {}),
      ...(settings.globalRequestsPerSecond ? { globalRequestsPerSecond: settings.globalRequestsPerSecond } : {}),
    },
  };
  if (settings.skipIdentifyThrottle) {
    options.ws = { buildIdentifyThrottler: () => ({ waitForIdentify: async () => undefined }) };
  }
  return new Client(options);
}
