import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { AppContext } from '../context.ts';
import type { Reply } from './reply.ts';

/**
 * The contract between the router (Discord, console, tests) and one slash command in `commands/`.
 * A command reads its input, asks the store and returns a Reply; it never calls discord.js.
 */

/** The JSON definition sent to Discord when commands are registered (name, description, options, default_member_permissions). */
export type CommandData = RESTPostAPIChatInputApplicationCommandsJSONBody;

export type OptionValue = string | number | boolean;

/** Discord's option type numbers, so command files need no runtime import of discord.js. */
export const OptionType = { Subcommand: 1, String: 3, Integer: 4, Boolean: 5, Channel: 7, Number: 10 } as const;

/** Permission bits a command may require or check (Discord's values). */
export const Permission = {
  ViewChannel: 1n << 10n,
  SendMessages: 1n << 11n,
  EmbedLinks: 1n << 14n,
  ManageGuild: 1n << 5n,
  Administrator: 1n << 3n,
  SendMessagesInThreads: 1n << 38n,
} as const;

const PERMISSION_NAMES: Record<keyof typeof Permission, string> = {
  ViewChannel: 'View Channel', SendMessages: 'Send Messages', EmbedLinks: 'Embed Links', ManageGuild: 'Manage Server',
  Administrator: 'Administrator', SendMessagesInThreads: 'Send Messages in Threads',
};

/** Readable names of the bits in `bits` that quotewire knows ("Manage Server, Embed Links"). */
export function permissionNames(bits: bigint): string[] {
  return (Object.keys(Permission) as (keyof typeof Permission)[]).filter((k) => (bits & Permission[k]) !== 0n).map((k) => PERMISSION_NAMES[k]);
}

/** Who asked and where: the same in Discord, the console and tests. */
export interface Invocation {
  userId: string;
  userName: string;
  /** null in a direct message or the console. */
  guildId: string | null;
  channelId: string | null;
  /** The member's permissions in the channel (bit field); null when unknown (DMs, console: treated as all). */
  memberPermissions: bigint | null;
  /** The bot's own permissions in the channel of the interaction; null when unknown. */
  appPermissions: bigint | null;
  /**
   * The bot's permissions in another channel of the guild (e.g. where a digest will be posted), or null
   * when that cannot be known (console, unknown channel). Lets a command check a channel before using it.
   */
  botPermissionsIn(channelId: string): Promise<bigint | null>;
  /** Whether a channel of the guild is a thread (posting there needs Send Messages in Threads); null when unknown. */
  isThread(channelId: string): Promise<boolean | null>;
}

export interface CommandInput extends Invocation {
  /** The subcommand (`latest` in `/article latest`), or null. */
  subcommand: string | null;
  /** Option values by name, already typed by Discord (strings, integers, booleans; channels as ids). */
  options: Readonly<Record<string, OptionValue>>;
}

export interface AutocompleteInput extends CommandInput {
  /** The option being typed and what has been typed so far. */
  focused: { name: string; value: string };
}

export interface ButtonInput extends Invocation {
  /** The parts of the custom id after the command name (`quote:12:10` -> ['12', '10']). */
  args: string[];
}

export interface Choice {
  name: string;
  value: string | number;
}

export interface Command {
  data: CommandData;
  /**
   * Member permissions checked when the command runs (Discord's `default_member_permissions` only hides it).
   * The router refuses with an ephemeral message when the member lacks any of these bits.
   */
  requiredPermissions?: bigint;
  /** Acknowledge first and edit the reply later (work that may take more than a moment). */
  defer?: boolean | ((input: CommandInput) => boolean);
  execute(ctx: AppContext, input: CommandInput): Reply | Promise<Reply>;
  /** Choices for the focused option (at most 25; answered within milliseconds). */
  autocomplete?(ctx: AppContext, input: AutocompleteInput): Choice[] | Promise<Choice[]>;
  /** Handles a button whose custom id starts with `<command name>:`. */
  button?(ctx: AppContext, input: ButtonInput): Reply | Promise<Reply>;
}

/**
 * A mistake the user can fix (unknown speaker, nothing found, missing permission). The router turns it
 * into a short ephemeral reply with this message; any other error becomes a generic message and a log line.
 */
export class UserError extends Error {
  override name = 'UserError';
}

/** Reads a string option; empty or missing gives null. */
export function stringOption(input: CommandInput, name: string): string | null {
  const value = input.options[name];
  if (value === undefined) return null;
  const text = String(value).trim();
  return text.length > 0 ? text : null;
}

/** Reads an integer option; missing gives null. */
export function integerOption(input: CommandInput, name: string): number | null {
  const value = input.options[name];
  if (value === undefined) return null;
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isSafeInteger(n)) throw new UserError(`\`${name}\` must be a whole number.`);
  return n;
}

/** True when the permission bit field holds every bit of `required` (Administrator holds all). */
export function hasPermissions(granted: bigint | null, required: bigint): boolean {
  if (granted === null) return true;
  if ((granted & Permission.Administrator) !== 0n) return true;
  return (granted & required) === required;
}
