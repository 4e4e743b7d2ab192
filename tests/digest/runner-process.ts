// A separate process running due digests on a store file; prints what it posted as JSON. Used by processes.test.ts.
import { loadConfig } from '../../src/config.ts';
import { runDueDigests } from '../../src/digest/run.ts';
import { createLogger } from '../../src/log.ts';
import { openStore } from '../../src/store/index.ts';

const [path, at, name] = process.argv.slice(2);
const store = openStore(path!);
const posts: string[] = [];
const ctx = { config: loadConfig({}), log: createLogger('silent', { pretty: false }), store, now: () => new Date(at!) };
const reports = await runDueDigests(ctx, new Date(at!), {
  async post(channelId) {
    await new Promise((resolve) => setTimeout(resolve, 40));
    posts.push(channelId);
  },
}, { runner: name! });
store.close();
console.log(JSON.stringify({ name, posts, outcomes: reports.map((r) => r.outcome) }));
