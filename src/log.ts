import { createRequire } from 'node:module';
import pino, { type Logger } from 'pino';
import type PinoPretty from 'pino-pretty';

export type { Logger };

/** Paths whose values never reach a log line. */
export const REDACTED_PATHS = [
  'token', '*.token', 'discordToken', '*.discordToken', 'config.discordToken',
  'authorization', '*.authorization', 'headers.authorization', '*.headers.authorization',
];

/**
 * Structured logs on standard error (standard output is for command results such as `parse --json`),
 * human-readable when standard error is a terminal.
 */
export function createLogger(level: string, options: { pretty?: boolean } = {}): Logger {
  const pretty = options.pretty ?? process.stderr.isTTY === true;
  const base = { level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } };
  if (pretty) {
    // In this thread, not as a pino transport: a transport's worker thread costs about 14 MB and prints its
    // lines after the command's own output. Loaded only for a terminal.
    const prettyStream = createRequire(import.meta.url)('pino-pretty') as typeof PinoPretty;
    return pino(base, prettyStream({ destination: 2, sync: true, ignore: 'pid,hostname', translateTime: 'SYS:HH:MM:ss' }));
  }
  return pino(base, pino.destination({ dest: 2, sync: true }));
}
