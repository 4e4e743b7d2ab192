import { commands } from '../../commands/index.ts';
import { loadConfig } from '../config.ts';
import { createBotService } from '../discord/bot.ts';
import { createLogger } from '../log.ts';
import { openStore } from '../store/index.ts';

/**
 * The bot as the discord benchmark runs it: in a process of its own (so its memory is measured alone),
 * configured from the environment, reporting over IPC. Not an entry point for anything else.
 */
const launched = performance.now();
// Sampled rather than read from ru_maxrss, which on Linux still holds the parent's size from before exec.
let peakRss = process.memoryUsage().rss;
setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20).unref();
const config = loadConfig(process.env);
const store = openStore(config.dbPath);
const bot = createBotService(commands, { globalRequestsPerSecond: 100_000, skipIdentifyThrottle: true });
const started = performance.now();
await bot.start({ config, log: createLogger(config.logLevel, { pretty: false }), store, now: () => new Date() });
const ready = performance.now();
const readyRss = process.memoryUsage().rss;
process.send?.({ type: 'ready', startToReadyMs: ready - started, launchToReadyMs: ready - launched, processToReadyMs: ready });
process.on('message', (message: string) => {
  if (message === 'rss') {
    const { rss, heapUsed } = process.memoryUsage();
    process.send?.({ type: 'rss', rss, maxRss: Math.max(peakRss, rss), heapUsed, readyRss });
  }
  if (message === 'stop') {
    void bot.stop().then(() => {
      store.close();
      process.exit(0);
    });
  }
});
