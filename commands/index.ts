import type { Command } from '../src/discord/command.ts';
import article from './article.ts';
import digest from './digest.ts';
import feed from './feed.ts';
import help from './help.ts';
import quote from './quote.ts';
import speakers from './speakers.ts';

/** Every slash command, in the order /help and the console list them. Used by the bot, deploy, the console and tests. */
export const commands: readonly Command[] = [article, quote, speakers, digest, feed, help];
