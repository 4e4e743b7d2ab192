/**
 * The reply value every command returns. It is plain data: the router sends it through discord.js, the
 * console prints it as text, tests compare it. Nothing here knows about discord.js.
 */

export interface EmbedField {
  name: string;
  value: string;
  inline?: boolean;
}

export interface Embed {
  title?: string;
  /** Makes the title a link. */
  url?: string;
  description?: string;
  color?: number;
  author?: { name: string; url?: string };
  fields?: EmbedField[];
  footer?: { text: string };
  /** ISO 8601; Discord shows it next to the footer in the reader's time zone. */
  timestamp?: string;
}

export type ButtonStyle = 'primary' | 'secondary' | 'success' | 'danger';

export type Button =
  | { kind: 'action'; customId: string; label: string; style?: ButtonStyle; disabled?: boolean }
  | { kind: 'link'; url: string; label: string };

export interface Reply {
  content?: string;
  embeds?: Embed[];
  /** Rows of buttons (at most 5 rows of 5). */
  buttons?: Button[][];
  /** Only the person who asked sees it. */
  ephemeral?: boolean;
}

/** A short reply only the asker sees: for user errors and confirmations. */
export function ephemeral(content: string): Reply {
  return { content, ephemeral: true };
}
