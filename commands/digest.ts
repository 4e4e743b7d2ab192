import {
  hasPermissions, integerOption, OptionType, Permission, permissionNames, stringOption, UserError, type Command, type CommandInput,
} from '../src/discord/command.ts';
import { LIMITS, truncate } from '../src/discord/limits.ts';
import type { AppContext } from '../src/context.ts';
import { escapeMarkdown } from '../src/discord/render/markdown.ts';
import { ephemeral, type Reply } from '../src/discord/reply.ts';
import { previewDigest } from '../src/digest/run.ts';
import { isValidZone, normaliseTime } from '../src/digest/schedule.ts';
import { describeInstant, describeStatus, nextDigestAt } from '../src/digest/status.ts';

const DEFAULT_ARTICLES = 5;
const NOT_SET = 'No daily digest is set in this server. Set one with `/digest set channel: time: timezone:`.';
const POST_NEEDS = Permission.ViewChannel | Permission.SendMessages | Permission.EmbedLinks;
// In a thread, Send Messages in Threads takes the place of Send Messages.
const THREAD_POST_NEEDS = Permission.ViewChannel | Permission.SendMessagesInThreads | Permission.EmbedLinks;
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

function guildOf(input: { guildId: string | null }): string {
  if (!input.guildId) throw new UserError('Digests are set per server: use `/digest` in a server channel.');
  return input.guildId;
}

async function channelWarning(input: CommandInput, channelId: string): Promise<string | null> {
  const [granted, thread] = await Promise.all([input.botPermissionsIn(channelId), input.isThread(channelId)]);
  const needs = thread ? THREAD_POST_NEEDS : POST_NEEDS;
  if (hasPermissions(granted, needs)) return null;
  const missing = permissionNames(needs & ~(granted ?? 0n));
  return `⚠️ quotewire cannot post there yet: it is missing **${missing.join(', ')}** in <#${channelId}>. ` +
    'Give it those permissions in that channel, or the digest will fail (and pause after 3 days).';
}

const NOTHING_NEW = 'Nothing new since the previous digest: nothing would be posted now.';

/**
 * Message `index` of what the digest would post now, exactly as it would be posted, with buttons to the
 * other messages when there are several (the preview is one private message; a digest may take more).
 */
function previewPage(ctx: AppContext, guildId: string, channelId: string | null, index: number, asNew: boolean): Reply {
  const now = ctx.now();
  const sub = ctx.store.digests.subscription(guildId) ?? {
    guildId, channelId: channelId ?? '', time: '00:00', timeZone: 'UTC', articles: DEFAULT_ARTICLES,
    activeFrom: now.toISOString(), paused: false, pausedReason: null, consecutiveFailures: 0, createdBy: null, updatedAt: now.toISOString(),
  };
  const messages = previewDigest(ctx, sub, now);
  // A button updates the private message it is on (not ephemeral: that would send a new one).
  if (messages.length === 0) return asNew ? ephemeral(NOTHING_NEW) : { content: NOTHING_NEW };
  const at = Math.min(Math.max(index, 0), messages.length - 1);
  const page: Reply = { ...messages[at]!, ephemeral: asNew };
  if (messages.length === 1) return page;
  page.content = `${page.content ?? ''}\n-# Preview: message ${at + 1} of ${messages.length}`;
  page.buttons = [[
    { kind: 'action', customId: `digest:preview:${at - 1}`, label: 'Previous', disabled: at === 0 },
    { kind: 'action', customId: `digest:preview:${at + 1}`, label: 'Next', disabled: at === messages.length - 1 },
  ]];
  return page;
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
      { type: OptionType.Subcommand, name: 'resume', description: 'Start a paused digest again, with the same channel and time' },
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
      case 'resume': {
        const current = digests.subscription(guildId);
        if (!current) throw new UserError(NOT_SET);
        if (!current.paused) {
          return ephemeral(`The daily digest is not paused. Next digest: ${describeInstant(nextDigestAt(ctx, current, now), current.timeZone)}.`);
        }
        const sub = digests.resume(guildId, now.toISOString())!;
        const lines = [
          `Daily digest resumed: every day at **${sub.time}** (${sub.timeZone}) in <#${sub.channelId}>.`,
          `Next digest: ${describeInstant(nextDigestAt(ctx, sub, now), sub.timeZone)}.`,
        ];
        const warning = await channelWarning(input, sub.channelId);
        if (warning) lines.push(warning);
        return ephemeral(lines.join('\n'));
      }
      case 'off':
        return ephemeral(digests.unsubscribe(guildId)
          ? 'The daily digest is off. Set it again any time with `/digest set`.'
          : 'There is no daily digest in this server to turn off.');
      case 'status': {
        const sub = digests.subscription(guildId);
        if (!sub) throw new UserError(NOT_SET);
        return ephemeral(describeStatus(ctx, sub, now));
      }
      case 'preview':
        return previewPage(ctx, guildId, input.channelId, 0, true);
      default:
        throw new UserError('Use `/digest set`, `/digest off`, `/digest resume`, `/digest status` or `/digest preview`.');
    }
  },
  button(ctx, input) {
    const [action, index] = input.args;
    const at = Number(index);
    if (action !== 'preview' || !Number.isSafeInteger(at)) throw new UserError('That button is out of date. Run `/digest preview` again.');
    return previewPage(ctx, guildOf(input), input.channelId, at, false);
  },
  autocomplete(_ctx, input) {
    if (input.focused.name !== 'timezone') return [];
    return matchZones(input.focused.value).map((zone) => ({ name: zone, value: zone }));
  },
} satisfies Command;
