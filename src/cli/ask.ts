import { commands } from '../../commands/index.ts';
import { createDispatcher } from '../discord/dispatch.ts';
import { errorReply } from '../discord/errors.ts';
import { toMessagePayload } from '../discord/render/payload.ts';
import { renderText } from '../discord/render/text.ts';
import type { Reply } from '../discord/reply.ts';
import { parseCommandLine } from '../discord/text-input.ts';
import { seedIfEmpty } from '../main.ts';
import { parseOptions, UsageError, withCliContext } from './shared.ts';

/**
 * `quotewire ask "/quote Sheinbaum" [--json]`: answers one command through the same dispatcher as the bot
 * and prints it as text, or with --json as the interaction response Discord would receive.
 */
export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseOptions(argv, { json: { type: 'boolean' } });
  const line = positionals.join(' ').trim();
  if (!line) throw new UsageError('say what to ask, e.g. quotewire ask "/quote Sheinbaum"');
  return withCliContext(async (ctx) => {
    await seedIfEmpty(ctx);
    const dispatcher = createDispatcher(ctx, commands);
    let reply: Reply;
    try {
      const { command, input } = parseCommandLine(line, commands);
      reply = await dispatcher.execute(command, input);
    } catch (error) {
      reply = errorReply(ctx.log, error, { line });
    }
    console.log(values.json ? JSON.stringify({ type: 4, data: toMessagePayload(reply) }, null, 2) : renderText(reply));
    return 0;
  });
}
