import type { APIApplicationCommandOption } from 'discord.js';
import { UserError, OptionType, type Command, type CommandInput, type Invocation, type OptionValue } from './command.ts';

/** Who is asking outside Discord (console, `ask`): no guild, no channel, every permission. */
export const LOCAL_INVOCATION: Invocation = {
  userId: 'local', userName: 'console', guildId: null, channelId: null, memberPermissions: null, appPermissions: null,
  botPermissionsIn: async () => null,
  isThread: async () => null,
};

export interface ParsedLine {
  command: Command;
  input: CommandInput;
}

type Option = APIApplicationCommandOption;

function usage(command: Command, sub?: Option): string {
  const opts = (sub ? ('options' in sub ? sub.options : undefined) : command.data.options) as Option[] | undefined;
  const parts = (opts ?? []).map((o) => ('required' in o && o.required ? `${o.name}:…` : `[${o.name}:…]`));
  return ['/' + command.data.name, sub?.name, ...parts].filter(Boolean).join(' ');
}

/** A typed value as Discord would deliver it, held to the option's limits as Discord holds what users type. */
function coerce(option: Option, raw: string): OptionValue {
  if (option.type === OptionType.Integer || option.type === OptionType.Number) {
    const n = Number(raw.replace(/^#/, ''));
    if (!Number.isFinite(n) || (option.type === OptionType.Integer && !Number.isInteger(n))) throw new UserError(`\`${option.name}:\` must be a number.`);
    const { min_value: min, max_value: max } = option as { min_value?: number; max_value?: number };
    if ((min !== undefined && n < min) || (max !== undefined && n > max)) {
      throw new UserError(`\`${option.name}:\` must be ${max === undefined ? `at least ${min}` : min === undefined ? `at most ${max}` : `between ${min} and ${max}`}.`);
    }
    return n;
  }
  if (option.type === OptionType.Boolean) return /^(true|yes|1|on)$/i.test(raw);
  const { min_length: min, max_length: max } = option as { min_length?: number; max_length?: number };
  if (min !== undefined && raw.length < min) throw new UserError(`\`${option.name}:\` needs at least ${min} characters.`);
  if (max !== undefined && raw.length > max) throw new UserError(`\`${option.name}:\` takes at most ${max} characters.`);
  return raw;
}

/**
 * Reads a typed line such as `/quote Claudia Sheinbaum about: water` or `/article search query: ferry`
 * into the same input Discord would deliver. Text before the first `name:` fills the first required option.
 */
export function parseCommandLine(line: string, commands: readonly Command[], invocation: Invocation = LOCAL_INVOCATION): ParsedLine {
  const match = /^\s*\/?(\S+)\s*(.*)$/s.exec(line);
  const name = match?.[1]?.toLowerCase() ?? '';
  const command = commands.find((c) => c.data.name === name);
  if (!command) throw new UserError(`Unknown command \`/${name}\`. Try ${commands.map((c) => `/${c.data.name}`).join(', ')}.`);
  let rest = match?.[2] ?? '';
  let options = (command.data.options ?? []) as Option[];
  let subcommand: string | null = null;
  const subs = options.filter((o) => o.type === OptionType.Subcommand);
  if (subs.length > 0) {
    const [word = '', ...more] = rest.split(/\s+/);
    const sub = subs.find((s) => s.name === word.toLowerCase());
    if (!sub) throw new UserError(`Use ${subs.map((s) => `\`${usage(command, s)}\``).join(', ')}.`);
    subcommand = sub.name;
    options = ('options' in sub ? sub.options ?? [] : []) as Option[];
    rest = more.join(' ');
  }
  const values: Record<string, OptionValue> = {};
  const names = options.map((o) => o.name);
  const keyPattern = names.length ? new RegExp(`(?:^|\\s)(${names.join('|')}):`, 'gi') : null;
  const keys = keyPattern ? [...rest.matchAll(keyPattern)] : [];
  const positional = (keys.length ? rest.slice(0, keys[0]!.index) : rest).trim();
  keys.forEach((k, i) => {
    const option = options.find((o) => o.name === k[1]!.toLowerCase())!;
    const end = i + 1 < keys.length ? keys[i + 1]!.index : rest.length;
    const raw = rest.slice(k.index! + k[0].length, end).trim();
    if (raw) values[option.name] = coerce(option, raw);
  });
  if (positional) {
    const target = options.find((o) => 'required' in o && o.required && values[o.name] === undefined) ?? options.find((o) => values[o.name] === undefined);
    if (!target) throw new UserError(`I don't know what “${positional}” is for. Usage: \`${usage(command, subs.find((s) => s.name === subcommand))}\``);
    values[target.name] = coerce(target, positional);
  }
  for (const o of options) {
    if ('required' in o && o.required && values[o.name] === undefined) {
      throw new UserError(`\`/${[command.data.name, subcommand].filter(Boolean).join(' ')}\` needs \`${o.name}:\`. Usage: \`${usage(command, subs.find((s) => s.name === subcommand))}\``);
    }
  }
  return { command, input: { ...invocation, subcommand, options: values } };
}
