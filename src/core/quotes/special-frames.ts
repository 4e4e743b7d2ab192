import type { Span } from '../types.ts';
import { isKnownFirstName } from '../text/gender.ts';
import { isCapitalised, isQuoteChar, type Token } from '../text/tokens.ts';
import { MAX_CONTENT, rightContent, trimContent } from './content.ts';
import { cueBefore } from './cues.ts';
import type { Frame } from './frames.ts';
import type { ParagraphView } from './paragraph.ts';
import { phraseAfter, phraseBefore } from './phrases.ts';

/**
 * Attributions that are not "source + verb + content": "according to X", passives ("supported by X"),
 * nouns ("Trump's claim that ..."), and transcript turns ("WALLACE: ...").
 */

function tokenEndBefore(tokens: Token[], k: number, from: number): number {
  return k > from ? tokens[k - 1]!.end : tokens[from]!.start;
}

/** "according to X, ..." and "..., according to X." */
export function accordingTo(text: string, view: ParagraphView, u: number, i: number): Frame | null {
  const { tokens } = view;
  const unit = view.units[u]!;
  const np = phraseAfter(tokens, i + 2, unit.to);
  if (!np) return null;
  // Field by field, in the order of every other frame: one shape for all frames.
  const frame = (seg: Span): Frame => ({
    paragraph: view.index, unit: u, cue: 'according to', cueStart: tokens[i]!.start, cueEnd: tokens[i + 1]!.end,
    mention: { start: np.start, end: np.end }, segments: [seg],
  });
  const atStart = i === unit.from || (i === unit.from + 1 && /^(but|and|yet)$/.test(tokens[unit.from]!.lower));
  if (atStart) {
    let k = np.to;
    while (k < unit.to && tokens[k]!.text !== ',') k++;
    const seg = k < unit.to ? trimContent(text, tokens[k]!.end, Math.min(tokens[unit.to - 1]!.end, tokens[k]!.end + MAX_CONTENT)) : null;
    return seg ? frame(seg) : null;
  }
  const end = tokenEndBefore(tokens, i, unit.from);
  const seg = trimContent(text, Math.max(tokens[unit.from]!.start, end - MAX_CONTENT), end);
  return seg ? frame(seg) : null;
}

/** "was first reported by", "maintained by": a passive cue names no source before it. */
export function isPassive(tokens: Token[], i: number): boolean {
  if (tokens[i + 1]?.lower !== 'by') return false;
  for (let m = i - 1; m >= Math.max(0, i - 3); m--) if (/^(was|were|been|being|be|is|are)$/.test(tokens[m]!.lower)) return true;
  return /ed$|[^aeiou]n$/.test(tokens[i]!.lower);
}

/** Nouns of saying and believing that take a clause ("Trump's claim that ...", "concerns about ..."). */
export const ATTRIBUTION_NOUNS = new Set(['claim', 'claims', 'assertion', 'assertions', 'allegation', 'allegations', 'accusation', 'accusations', 'suggestion', 'insistence', 'contention', 'warning', 'warnings', 'pronouncement', 'pronouncements', 'statement', 'remarks', 'comments', 'argument', 'belief', 'fears', 'concerns', 'promise', 'pledge', 'vow', 'threat', 'threats', 'denial', 'admission', 'acknowledgment', 'acknowledgement', 'announcement', 'prediction', 'predictions', 'complaints', 'assurances', 'insinuation', 'speculation', 'rumors', 'rumours', 'reports']);

