import 'dotenv/config';
import { ConfigError } from './config.ts';
import { UsageError } from './cli/shared.ts';

/**
 * The `quotewire` command line: a table of subcommands, each in its own module, loaded on demand so that
 * `parse` does not pay for discord.js. Each returns its exit status.
 */
type Run = (argv: string[]) => Promise<number>;

const COMMANDS: Record<string, { usage: string; load: () => Promise<Run> }> = {
  start: { usage: 'start                      run the bot (or the local console when no token is set)', load: async () => (await import('./main.ts')).run },
  ingest: { usage: 'ingest PATH|URL...         store articles from files and folders (.txt, .md) and web pages', load: async () => (await import('./cli/ingest.ts')).run },
  parse: { usage: 'parse FILE [--json]        parse an article without storing it; parse --jsonl reads JSON lines from stdin', load: async () => (await import('./cli/parse.ts')).run },
  stats: { usage: 'stats                      counts of articles, people and quotes; the store path and size', load: async () => (await import('./cli/stats.ts')).run },
  eval: { usage: 'eval quotes|summaries|extract ...   score against a gold file (see README)', load: async () => (await import('./cli/eval.ts')).run },
  digest: { usage: 'digest run [--guild ID] [--at ISO-TIME] | preview --guild ID | status --guild ID | resume --guild ID   daily digests', load: async () => (await import('./cli/digest.ts')).run },
  feed: { usage: 'feed add URL [--every 15m] | list | remove ID|URL | resume ID|URL   RSS, Atom and JSON feeds polled for new articles', load: async () => (await import('./cli/feed.ts')).run },
  'deploy-commands': { usage: 'deploy-commands [--guild ID] register the slash commands (in one server, or globally) and print what changed', load: async () => (await import('./cli/deploy-commands.ts')).run },
  ask: { usage: 'ask "/quote NAME" [--json]  answer one command as the bot would, as text (or the Discord payload)', load: async () => (await import('./cli/ask.ts')).run },
  bench: { usage: 'bench [--json]             throughput benchmarks', load: async () => (await import('./bench/index.ts')).run },
};

function usage(): string {
  return ['Usage: quotewire <command> [options]', '', ...Object.values(COMMANDS).map((c) => `  ${c.usage}`)].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`quotewire: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  try {
    return await (await command.load())(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`quotewire ${name}: ${error.message}`);
      return 2;
    }
    if (error instanceof ConfigError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
