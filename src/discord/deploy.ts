import { createHash } from 'node:crypto';
import type { REST } from 'discord.js';
import { Routes } from './discord-js.ts';
import type { SettingsStore } from '../store/settings.ts';
import type { Command, CommandData } from './command.ts';

export interface DeployScope {
  applicationId: string;
  /** A guild id registers there (at once); null registers globally (propagates more slowly). */
  guildId: string | null;
}

export interface CommandChanges {
  added: string[];
  removed: string[];
  changed: string[];
  unchanged: string[];
}

export interface DeployResult {
  /** False when the definitions were already registered (by hash) and nothing was sent. */
  registered: boolean;
  changes: CommandChanges | null;
  hash: string;
}

/** JSON with object keys sorted, so the same definitions always give the same hash. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function definitions(commands: readonly Command[]): CommandData[] {
  return commands.map((c) => c.data);
}

/** Hash of the command definitions for one scope. */
export function definitionsHash(commands: readonly Command[], scope: DeployScope): string {
  return createHash('sha256').update(stableJson({ scope, commands: definitions(commands) })).digest('hex');
}

const settingKey = (scope: DeployScope): string => `discord.commands.${scope.applicationId}.${scope.guildId ?? 'global'}`;

/** Fields Discord adds to a registered command, which are not part of a definition. */
const SERVER_FIELDS = new Set(['id', 'application_id', 'version', 'guild_id', 'type', 'dm_permission', 'nsfw', 'integration_types', 'contexts', 'name_localizations', 'description_localizations', 'handler']);

function comparable(def: Record<string, unknown>): string {
  return stableJson(Object.fromEntries(Object.entries(def).filter(([k, v]) => !SERVER_FIELDS.has(k) && v !== null && v !== undefined)));
}

/** What registering `next` changes relative to what is registered now (by command name). */
export function diffCommands(current: Record<string, unknown>[], next: CommandData[]): CommandChanges {
  const before = new Map(current.map((c) => [String(c.name), comparable(c)]));
  const after = new Map(next.map((c) => [c.name, comparable(c as unknown as Record<string, unknown>)]));
  const changes: CommandChanges = { added: [], removed: [], changed: [], unchanged: [] };
  for (const [name, def] of after) {
    if (!before.has(name)) changes.added.push(name);
    else if (before.get(name) !== def) changes.changed.push(name);
    else changes.unchanged.push(name);
  }
  for (const name of before.keys()) if (!after.has(name)) changes.removed.push(name);
  return changes;
}

function route(scope: DeployScope): `/${string}` {
  return scope.guildId ? Routes.applicationGuildCommands(scope.applicationId, scope.guildId) : Routes.applicationCommands(scope.applicationId);
}

/**
 * Registers the commands (one bulk overwrite). Unless `force`, nothing is sent when the hash of the
 * definitions matches the one kept from the last registration. With `compare`, the currently registered
 * commands are fetched first so the result says what changed.
 */
export async function deployCommands(
  rest: REST, settings: SettingsStore, commands: readonly Command[], scope: DeployScope,
  options: { force?: boolean; compare?: boolean } = {},
): Promise<DeployResult> {
  const hash = definitionsHash(commands, scope);
  const key = settingKey(scope);
  if (!options.force && settings.get(key) === hash) return { registered: false, changes: null, hash };
  const current = options.compare ? ((await rest.get(route(scope))) as Record<string, unknown>[]) : null;
  await rest.put(route(scope), { body: definitions(commands) });
  settings.set(key, hash);
  return { registered: true, changes: current ? diffCommands(current, definitions(commands)) : null, hash };
}

/** "added: digest; changed: quote; unchanged: article, help" */
export function describeChanges(changes: CommandChanges): string {
  const parts = (['added', 'changed', 'removed', 'unchanged'] as const)
    .filter((k) => changes[k].length > 0)
    .map((k) => `${k}: ${changes[k].map((n) => `/${n}`).join(', ')}`);
  return parts.join('; ') || 'no commands';
}
