import type { AppContext } from '../context.ts';
import { hasPermissions, permissionNames, UserError, type AutocompleteInput, type ButtonInput, type Choice, type Command, type CommandInput } from './command.ts';
import { errorReply } from './errors.ts';
import { LIMITS, truncate } from './limits.ts';
import type { Reply } from './reply.ts';

/**
 * Runs commands the same way for Discord, the console and `ask`: permission check, execute, errors turned
 * into replies. Nothing here knows about discord.js.
 */
export interface Dispatcher {
  commands: readonly Command[];
  find(name: string): Command | undefined;
  /** True when the command wants to acknowledge first (its work may take a while). */
  shouldDefer(command: Command, input: CommandInput): boolean;
  execute(command: Command, input: CommandInput): Promise<Reply>;
  button(customId: string, input: Omit<ButtonInput, 'args'>): Promise<Reply>;
  /** At most 25 choices, names and values within 100 characters; [] on any error (logged). */
  autocomplete(command: Command, input: AutocompleteInput): Promise<Choice[]>;
}

export function createDispatcher(ctx: AppContext, commands: readonly Command[]): Dispatcher {
  const byName = new Map(commands.map((c) => [c.data.name, c]));

  function checkPermissions(command: Command, input: { memberPermissions: bigint | null; guildId: string | null }): void {
    if (command.requiredPermissions === undefined) return;
    if (input.guildId === null && input.memberPermissions === null) return;
    if (!hasPermissions(input.memberPermissions, command.requiredPermissions)) {
      const names = permissionNames(command.requiredPermissions).join(', ') || 'more permissions';
      throw new UserError(`You need ${names} to use \`/${command.data.name}\`. Ask a server admin.`);
    }
  }

  return {
    commands,
    find: (name) => byName.get(name),
    shouldDefer(command, input) {
      return typeof command.defer === 'function' ? command.defer(input) : command.defer === true;
    },
    async execute(command, input) {
      try {
        checkPermissions(command, input);
        return await command.execute(ctx, input);
      } catch (error) {
        return errorReply(ctx.log, error, { command: command.data.name, subcommand: input.subcommand, options: input.options, user: input.userId, guild: input.guildId });
      }
    },
    async button(customId, input) {
      const [name, ...args] = customId.split(':');
      const command = name ? byName.get(name) : undefined;
      try {
        if (!command?.button) throw new UserError('That button no longer works. Run the command again.');
        checkPermissions(command, input);
        return await command.button(ctx, { ...input, args });
      } catch (error) {
        return errorReply(ctx.log, error, { customId, user: input.userId, guild: input.guildId });
      }
    },
    async autocomplete(command, input) {
      if (!command.autocomplete) return [];
      try {
        const choices = await command.autocomplete(ctx, input);
        return choices.slice(0, LIMITS.choices).map((c) => ({
          name: truncate(c.name, LIMITS.choiceName),
          value: typeof c.value === 'string' ? c.value.slice(0, LIMITS.choiceName) : c.value,
        }));
      } catch (error) {
        ctx.log.error({ err: error, command: command.data.name, focused: input.focused }, 'autocomplete failed');
        return [];
      }
    },
  };
}
