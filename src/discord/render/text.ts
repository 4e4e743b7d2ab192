import type { Reply } from '../reply.ts';
import { unescapeMarkdown } from './markdown.ts';

/** Discord Markdown to plain terminal text: timestamps as dates, links as `text <url>`, emphasis dropped, escapes undone. */
export function plainText(markdown: string): string {
  return unescapeMarkdown(
    markdown
      .replace(/<t:(\d+):[a-zA-Z]>/g, (_m, unix: string) => new Date(Number(unix) * 1000).toISOString().slice(0, 10))
      .replace(/(?<!\\)\[((?:\\.|[^\]\\])*)\]\(([^)\s]+)\)/g, '$1 <$2>')
      .replace(/(?<!\\)\*\*|(?<!\\)\*(?=\S)|(?<=\S)(?<!\\)\*/g, '')
      .replace(/(?<!\\)`/g, ''),
  );
}

/** A reply as plain text for the console and `ask`: the same content, embeds and buttons, without Discord. */
export function renderText(reply: Reply): string {
  const out: string[] = [];
  if (reply.content) out.push(plainText(reply.content));
  for (const e of reply.embeds ?? []) {
    if (e.author) out.push(e.author.name);
    if (e.title) out.push(`== ${plainText(e.title)} ==${e.url ? ` <${e.url}>` : ''}`);
    if (e.description) out.push(plainText(e.description));
    for (const f of e.fields ?? []) out.push(`${plainText(f.name)}:\n  ${plainText(f.value).replace(/\n/g, '\n  ')}`);
    if (e.footer) out.push(`-- ${plainText(e.footer.text)}`);
  }
  const buttons = (reply.buttons ?? []).flat().filter((b) => b.kind === 'link' || !b.disabled);
  if (buttons.length > 0) out.push(`[${buttons.map((b) => b.label.toLowerCase()).join('] [')}] (type ${buttons.map((b) => b.label.toLowerCase()).join(' or ')})`);
  return out.join('\n\n');
}
