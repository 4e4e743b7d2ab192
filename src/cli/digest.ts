import { REST } from '../discord/discord-js.ts';
import type { AppContext } from '../context.ts';
import { unescapeMarkdown } from '../discord/render/markdown.ts';
import { digestAsText } from '../digest/compose.ts';
import { createRestPoster } from '../digest/discord-poster.ts';
import { previewDigest, runDueDigests } from '../digest/run.ts';
import { parseInstant } from '../digest/schedule.ts';
import { describeInstant, describeStatus, nextDigestAt } from '../digest/status.ts';
import { parseOptions, UsageError, withCliContext } from './shared.ts';

const USAGE = 'usage: quotewire digest run [--guild ID] [--at ISO-TIME] | digest preview --guild ID [--at ISO-TIME] | digest status --guild ID | digest resume --guild ID';

function instant(text: string | undefined, ctx: AppContext): Date {
  if (text === undefined) return ctx.now();
  const at = parseInstant(text);
  if (!at) throw new UsageError(`--at must be an ISO time with its offset, such as 2026-01-15T09:00Z or 2026-01-15T09:00+01:00, not "${text}"`);
  return at;
}

function subscriptionOf(ctx: AppContext, guildId: string | undefined) {
  if (!guildId) throw new UsageError(`--guild is required\n${USAGE}`);
  const sub = ctx.store.digests.subscription(guildId);
  if (!sub) throw new UsageError(`guild ${guildId} has no digest (set one with /digest set)`);
  return sub;
}

/**
 * `quotewire digest run [--guild ID] [--at ISO-TIME]`: runs the digests due at that time (now by default),
 * exactly as the scheduler would, claims included; `digest preview --guild ID` prints what would be posted;
 * `digest status --guild ID` prints the schedule and the last runs; `digest resume --guild ID` starts a
 * paused digest again.
 */
export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseOptions(argv, { guild: { type: 'string' }, at: { type: 'string' } });
  const [action, ...extra] = positionals;
  if (extra.length > 0 || !action || !['run', 'preview', 'status', 'resume'].includes(action)) throw new UsageError(USAGE);
  return withCliContext(async (ctx) => {
    const now = instant(values.at, ctx);
    if (action === 'preview') {
      const messages = previewDigest(ctx, subscriptionOf(ctx, values.guild), now);
      console.log(messages.length > 0 ? unescapeMarkdown(digestAsText(messages)) : 'Nothing new since the previous digest: nothing would be posted.');
      return 0;
    }
    if (action === 'status') {
      console.log(unescapeMarkdown(describeStatus(ctx, subscriptionOf(ctx, values.guild), now)));
      return 0;
    }
    if (action === 'resume') {
      const current = subscriptionOf(ctx, values.guild);
      const sub = current.paused ? ctx.store.digests.resume(current.guildId, now.toISOString())! : current;
      console.log(`${current.paused ? 'Resumed' : 'Not paused'}: next digest ${unescapeMarkdown(describeInstant(nextDigestAt(ctx, sub, now), sub.timeZone))}.`);
      return 0;
    }
    const only = values.guild ? subscriptionOf(ctx, values.guild) : null;
    if (only?.paused) {
      console.error(`quotewire digest run: the digest of guild ${only.guildId} is paused, so nothing was run. ${only.pausedReason ?? ''} ` +
        `Resume it with \`quotewire digest resume --guild ${only.guildId}\` or /digest resume.`);
      return 1;
    }
    const token = ctx.config.discordToken;
    if (!token) {
      console.error('quotewire digest run: DISCORD_TOKEN is not set, so nothing can be posted (see .env.example). Use `digest preview` to see a digest.');
      return 1;
    }
    const rest = new REST(ctx.config.discordApiUrl ? { api: ctx.config.discordApiUrl } : {}).setToken(token);
    const reports = await runDueDigests(ctx, now, createRestPoster(rest), values.guild ? { guildId: values.guild } : {});
    if (reports.length === 0) console.log(`No digest due at ${now.toISOString()}.`);
    for (const r of reports) {
      console.log([r.guildId, r.localDate, r.outcome, r.outcome === 'posted' ? `${r.messages} message(s), ${r.articles} article(s)` : '', r.detail ?? ''].filter(Boolean).join('  '));
    }
    return reports.some((r) => r.outcome === 'failed' || r.outcome === 'retry') ? 1 : 0;
  });
}
