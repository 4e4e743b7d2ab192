import { createRequire } from 'node:module';
import type * as DiscordJs from 'discord.js';

/**
 * discord.js, loaded with `require`. It is CommonJS: imported from ESM, Node 20 sends each of its few hundred
 * files through the ESM loader and parses every one for its export names (measured at start: about 0.15-0.25 s
 * of CPU and 3-4 MB more). Import its values from here, its types from 'discord.js' as usual.
 */
const discord = createRequire(import.meta.url)('discord.js') as typeof DiscordJs;

export const { Client, DiscordAPIError, Events, GatewayIntentBits, Options, PermissionFlagsBits, REST, Routes } = discord;
