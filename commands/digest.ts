import {
  hasPermissions, integerOption, OptionType, Permission, permissionNames, stringOption, UserError, type Command, type CommandInput,
} from '../src/discord/command.ts';
import { LIMITS, truncate } from '../src/discord/limits.ts';
import { escapeMarkdown } from '../src/discord/render/markdown.ts';
import { ephemeral, type Reply } from '../src/discord/reply.ts';
import { previewDigest } from '../src/digest/run.ts';
import { isValidZone, normaliseTime } from '../src/digest/schedule.ts';
import { describeInstant, describeStatus, nextDigestAt } from '../src/digest/status.ts';

const DEFAULT_ARTICLES = 5;
const POST_NEEDS = Permission.ViewChannel | Permission.SendMessages | Permission.EmbedLinks;
// Text, announcement, and the three kinds of thread.
const POSTABLE_CHANNELS = [0, 5, 10, 11, 12];

let zones: string[] | null = null;
function allZones(): string[] {
  zones ??= [...new Set(['UTC', ...Intl.supportedValuesOf('timeZone')])];
  return zones;
}

/** Time zones matching what was typed ("lisb", "new york", "europe/"), best first: names, then cities, then anywhere. */
export function matchZones(typed: string, limit: number = LIMITS.choices): string[] {
  const q = typed.trim().toLowerCase().replace(/\s+/g, '_');
  if (!q) return ['UTC', 'Europe/London', 'Europe/Berlin', 'America/New_York', 'America/Los_Angeles', 'Asia/Tokyo'].slice(0, limit);
  const rank = (zone: string): number => {
    const z = zone.toLowerCase();
    if (z.startsWith(q)) return 0;
    if ((z.split('/').at(-1) ?? '').startsWith(q)) return 1;
    return z.includes(q) ? 2 : 3;
  };
  return allZones().map((zone) => ({ zone, r: rank(zone) })).filter((m) => m.r < 3)
    .sort((a, b) => a.r - b.r || a.zone.localeCompare(b.zone)).slice(0, limit).map((m) => m.zone);
}

function canonicalZone(typed: string): string | null {
  const exact = allZones().find((z) => z.toLowerCase() === typed.toLowerCase().replace(/\s+/g, '_'));
  if (exact) return exact;
  return isValidZone(typed) ? typed : null;
}

function guildOf(input: CommandInput): string {
  if (!input.guildId) throw new UserError('Digests are set per server: use `/digest` in a server channel.');
  return input.guildId;
}

async function channelWarning(input: CommandInput, channelId: string): Promise<string | null> {
  const granted = await input.botPermissionsIn(channelId);
  if (hasPermissions(granted, POST_NEEDS)) return null;
  const missing = permissionNames(POST_NEEDS & ~(granted ?? 0n));
  return `⚠️ quotewire cannot post there yet: it is missing **${missing.join(', ')}** in <#${channelId}>. ` +
    'Give it those permissions in that channel, or the digest will fail (and pause after 3 days).';
}

export default {
  data: {
    name: 'digest',
    description: 'A daily digest of new articles, posted in a channel at the time you choose',
    default_member_permissions: String(Permission.ManageGuild),
    contexts: [0],
    options: [
      {
        type: OptionType.Subcommand, name: 'set', description: 'Post a digest every day (replaces the current one)',
        options: [
          { type: OptionType.Channel, name: 'channel', description: 'Where to post it', required: true, channel_types: POSTABLE_CHANNELS },
          { type: OptionType.String, name: 'time', description: 'Time of day, 24-hour HH:MM (e.g. 08:30)', required: true, min_length: 4, max_length: 5 },
          { type: OptionType.String, name: 'timezone', description: 'Your time zone, e.g. Europe/Lisbon (default UTC)', autocomplete: true, max_length: 64 },
          { type: OptionType.Integer, name: 'articles', description: `How many articles at most (1-10, default ${DEFAULT_ARTICLES})`, min_value: 1, max_value: 10 },
        ],
      },
      { type: OptionType.Subcommand, name: 'off', description: 'Stop the daily digest' },
      { type: OptionType.Subcommand, name: 'status', description: 'Channel, schedule, next and last digest, failures' },
      { type: OptionType.Subcommand, name: 'preview', description: 'Exactly what would be posted now (only you see it)' },
    ],
  },
  requiredPermissions: Permission.ManageGuild,
  async execute(ctx, input): Promise<Reply> {
    const guildId = guildOf(input);
    const digests = ctx.store.digests;
    const now = ctx.now();
    switch (input.subcommand) {
      case 'set': {
        const channelId = stringOption(input, 'channel');
        if (!channelId) throw new UserError('Pick the channel to post the digest in.');
        const time = normaliseTime(stringOption(input, 'time') ?? '');
        if (!time) throw new UserError('Type the time as HH:MM on a 24-hour clock, e.g. `08:30` or `18:00`.');
        const typedZone = stringOption(input, 'timezone') ?? 'UTC';
        const timeZone = canonicalZone(typedZone);
        if (!timeZone) throw new UserError(`“${escapeMarkdown(truncate(typedZone, 64))}” is not a time zone I know. Start typing a city (e.g. Lisbon) and pick one from the list.`);
        const articles = integerOption(input, 'articles') ?? DEFAULT_ARTICLES;
        if (articles < 1 || articles > 10) throw new UserError('`articles` must be between 1 and 10.');
        const sub = digests.subscribe({ guildId, channelId, time, timeZone, articles, now: now.toISOString(), createdBy: input.userId });
        const lines = [
          `Daily digest set: every day at **${time}** (${timeZone}) in <#${channelId}>, up to ${articles} article${articles === 1 ? '' : 's'}.`,
          `Next digest: ${describeInstant(nextDigestAt(ctx, sub, now), timeZone)}.`,
        ];
        const warning = await channelWarning(input, channelId);
        if (warning) lines.push(warning);
        return ephemeral(lines.join('\n'));
      }
      case 'off':
        return ephemeral(digests.unsubscribe(guildId)
          ? 'The daily digest is off. Set it again any time with `/digest set`.'
          : 'There is no daily digest in this server to turn off.');
      case 'status': {
        const sub = digests.subscription(guildId);
        if (!sub) throw new UserError('No daily digest is set in this server. Set one with `/digest set channel: time: timezone:`.');
        return ephemeral(describeStatus(ctx, sub, now));
      }
      case 'preview': {
        const sub = digests.subscription(guildId) ?? {
          guildId, channelId: input.channelId ?? '', time: '00:00', timeZone: 'UTC', articles: DEFAULT_ARTICLES,
          activeFrom: now.toISOString(), paused: false, pausedReason: null, consecutiveFailures: 0, createdBy: null, updatedAt: now.toISOString(),
        };
        const messages = previewDigest(ctx, sub, now);
        if (messages.length === 0) return ephemeral('Nothing new since the previous digest: nothing would be posted now.');
        const [first, ...rest] = messages;
        const more = rest.length > 0 ? `\n*(and ${rest.length} more message${rest.length === 1 ? '' : 's'} with the rest)*` : '';
        return { ...first, content: `${first!.content ?? ''}${more}`, ephemeral: true };
      }
      default:
        throw new UserError('Use `/digest set`, `/digest off`, `/digest status` or `/digest preview`.');
    }
  },
  autocomplete(_ctx, input) {
    if (input.focused.name !== 'timezone') return [];
    return matchZones(input.focused.value).map((zone) => ({ name: zone, value: zone }));
  },
} satisfies Command;
