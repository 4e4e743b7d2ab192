import { addFeed, describeFeed, FeedAdminError, formatInterval, parseInterval, removeFeed, resumeFeed } from '../ingest/feed-admin.ts';
import { parseOptions, UsageError, withCliContext } from './shared.ts';

const USAGE = 'feed add URL [--every 15m] | feed list | feed remove ID|URL | feed resume ID|URL';

/** `quotewire feed ...`: subscribe to feeds, list them with their state, remove or resume them. */
export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseOptions(argv, { every: { type: 'string' } });
  const [action, ...args] = positionals;
  if (values.every !== undefined && action !== 'add') throw new UsageError('--every goes with feed add');
  const one = (what: string): string => {
    if (args.length !== 1) throw new UsageError(`give exactly one ${what}: quotewire ${USAGE}`);
    return args[0]!;
  };
  switch (action) {
    case 'add': {
      const url = one('feed URL');
      let interval: number | null = null;
      try {
        interval = values.every === undefined ? null : parseInterval(values.every);
      } catch (error) {
        throw new UsageError((error as Error).message);
      }
      return withCliContext((ctx) => report(async () => {
        const { feed, report } = await addFeed(ctx, url, { intervalMinutes: interval ?? ctx.config.feedIntervalMinutes, addedBy: 'cli' });
        const failed = report.itemFailures ? `, ${report.itemFailures} item${report.itemFailures === 1 ? '' : 's'} could not be read` : '';
        console.log(`added feed #${feed.id} ${feed.title ?? feed.url}, polled every ${formatInterval(feed.intervalMinutes)}: ${report.stored} current article${report.stored === 1 ? '' : 's'} stored (not news for digests)${failed}`);
      }));
    }
    case 'list':
      if (args.length > 0) throw new UsageError('feed list takes no arguments');
      return withCliContext((ctx) => {
        const feeds = ctx.store.feeds.list();
        if (feeds.length === 0) console.log('no feeds yet; add one with: quotewire feed add URL');
        for (const feed of feeds) console.log(describeFeed(feed));
        return 0;
      });
    case 'remove': {
      const ref = one('feed number or URL');
      return withCliContext((ctx) => report(() => {
        const feed = removeFeed(ctx, ref);
        console.log(`removed feed #${feed.id} ${feed.title ?? feed.url} (its articles stay)`);
      }));
    }
    case 'resume': {
      const ref = one('feed number or URL');
      return withCliContext((ctx) => report(() => {
        const feed = resumeFeed(ctx, ref);
        console.log(`resumed feed #${feed.id} ${feed.title ?? feed.url}; it is polled at the next check`);
      }));
    }
    default:
      throw new UsageError(action ? `unknown action "${action}"; use ${USAGE}` : `use ${USAGE}`);
  }
}

/** Runs an action; a FeedAdminError is printed as a one-line failure with exit status 1. */
async function report(action: () => Promise<void> | void): Promise<number> {
  try {
    await action();
    return 0;
  } catch (error) {
    if (!(error instanceof FeedAdminError)) throw error;
    console.error(`quotewire feed: ${error.message}`);
    return 1;
  }
}
