import type { APIEmbed, Client, PermissionResolvable, REST } from 'discord.js';
import { DiscordAPIError, PermissionFlagsBits, Routes } from '../discord/discord-js.ts';
import { toMessagePayload } from '../discord/render/payload.ts';
import { DigestPostError, type DigestPoster } from './run.ts';

const NEEDED: [PermissionResolvable, string][] = [
  [PermissionFlagsBits.ViewChannel, 'View Channel'],
  [PermissionFlagsBits.SendMessages, 'Send Messages'],
  [PermissionFlagsBits.EmbedLinks, 'Embed Links'],
];
const NEEDED_IN_THREADS: [PermissionResolvable, string][] = [
  [PermissionFlagsBits.ViewChannel, 'View Channel'],
  [PermissionFlagsBits.SendMessagesInThreads, 'Send Messages in Threads'],
  [PermissionFlagsBits.EmbedLinks, 'Embed Links'],
];

/** Words for what Discord answered: 404 (deleted channel) and 403 (missing access or permissions) are the usual ones. */
export function postErrorFrom(error: unknown): DigestPostError {
  if (error instanceof DigestPostError) return error;
  if (error instanceof DiscordAPIError) {
    if (error.status === 404) return new DigestPostError('the channel no longer exists (404)', 404);
    if (error.status === 403) return new DigestPostError(`the bot may not post in the channel (403: ${error.message})`, 403);
    if (error.status === 401) return new DigestPostError('Discord refused the bot token (401): check DISCORD_TOKEN', 401);
    return new DigestPostError(`Discord answered ${error.status}: ${error.message}`, error.status);
  }
  // @discordjs/rest throws an HTTPError (with a status) for a 5xx it has already retried, and network errors without one.
  const status = (error as { status?: unknown }).status;
  const message = error instanceof Error ? error.message : String(error);
  if (typeof status === 'number') return new DigestPostError(`Discord answered ${status}: ${message}`, status);
  return new DigestPostError(`could not reach Discord: ${message}`, null);
}

/**
 * Posts digests through the bot's discord.js client: fetches the channel, checks that the bot can view it,
 * send and embed there (a known gap is reported without a refused request), then sends with mentions off.
 */
export function createDiscordPoster(client: Client): DigestPoster {
  return {
    async post(channelId, message) {
      const channel = await client.channels.fetch(channelId).catch((error: unknown) => {
        throw postErrorFrom(error);
      });
      if (!channel) throw new DigestPostError('the channel no longer exists (404)', 404);
      if (!channel.isSendable()) throw new DigestPostError('the channel is not one the bot can post in (not a text channel)', 400);
      if (!channel.isDMBased() && client.user) {
        const me = channel.guild.members.me ?? (await channel.guild.members.fetchMe().catch(() => null));
        const permissions = me ? channel.permissionsFor(me) : null;
        if (permissions) {
          const missing = (channel.isThread() ? NEEDED_IN_THREADS : NEEDED).filter(([flag]) => !permissions.has(flag)).map(([, name]) => name);
          if (missing.length > 0) throw new DigestPostError(`missing permissions in the channel: ${missing.join(', ')}`, 403);
        }
      }
      const payload = toMessagePayload(message);
      try {
        await channel.send({
          ...(payload.content ? { content: payload.content } : {}),
          embeds: (payload.embeds ?? []) as APIEmbed[],
          allowedMentions: { parse: [] },
        });
      } catch (error) {
        throw postErrorFrom(error);
      }
    },
  };
}

/**
 * Posts over Discord's REST API alone (the command line: no gateway session). Without the guild's state it
 * cannot check permissions first, so a refusal comes back as 403 and is recorded like any other.
 */
export function createRestPoster(rest: REST): DigestPoster {
  return {
    async post(channelId, message) {
      try {
        await rest.post(Routes.channelMessages(channelId), { body: toMessagePayload(message) });
      } catch (error) {
        throw postErrorFrom(error);
      }
    },
  };
}