/** "Trump's claim that ...": the possessor (or "his"/"their") is the source, the clause the content. */
export function nounFrame(text: string, view: ParagraphView, u: number, i: number): Frame | null {
  const { tokens } = view;
  const unit = view.units[u]!;
  const seg = rightContent(text, tokens, i + 1, unit.to, false, view.markOf);
  if (!seg) return null;
  let k = i - 1;
  while (k > unit.from && tokens[k]!.word && /^(earlier|repeated|latest|new|false|baseless|unfounded|recent|public|private|own|stark|dire|frequent|many)$/.test(tokens[k]!.lower)) k--;
  const p = tokens[k];
  let mention: Span | null = null;
  if (p && p.word && /['’]s?$/.test(p.text)) {
    const np = phraseBefore(tokens, k, unit.from);
    if (np) mention = { start: np.start, end: tokens[np.to - 1]!.end - (/['’]s$/.test(p.text) ? 2 : 1) };
  } else if (p && /^(his|her|their|its)$/.test(p.lower)) mention = { start: p.start, end: p.end };
  return { paragraph: view.index, unit: u, cue: tokens[i]!.text, cueStart: tokens[i]!.start, cueEnd: tokens[i]!.end, mention, segments: [seg] };
}

/** "The plan is supported by most economists": the content is the subject, the source follows "by". */
export function passiveFrame(text: string, view: ParagraphView, u: number, i: number): Frame | null {
  const { tokens } = view;
  const unit = view.units[u]!;
  let a = i - 1;
  while (a > unit.from && /^(was|were|been|being|be|is|are|has|have|had|also|widely|largely|first|already|not|never|strongly|later)$/.test(tokens[a]!.lower)) a--;
  const np = phraseAfter(tokens, i + 2, unit.to);
  if (a < unit.from || a === i - 1 || !np) return null;
  let from = a;
  // The passive subject starts after a comma, "that" or another cue ("She said that the orbit had been confirmed by ...").
  while (from > unit.from && a - from < 200 && !/^[,;:]$/.test(tokens[from - 1]!.text) && !/^(that|which|who)$/.test(tokens[from - 1]!.lower) && !cueBefore(tokens[from - 1]!.lower, tokens[from]!.lower)) from--;
  const seg = trimContent(text, tokens[from]!.start, tokens[a]!.end);
  if (!seg) return null;
  return { paragraph: view.index, unit: u, cue: tokens[i]!.text, cueStart: tokens[i]!.start, cueEnd: tokens[i]!.end, mention: { start: np.start, end: np.end }, segments: [seg] };
}

const NOT_LABELS = /^(update|updated|note|editor|editors|full|text|transcript|watch|read|related|source|sources|photo|video|breaking|exclusive|correction|clarification|q|a|question|answer|warning|disclaimer|advertisement|summary|background|context|why|what|how|when|where|who|and|the|but|so|here|bottom|line|also|plus|previously|more|live|latest)$/i;

/** `WALLACE: ...` or `"PENCE: ...` at the start of a paragraph: a transcript turn (or a headline's source). */
export function labelFrame(text: string, view: ParagraphView): Frame | null {
  const { tokens } = view;
  let k = 0;
  if (tokens[0] && isQuoteChar(tokens[0].text)) k = 1;
  const from = k;
  // The colon comes within the first four tokens: look for it before testing words against NOT_LABELS.
  if (tokens[from + 1]?.text !== ':' && tokens[from + 2]?.text !== ':' && tokens[from + 3]?.text !== ':') return null;
  while (k < tokens.length && k - from < 4 && tokens[k]!.word && isCapitalised(tokens[k]!.text) && !NOT_LABELS.test(tokens[k]!.text)) k++;
  if (k === from || k - from > 3 || tokens[k]?.text !== ':' || k + 1 >= tokens.length) return null;
  const label = tokens.slice(from, k);
  const nameLike = label.every((t) => t.text === t.text.toUpperCase()) || (label.length <= 3 && isKnownFirstName(label[0]!.text)) || label.length === 1;
  if (!nameLike) return null;
  const seg = trimContent(text, tokens[k + 1]!.start, tokens[tokens.length - 1]!.end);
  if (!seg || seg.end - seg.start < 12) return null;
  return {
    paragraph: view.index, unit: 0, cue: ':', cueStart: tokens[k]!.start, cueEnd: tokens[k]!.end,
    mention: { start: tokens[from]!.start, end: tokens[k - 1]!.end }, segments: [seg],
  };
}
