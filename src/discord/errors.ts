import type { Logger } from '../log.ts';
import { UserError } from './command.ts';
import { ephemeral, type Reply } from './reply.ts';

export const GENERIC_ERROR = 'Something went wrong on our side while answering that. It has been logged; please try again in a moment.';

/**
 * The one place errors become words: a UserError is shown as it is (short, ephemeral); anything else is
 * logged with the context and the user gets a generic ephemeral message, never a stack trace.
 */
export function errorReply(log: Logger, error: unknown, context: Record<string, unknown>): Reply {
  if (error instanceof UserError) return ephemeral(error.message);
  log.error({ err: error, ...context }, 'command failed');
  return ephemeral(GENERIC_ERROR);
}
