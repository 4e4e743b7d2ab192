/**
 * Text from articles shown in Discord: Markdown escaped so a quote never changes the formatting around
 * it, mass mentions defused (mentions are also disabled on every send), dates as Discord timestamps.
 */

const INLINE = /[\\*_~`|[\]<>]/g;
const LINE_START = /^(\s*)([#>-]|\d+\.)/gm;

/** Escapes Discord Markdown in text taken from an article (quotes, headlines, names). */
export function escapeMarkdown(text: string): string {
  return text
    .replace(INLINE, '\\$&')
    .replace(LINE_START, (_m, space: string, mark: string) => (mark.endsWith('.') ? `${space}${mark.slice(0, -1)}\\.` : `${space}\\${mark}`))
    .replace(/@(everyone|here)\b/gi, '@\u200b$1');
}

/** Reverses escapeMarkdown for plain-text output (the console). */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([\\*_~`|[\]<>#\-.0-9])/g, '$1').replace(/\u200b/g, '');
}

/**
 * Unix seconds for an article date. A date without a time is placed at noon UTC so that it shows as
 * the same calendar day for readers in every time zone from UTC-11 to UTC+11.
 */
export function articleUnixTime(date: string | null, publishedAt: string | null = null): number | null {
  const stamp = publishedAt ?? (date ? `${date}T12:00:00Z` : null);
  if (!stamp) return null;
  const ms = Date.parse(stamp);
  return Number.isFinite(ms) ? Math.floor(ms / 1000) : null;
}

export type TimestampStyle = 'D' | 'd' | 'f' | 'F' | 'R' | 't' | 'T';

/** A Discord timestamp such as `<t:1746360000:D>`, shown in each reader's own time zone and language. */
export function discordTimestamp(unixSeconds: number, style: TimestampStyle = 'D'): string {
  return `<t:${unixSeconds}:${style}>`;
}

/** The article's date as a Discord timestamp, or "undated". */
export function articleDate(date: string | null, publishedAt: string | null = null): string {
  const unix = articleUnixTime(date, publishedAt);
  return unix === null ? 'undated' : discordTimestamp(unix, 'D');
}
