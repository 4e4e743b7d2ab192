import type { Button, ButtonStyle, Reply } from '../reply.ts';
import { fitReply } from '../limits.ts';

/** Discord's numeric values for the parts of a message the bot sends. */
const EPHEMERAL = 64;
const ACTION_ROW = 1;
const BUTTON = 2;
const STYLE: Record<ButtonStyle, number> = { primary: 1, secondary: 2, success: 3, danger: 4 };
const LINK = 5;

/** Mentions are never parsed in anything the bot sends: quoted text must not ping anyone. */
export const NO_MENTIONS = { parse: [] as never[] };

export interface MessagePayload {
  content?: string;
  embeds?: Record<string, unknown>[];
  components?: Record<string, unknown>[];
  flags?: number;
  allowed_mentions: { parse: never[] };
}

function button(b: Button): Record<string, unknown> {
  if (b.kind === 'link') return { type: BUTTON, style: LINK, label: b.label, url: b.url };
  return { type: BUTTON, style: STYLE[b.style ?? 'secondary'], label: b.label, custom_id: b.customId, disabled: b.disabled ?? false };
}

/**
 * The message body Discord receives for a reply (API field names), after fitting it within the limits.
 * With `edit`, empty parts are sent explicitly so an edit replaces what was there.
 */
export function toMessagePayload(reply: Reply, options: { edit?: boolean } = {}): MessagePayload {
  const fitted = fitReply(reply);
  const payload: MessagePayload = { allowed_mentions: NO_MENTIONS };
  if (fitted.content || options.edit) payload.content = fitted.content ?? '';
  if (fitted.embeds?.length || options.edit) payload.embeds = (fitted.embeds ?? []).map((e) => ({ ...e }));
  if (fitted.buttons?.length || options.edit) {
    payload.components = (fitted.buttons ?? []).map((row) => ({ type: ACTION_ROW, components: row.map(button) }));
  }
  if (fitted.ephemeral && !options.edit) payload.flags = EPHEMERAL;
  return payload;
}
