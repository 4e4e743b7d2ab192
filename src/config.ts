import { IANAZone } from 'luxon';
import { z } from 'zod';

/**
 * Configuration, parsed once at start from the environment with a schema. Every problem is reported
 * together. Only entry points load `.env` (see main.ts and cli.ts); this module just reads what it is given.
 */

const optionalText = z
  .string()
  .transform((s) => s.trim())
  .optional()
  .transform((s) => (s ? s : undefined));

const timeZone = z
  .string()
  .default('UTC')
  .refine((zone) => IANAZone.isValidZone(zone), { message: 'must be an IANA time zone such as UTC or America/New_York' });

const schema = z.object({
  DISCORD_TOKEN: optionalText,
  DISCORD_API_URL: optionalText.pipe(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://discord.com/api' }).optional()),
  DISCORD_GUILD_ID: optionalText.pipe(z.string().regex(/^\d{17,20}$/, 'must be a Discord server id (17-20 digits)').optional()),
  QUOTEWIRE_DB: z.string().trim().min(1).default('./data/quotewire.db'),
  QUOTEWIRE_SEEDS: z.string().trim().min(1).default('./seeds'),
  QUOTEWIRE_TIMEZONE: timeZone,
  QUOTEWIRE_ALLOW_PRIVATE_NETWORK: z.enum(['true', 'false', '1', '0', '']).default('false').transform((v) => v === 'true' || v === '1'),
  QUOTEWIRE_FEED_INTERVAL_MINUTES: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.coerce.number().int().min(5, 'must be at least 5 (minutes)').max(1440, 'must be at most 1440 (a day)').default(15),
  ),
  QUOTEWIRE_DIGEST_GRACE_HOURS: z.string().trim().optional().transform((v) => (v ? Number(v) : 6))
    .pipe(z.number({ error: 'must be a number of hours' }).min(0, 'must be 0 to 24 hours').max(24, 'must be 0 to 24 hours')),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  discordToken: string | null;
  discordApiUrl: string | null;
  discordGuildId: string | null;
  dbPath: string;
  seedsDir: string;
  /** Zone assumed for datelines of file sources that name none. */
  timeZone: string;
  /** Lets the web fetcher reach loopback and private addresses (tests, self-hosting). */
  allowPrivateNetwork: boolean;
  /** How often a feed is polled when `feed add` names no interval. */
  feedIntervalMinutes: number;
  /** How late a missed digest may still be sent (after downtime); older ones are skipped and recorded. */
  digestGraceHours: number;
  logLevel: string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(`Configuration problems:\n${problems.map((p) => `  - ${p}`).join('\n')}\nSee .env.example for every setting.`);
  }
}

/** Reads and checks the configuration; throws ConfigError listing every problem at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const c = parsed.data;
  return {
    discordToken: c.DISCORD_TOKEN ?? null,
    discordApiUrl: c.DISCORD_API_URL ?? null,
    discordGuildId: c.DISCORD_GUILD_ID ?? null,
    dbPath: c.QUOTEWIRE_DB,
    seedsDir: c.QUOTEWIRE_SEEDS,
    timeZone: c.QUOTEWIRE_TIMEZONE,
    allowPrivateNetwork: c.QUOTEWIRE_ALLOW_PRIVATE_NETWORK,
    feedIntervalMinutes: c.QUOTEWIRE_FEED_INTERVAL_MINUTES,
    digestGraceHours: c.QUOTEWIRE_DIGEST_GRACE_HOURS,
    logLevel: c.LOG_LEVEL,
  };
}
