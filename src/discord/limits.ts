import type { Button, Embed, Reply } from './reply.ts';

/** Discord's message limits (discord.com/developers/docs/resources/message, interactions). */
export const LIMITS = {
  content: 2000,
  embeds: 10,
  embedTotal: 6000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  authorName: 256,
  buttonRows: 5,
  buttonsPerRow: 5,
  buttonLabel: 80,
  customId: 100,
  choices: 25,
  choiceName: 100,
} as const;

export const CUT_NOTE = 'Shortened to fit Discord’s limits.';
const ELLIPSIS = '…';

/**
 * Cuts `text` to at most `max` characters at a word boundary, ending with an ellipsis when anything was
 * removed. Never splits a surrogate pair, and never leaves a dangling escape backslash.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= ELLIPSIS.length) return ELLIPSIS.slice(0, Math.max(0, max));
  let cut = text.slice(0, max - ELLIPSIS.length);
  const space = cut.search(/\s\S*$/);
  if (space > cut.length * 0.6) cut = cut.slice(0, space);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  // An odd run of trailing backslashes would escape the ellipsis.
  const slashes = /\\+$/.exec(cut)?.[0].length ?? 0;
  if (slashes % 2 === 1) cut = cut.slice(0, -1);
  return cut.replace(/\s+$/, '') + ELLIPSIS;
}

function embedLength(e: Embed): number {
  let n = (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) + (e.author?.name.length ?? 0);
  for (const f of e.fields ?? []) n += f.name.length + f.value.length;
  return n;
}

/** Total characters Discord counts across the embeds of one message. */
export function embedsLength(embeds: Embed[]): number {
  return embeds.reduce((n, e) => n + embedLength(e), 0);
}

function fitEmbed(e: Embed, cut: () => void): Embed {
  const t = (text: string, max: number): string => {
    if (text.length <= max) return text;
    cut();
    return truncate(text, max);
  };
  const out: Embed = { ...e };
  if (e.title !== undefined) out.title = t(e.title, LIMITS.title);
  if (e.description !== undefined) out.description = t(e.description, LIMITS.description);
  if (e.author) out.author = { ...e.author, name: t(e.author.name, LIMITS.authorName) };
  if (e.footer) out.footer = { text: t(e.footer.text, LIMITS.footer) };
  if (e.fields) {
    if (e.fields.length > LIMITS.fields) cut();
    out.fields = e.fields.slice(0, LIMITS.fields).map((f) => ({
      ...f, name: t(f.name, LIMITS.fieldName) || '\u200b', value: t(f.value, LIMITS.fieldValue) || '\u200b',
    }));
  }
  return out;
}

interface Slot {
  length: number;
  shrink: (max: number) => void;
}

/** Every text of the embeds that counts toward the 6,000 total, with a way to shorten it. */
function slots(embeds: Embed[]): Slot[] {
  const out: Slot[] = [];
  for (const e of embeds) {
    if (e.description) out.push({ length: e.description.length, shrink: (max) => (e.description = truncate(e.description!, max)) });
    if (e.title) out.push({ length: e.title.length, shrink: (max) => (e.title = truncate(e.title!, max)) });
    if (e.author) out.push({ length: e.author.name.length, shrink: (max) => (e.author = { ...e.author!, name: truncate(e.author!.name, max) }) });
    (e.fields ?? []).forEach((f, i) => {
      out.push({ length: f.value.length, shrink: (max) => (e.fields![i] = { ...e.fields![i]!, value: truncate(e.fields![i]!.value, max) }) });
      out.push({ length: f.name.length, shrink: (max) => (e.fields![i] = { ...e.fields![i]!, name: truncate(e.fields![i]!.name, max) }) });
    });
  }
  return out;
}

/**
 * Shrinks embeds until their total is within 6,000 (leaving room for the cut note): the longest text is
 * halved first, down to 64 characters; when nothing long is left, the last embed goes.
 */
function fitTotal(embeds: Embed[], cut: () => void): Embed[] {
  const budget = LIMITS.embedTotal - CUT_NOTE.length - 3;
  let total = embedsLength(embeds);
  if (total <= LIMITS.embedTotal) return embeds;
  cut();
  while (total > budget) {
    const longest = slots(embeds).reduce<Slot | null>((best, slot) => (slot.length > (best?.length ?? 0) ? slot : best), null);
    if (!longest || longest.length <= 64) {
      if (embeds.length <= 1) break;
      embeds = embeds.slice(0, -1);
    } else {
      longest.shrink(Math.max(64, Math.min(longest.length - (total - budget), Math.floor(longest.length / 2))));
    }
    total = embedsLength(embeds);
  }
  return embeds;
}

function fitButtons(rows: Button[][], cut: () => void): Button[][] {
  const kept = rows.slice(0, LIMITS.buttonRows).map((row) =>
    row.slice(0, LIMITS.buttonsPerRow)
      .filter((b) => b.kind === 'link' || (b.customId.length >= 1 && b.customId.length <= LIMITS.customId))
      .map((b) => ({ ...b, label: truncate(b.label, LIMITS.buttonLabel) })),
  );
  if (rows.length > LIMITS.buttonRows || rows.some((r, i) => r.length !== (kept[i]?.length ?? 0))) cut();
  return kept.filter((row) => row.length > 0);
}

/**
 * Keeps a reply within Discord's limits: every text cut at a word boundary with an ellipsis, at most 10
 * embeds, 25 fields and 6,000 characters across embeds, 2,000 of content, valid buttons. When anything
 * was cut, the reply says so (in the last embed's footer, or after the content).
 */
export function fitReply(reply: Reply): Reply {
  let wasCut = false;
  const cut = (): void => {
    wasCut = true;
  };
  const out: Reply = { ...reply };
  if (reply.embeds) {
    if (reply.embeds.length > LIMITS.embeds) cut();
    out.embeds = fitTotal(reply.embeds.slice(0, LIMITS.embeds).map((e) => fitEmbed(e, cut)), cut);
  }
  if (reply.buttons) out.buttons = fitButtons(reply.buttons, cut);
  if (reply.content !== undefined && reply.content.length > LIMITS.content) {
    cut();
    out.content = truncate(reply.content, LIMITS.content - CUT_NOTE.length - 1);
  }
  if (wasCut) {
    const last = out.embeds?.at(-1);
    if (last) {
      const footer = last.footer ? `${last.footer.text} · ${CUT_NOTE}` : CUT_NOTE;
      last.footer = { text: footer.length <= LIMITS.footer ? footer : CUT_NOTE };
      if (embedsLength(out.embeds!) > LIMITS.embedTotal) out.embeds = fitTotal(out.embeds!, cut);
    } else {
      out.content = `${out.content ?? ''}\n${CUT_NOTE}`.trim();
    }
  }
  return out;
}
