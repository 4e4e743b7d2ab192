import pino, { type Logger } from 'pino';

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
    return pino({ ...base, transport: { target: 'pino-pretty', options: { destination: 2, ignore: 'pid,hostname', translateTime: 'SYS:HH:MM:ss' } } });
  }
  return pino(base, pino.destination({ dest: 2, sync: true }));
}
