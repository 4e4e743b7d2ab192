import type {
  AutocompleteInteraction, BaseInteraction, ButtonInteraction, ChatInputCommandInteraction, CommandInteractionOption,
  Interaction, InteractionEditReplyOptions, InteractionReplyOptions, InteractionUpdateOptions, RepliableInteraction,
} from 'discord.js';
import type { Logger } from '../log.ts';
import type { CommandInput, Invocation, OptionValue } from './command.ts';
import type { Dispatcher } from './dispatch.ts';
import { GENERIC_ERROR } from './errors.ts';
import { ephemeral, type Reply } from './reply.ts';
import { toMessagePayload } from './render/payload.ts';

const SUBCOMMAND = 1;
const SUBCOMMAND_GROUP = 2;
const DRAIN_TIMEOUT_MS = 10_000;
const RESTARTING = 'quotewire is restarting; please try again in a minute.';

export interface Router {
  /** Handles one interaction in the background; never throws. */
  handle(interaction: Interaction): void;
  /** Stops accepting new work and waits (up to 10 s) for what is in flight. */
  drain(): Promise<void>;
  readonly inFlight: number;
}

/** Subcommand and option values of a slash command, flattened (`/article search query:x` -> search, {query: 'x'}). */
export function readOptions(data: readonly CommandInteractionOption[]): { subcommand: string | null; options: Record<string, OptionValue> } {
  let list = data;
  let subcommand: string | null = null;
  if (list[0]?.type === SUBCOMMAND_GROUP) list = list[0].options ?? [];
  if (list[0]?.type === SUBCOMMAND) {
    subcommand = list[0].name;
    list = list[0].options ?? [];
  }
  const options: Record<string, OptionValue> = {};
  for (const o of list) if (o.value !== undefined && o.value !== null) options[o.name] = o.value;
  return { subcommand, options };
}

/** A channel of the interaction's guild, from the cache or fetched; null outside a guild or when it is gone. */
async function guildChannel(i: BaseInteraction, channelId: string) {
  const guild = i.guild;
  if (!guild) return null;
  return guild.channels.cache.get(channelId) ?? (await guild.channels.fetch(channelId).catch(() => null));
}

function invocation(i: BaseInteraction): Invocation {
  return {
    userId: i.user.id,
    userName: i.user.username,
    guildId: i.guildId,
    channelId: i.channelId,
    memberPermissions: i.memberPermissions?.bitfield ?? null,
    appPermissions: i.appPermissions?.bitfield ?? null,
    async botPermissionsIn(channelId) {
      const channel = await guildChannel(i, channelId);
      const me = channel ? (channel.guild.members.me ?? (await channel.guild.members.fetchMe().catch(() => null))) : null;
      if (!channel || !me) return null;
      return channel.permissionsFor(me)?.bitfield ?? null;
    },
    async isThread(channelId) {
      const channel = await guildChannel(i, channelId);
      return channel ? channel.isThread() : null;
    },
  };
}

/** discord.js options for a reply value: fitted within the limits, mentions never parsed. */
function options<T = InteractionReplyOptions>(reply: Reply, edit = false): T {
  const { allowed_mentions, ...rest } = toMessagePayload(reply, { edit });
  return { ...rest, allowedMentions: allowed_mentions } as T;
}

/**
 * The one place that replies to Discord: slash commands (deferred when the command asks), autocomplete and
 * buttons go to the dispatcher, and whatever comes back is sent. Failures after a deferral still reach the
 * user as an ephemeral message.
 */
export function createRouter(dispatcher: Dispatcher, log: Logger): Router {
  let accepting = true;
  const inFlight = new Set<Promise<void>>();

  async function send(i: RepliableInteraction, reply: Reply): Promise<void> {
    if (!i.deferred && !i.replied) {
      await i.reply(options(reply));
    } else if (reply.ephemeral) {
      // A deferred public reply cannot become ephemeral: remove the "thinking" message and follow up privately.
      if (i.deferred && !i.replied) await i.deleteReply().catch(() => undefined);
      await i.followUp(options(reply));
    } else {
      await i.editReply(options<InteractionEditReplyOptions>(reply, true));
    }
  }

  async function command(i: ChatInputCommandInteraction): Promise<void> {
    const cmd = dispatcher.find(i.commandName);
    if (!cmd) return send(i, ephemeral(`I don't know \`/${i.commandName}\` any more. Try \`/help\`.`));
    const input: CommandInput = { ...invocation(i), ...readOptions(i.options.data) };
    if (dispatcher.shouldDefer(cmd, input)) await i.deferReply();
    await send(i, await dispatcher.execute(cmd, input));
  }

  async function autocomplete(i: AutocompleteInteraction): Promise<void> {
    const cmd = dispatcher.find(i.commandName);
    const focused = i.options.getFocused(true);
    const choices = cmd
      ? await dispatcher.autocomplete(cmd, { ...invocation(i), ...readOptions(i.options.data), focused: { name: focused.name, value: String(focused.value) } })
      : [];
    await i.respond(choices);
  }

  async function button(i: ButtonInteraction): Promise<void> {
    const reply = await dispatcher.button(i.customId, invocation(i));
    if (reply.ephemeral) await send(i, reply);
    else await i.update(options<InteractionUpdateOptions>(reply, true));
  }

  async function route(i: Interaction): Promise<void> {
    if (!accepting) {
      if (i.isAutocomplete()) await i.respond([]);
      else if (i.isRepliable()) await send(i, ephemeral(RESTARTING));
      return;
    }
    if (i.isChatInputCommand()) await command(i);
    else if (i.isAutocomplete()) await autocomplete(i);
    else if (i.isButton()) await button(i);
  }

  async function fail(i: Interaction, error: unknown): Promise<void> {
    log.error({ err: error, interaction: i.id, type: i.type, command: 'commandName' in i ? i.commandName : undefined, guild: i.guildId }, 'interaction failed');
    if (!i.isRepliable()) return;
    await send(i, ephemeral(GENERIC_ERROR)).catch((err: unknown) => log.warn({ err, interaction: i.id }, 'could not tell the user about the failure'));
  }

  return {
    handle(i) {
      const task = route(i).catch((error: unknown) => fail(i, error)).finally(() => inFlight.delete(task));
      inFlight.add(task);
    },
    async drain() {
      accepting = false;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, DRAIN_TIMEOUT_MS)));
      await Promise.race([Promise.allSettled([...inFlight]), timeout]);
      clearTimeout(timer);
    },
    get inFlight() {
      return inFlight.size;
    },
  };
}
