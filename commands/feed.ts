import { OptionType, Permission, stringOption, UserError, type Command, type CommandInput } from '../src/discord/command.ts';
import { LIMITS, truncate } from '../src/discord/limits.ts';
import { escapeMarkdown } from '../src/discord/render/markdown.ts';
import { ephemeral, type Reply } from '../src/discord/reply.ts';
import { addFeed, describeFeed, FeedAdminError, formatInterval, parseInterval, removeFeed, resumeFeed } from '../src/ingest/feed-admin.ts';
import type { AppContext } from '../src/context.ts';
import type { FeedRow } from '../src/store/feeds.ts';

/** Runs a feed action; a mistake the user can fix becomes a UserError (a short ephemeral reply). */
async function asUser<T>(action: () => T | Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof FeedAdminError) throw new UserError(`${error.message.charAt(0).toUpperCase()}${error.message.slice(1)}.`);
    throw error;
  }
}

function required(input: CommandInput, name: string): string {
  const value = stringOption(input, name);
  if (!value) throw new UserError(`Give the \`${name}\` option.`);
  return value;
}

/** A feed's title (or URL) as shown in a reply: it comes from the feed itself, so its Markdown is escaped. */
const feedName = (feed: FeedRow): string => escapeMarkdown(truncate(feed.title ?? feed.url, 200));

function list(ctx: AppContext): Reply {
  const feeds = ctx.store.feeds.list();
  if (feeds.length === 0) return ephemeral('No feeds yet. Add one with `/feed add url:`.');
  // Titles and errors come from the feeds' servers; the URL stays in <> (Discord shows no preview for it).
  const lines = feeds.map((f) => `${f.pausedAt ? '⏸️' : f.failures > 0 ? '⚠️' : '✅'} ${describeFeed({
    ...f, title: f.title && escapeMarkdown(f.title), lastError: f.lastError && escapeMarkdown(f.lastError),
  })}`);
  return ephemeral(truncate(lines.join('\n'), LIMITS.content));
}

export default {
  data: {
    name: 'feed',
    description: 'RSS, Atom and JSON feeds whose new articles quotewire stores',
    default_member_permissions: String(Permission.ManageGuild),
    contexts: [0],
    options: [
      {
        type: OptionType.Subcommand, name: 'add', description: 'Follow a feed: its current articles are stored now, new ones as they appear',
        options: [
          { type: OptionType.String, name: 'url', description: 'The feed address (RSS, Atom or JSON Feed), http or https', required: true, max_length: 2000 },
          { type: OptionType.String, name: 'every', description: 'How often to check it, e.g. 15m, 1h (5m to 24h)', max_length: 16 },
        ],
      },
      { type: OptionType.Subcommand, name: 'list', description: 'Every feed with its state: ok, failing or paused' },
      {
        type: OptionType.Subcommand, name: 'remove', description: 'Stop following a feed (its stored articles stay)',
        options: [{ type: OptionType.String, name: 'feed', description: 'The feed number from /feed list, or its URL', required: true, autocomplete: true, max_length: 2000 }],
      },
      {
        type: OptionType.Subcommand, name: 'resume', description: 'Check a paused feed again',
        options: [{ type: OptionType.String, name: 'feed', description: 'The feed number from /feed list, or its URL', required: true, autocomplete: true, max_length: 2000 }],
      },
    ],
  },
  requiredPermissions: Permission.ManageGuild,
  defer: (input) => input.subcommand === 'add',
  async execute(ctx, input): Promise<Reply> {
    switch (input.subcommand) {
      case 'add': {
        const url = required(input, 'url');
        const every = stringOption(input, 'every');
        const { feed, report } = await asUser(() => addFeed(ctx, url, {
          intervalMinutes: every ? parseInterval(every) : ctx.config.feedIntervalMinutes, addedBy: input.userId,
        }));
        const failed = report.itemFailures ? ` (${report.itemFailures} could not be read)` : '';
        return {
          content: `Following feed #${feed.id} **${feedName(feed)}**, checked every ${formatInterval(feed.intervalMinutes)}. ` +
            `${report.stored} current article${report.stored === 1 ? '' : 's'} stored${failed}; new ones will be stored as they appear.`,
        };
      }
      case 'list':
        return list(ctx);
      case 'remove': {
        const feed = await asUser(() => removeFeed(ctx, required(input, 'feed')));
        return ephemeral(`Stopped following feed #${feed.id} ${feedName(feed)}. Its articles stay.`);
      }
      case 'resume': {
        const feed = await asUser(() => resumeFeed(ctx, required(input, 'feed')));
        return ephemeral(`Feed #${feed.id} ${feedName(feed)} will be checked again within a minute.`);
      }
      default:
        throw new UserError('Use `/feed add`, `/feed list`, `/feed remove` or `/feed resume`.');
    }
  },
  autocomplete(ctx, input) {
    if (input.focused.name !== 'feed') return [];
    const typed = input.focused.value.trim().toLowerCase();
    return ctx.store.feeds.list()
      .filter((f) => !typed || String(f.id).startsWith(typed.replace(/^#/, '')) || f.url.toLowerCase().includes(typed) || (f.title ?? '').toLowerCase().includes(typed))
      .slice(0, LIMITS.choices)
      .map((f) => ({ name: truncate(`#${f.id} ${f.title ?? f.url}${f.pausedAt ? ' (paused)' : ''}`, 100), value: String(f.id) }));
  },
} satisfies Command;
