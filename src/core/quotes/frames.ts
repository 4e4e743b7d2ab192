import { lowerCased } from '../text/normalize.ts';
import type { Span } from '../types.ts';
import { adjectiveCue, cueAfterAuxiliary, cueBefore, CUE_ADVERBS, CUE_WORDS, isNounLikeForm, mayBeCue, type CueInfo } from './cues.ts';
import type { ParagraphView } from './paragraph.ts';
import { phraseAfter, phraseBefore, PRONOUNS, widenSource, type Phrase } from './phrases.ts';
import { isCapitalised, isQuoteChar, quoteMarkAt, type Token } from '../text/tokens.ts';
import { createWordSieve } from '../text/word-sieve.ts';
import { accordingTo, ATTRIBUTION_NOUNS, isPassive, labelFrame, nounFrame, passiveFrame } from './special-frames.ts';
import { reportsSpeech } from './speech-acts.ts';
import { ROLE_NOUNS } from '../text/name-lists.ts';
import { ORG_HEADS } from './source-words.ts';
import { tokenAt } from './drafts.ts';
import { attributionAt, continuation, isClose, isComma, MAX_CONTENT, NESTING_CUES, restAfter, rightContent, trimContent, type Rest } from './content.ts';

/** An attribution found around one cue: who (the mention), the cue, and the content segments. */
export interface Frame {
  paragraph: number;
  unit: number;
  cue: string;
  cueStart: number;
  cueEnd: number;
  /** The source mention ("she", "the president", "Sheinbaum"), or null when none was found. */
  mention: Span | null;
  segments: Span[];
}

/** The fields of a frame that come from its cue. */
type CueFields = Omit<Frame, 'mention' | 'segments'>;

/** A frame of a cue; built field by field, which V8 does markedly faster than `{ ...cueFields, mention, segments }`. */
function frameWith(cue: CueFields, mention: Span | null, segments: Span[]): Frame {
  return { paragraph: cue.paragraph, unit: cue.unit, cue: cue.cue, cueStart: cue.cueStart, cueEnd: cue.cueEnd, mention, segments };
}

/** Finds the frames of one paragraph. */
export function findFrames(text: string, view: ParagraphView): Frame[] {
  const frames: Frame[] = [];
  const { tokens, markOf } = view;
  const label = labelFrame(text, view);
  if (label) frames.push(label);
  for (let u = label ? 1 : 0; u < view.units.length; u++) {
    const unit = view.units[u]!;
    let lastSubject: Span | null = null;
    let consumedTo = unit.from; // token after the previous cue: a later source phrase starts no earlier
    let insideTo = -1; // text offset up to which the current token lies in an earlier frame's content
    let insideFrom = -1; // token where that content starts
    let headline: boolean | null = null; // "Obama Says Museum Will Tell ...": worked out when a capitalised frame word needs it
    for (let i = unit.from; i < unit.to; i++) {
      const t = tokens[i]!;
      // One look-up turns away most words; `text === lower` is the cheap half of "not capitalised".
      if (!t.word || markOf[i]! >= 0 || !mayBeFrameWord(t.lower) || !FRAME_WORDS.has(t.lower)) continue;
      if (t.text !== t.lower && isCapitalised(t.text) && t.lower !== 'according' && !(i > unit.from && (headline ??= isHeadline(tokens, unit.from, unit.to)))) continue;
      let frame: Frame | null = null;
      if (t.lower === 'according' && tokens[i + 1]?.lower === 'to') frame = accordingTo(text, view, u, i);
      else {
        const next = tokens[i + 1]?.lower;
        if (ATTRIBUTION_NOUNS.has(t.lower) && next !== undefined && /^(that|about)$/.test(next) && !(t.start < insideTo) && !isParticiple(tokens, i)) {
          frame = nounFrame(text, view, u, i);
          if (frame) { frames.push(frame); insideTo = Math.max(insideTo, frame.segments[0]!.end); }
          continue;
        }
        if (!mayBeCue(t.lower)) continue;
        const cue = cueBefore(t.lower, next)
          ?? (AUXILIARY.has(tokens[i - 1]?.lower ?? '') || (tokens[i - 1] && CUE_ADVERBS.has(tokens[i - 1]!.lower) && AUXILIARY.has(tokens[i - 2]?.lower ?? '')) ? cueAfterAuxiliary(t.lower, next) : undefined)
          ?? adjectiveCue(t.lower, next, beforeAdverbs(tokens, i, unit.from));
        if (!cue || (t.start < insideTo && !NESTING_CUES.has(cue.base))) continue;
        // "began writing for the stage": an activity, not an attribution ("keeps saying she ..." is one).
        if (cue.form === 'gerund' && ASPECT_VERBS.has(tokens[i - 1]?.lower ?? '') && ACTIVITY_PREPOSITIONS.has(next ?? '')) continue;
        if (isPassive(tokens, i)) {
          frame = passiveFrame(text, view, u, i);
          if (frame) frames.push(frame);
          continue;
        }
        // "X claimed that the company had planned it while telling staff ...": inside reported content, the subject is the content's own.
        const inClause = t.start < insideTo && insideFrom >= 0 && tokens[insideFrom]!.lower === 'that' && /^(while|after|before|without|when|by)$/.test(tokens[i - 1]?.lower ?? '');
        frame = cueFrame(text, view, u, i, cue, consumedTo, inClause ? clauseSubject(tokens, markOf, insideFrom + 1, i) ?? lastSubject : lastSubject);
        if (frame && !reportsSpeech(text, tokens, cue, frame)) frame = null;
      }
      if (!frame) continue;
      frames.push(frame);
      if (frame.mention) lastSubject = frame.mention;
      // Inside the content, only a speech verb starts another (nested) attribution.
      const lastSeg = frame.segments[frame.segments.length - 1]!;
      if (lastSeg.end > insideTo) insideFrom = tokenAt(tokens, lastSeg.start);
      insideTo = Math.max(insideTo, lastSeg.end);
      consumedTo = i + 1;
    }
  }
  return frames;
}

/** The frame of a speech or belief verb at token `i`. */
function cueFrame(text: string, view: ParagraphView, u: number, i: number, cue: CueInfo, consumedTo: number, lastSubject: Span | null): Frame | null {
  const { tokens } = view;
  const unit = view.units[u]!;
  const cueTok = tokens[i]!;
  const gerund = cue.form === 'gerund';
  const takesObject = cue.takesObject;
  let j = skipAdverbials(tokens, i - 1, unit.from);
  // "was less enthusiastic about": degree words before an attitude adjective.
  while (cue.base === 'be' && j > unit.from && DEGREE_WORDS.has(tokens[j]!.text)) j = skipAdverbials(tokens, j - 1, unit.from);
  const prev = tokens[j];
  const base: CueFields = { paragraph: view.index, unit: u, cue: cueTok.text, cueStart: cueTok.start, cueEnd: cueTok.end };
  const lo = Math.max(unit.from, consumedTo);

  // Inverted: `"...," said Obama.` / `..., said the official.`
  if (j > lo && (isComma(prev) || isClose(prev, text)) && !gerund) {
    const np = phraseAfter(tokens, i + 1, unit.to);
    const before = tokens[j - 1];
    const appositive = isComma(prev) && !isClose(before, text) ? appositiveSubject(tokens, j, unit.from) : null;
    if (np && !appositive) {
      const end = isClose(prev, text) ? prev!.end : isClose(before, text) ? before!.end : prev!.start;
      const seg = trimContent(text, Math.max(tokens[lo]!.start, end - MAX_CONTENT), end);
      if (!seg) return null;
      const segments = [seg, ...continuation(text, tokens, np.to, unit.to, true)];
      return frameWith(base, { start: np.start, end: np.end }, segments);
    }
    if (appositive) return subjectFrame(text, tokens, view.markOf, unit, appositive.np, appositive.before, i, base, cue);
  }
  if (gerund && (isComma(prev) || j < unit.from)) {
    // "..., saying that ..." — the source is the subject of the clause.
    const seg = rightContent(text, tokens, i + 1, unit.to, takesObject, view.markOf);
    if (!seg) return null;
    return frameWith(base, lastSubject ?? clauseSubject(tokens, view.markOf, unit.from, j), [seg]);
  }
  if (j < lo) return null;
  if (prev && CLAUSE_LINKS.has(prev.lower) && j > unit.from) {
    // "X did Y and said ...", "responded by saying ...": the source is the clause's subject.
    const seg = rightContent(text, tokens, i + 1, unit.to, takesObject, view.markOf);
    const mention = lastSubject ?? clauseSubject(tokens, view.markOf, unit.from, j);
    return seg && mention ? frameWith(base, mention, [seg]) : null;
  }
  const found = phraseBefore(tokens, j, lo);
  if (!found) return null;
  const np = widenSource(tokens, found, lo);
  // A possessive is no source ("the two countries' claimed zones", "Editor's note"), but "he's said" is.
  const last = tokens[np.to - 1]!.text;
  if (/['’]s?$/.test(last) && !PRONOUNS.has(lowerCased(last).replace(/['’].*$/, ''))) return null;
  if (NOUN_CUES.has(cueTok.lower) && POSSESSIVE_DETERMINERS.has(tokens[np.from]!.lower)) return null;
  // "stock market declines", "Act rules": a noun-like form needs a name or a pronoun before it.
  if (isNounLikeForm(cueTok.lower) && !tokens.slice(np.from, np.to).some((t) => t.word && (isCapitalised(t.text) || PRONOUNS.has(t.lower)))) return null;
  // "Similar plans have stalled", "Peace talks were suspended": before a finite verb the form is the subject's noun.
  if (isNounLikeForm(cueTok.lower) && FINITE_AFTER_NOUN.has(tokens[i + 1]?.lower ?? '')) return null;
  return subjectFrame(text, tokens, view.markOf, unit, np, np.from - 1, i, base, cue);
}

/** Finite verbs that, right after a verb-or-noun form ("plans", "talks"), show it was the noun. */
const FINITE_AFTER_NOUN: ReadonlySet<string> = new Set(['have', 'has', 'had', 'are', 'were', 'is', 'was', 'will', 'would', 'could', 'can', 'may', 'might', 'should', 'must']);

/** Words after which a cue's source is the subject of the clause ("X did Y and said ...", "responded by saying ..."). */
const CLAUSE_LINKS: ReadonlySet<string> = new Set(['and', 'but', 'then', 'by', 'after', 'before', 'while', 'from', 'for', 'without', 'or']);

/** The word before a cue once adverbs are stepped over ("were also deeply concerned" -> "were"). */
function beforeAdverbs(tokens: Token[], i: number, from: number): string | undefined {
  let k = i - 1;
  while (k > from && tokens[k]!.word && /(ly|also|still|not|never|so|very|too|more|less|most|increasingly|equally)$/.test(tokens[k]!.lower) && !/^(is|are|was|were)$/.test(tokens[k]!.lower)) k--;
  return tokens[k]?.lower;
}

const ASPECT_VERBS = new Set(['began', 'begin', 'begins', 'started', 'start', 'starts', 'stopped', 'stop', 'stops', 'kept', 'keep', 'keeps', 'quit', 'finished', 'resumed', 'enjoys', 'enjoyed', 'spent', 'spend', 'avoided', 'avoid', 'tried', 'try', 'considered', 'considering']);

const ACTIVITY_PREPOSITIONS = new Set(['for', 'on', 'in', 'at', 'with', 'from', 'under']);

const DEGREE_WORDS = new Set(['less', 'more', 'most', 'least', 'very', 'quite', 'rather', 'too', 'so', 'somewhat', 'far', 'much', 'as', 'no']);

const AUXILIARY: ReadonlySet<string> = new Set(['did', 'do', 'does', 'will', 'would', 'could', 'can', 'should', 'may', 'might', 'must', 'to', 'not', "didn't", "don't", "doesn't", "won't", "wouldn't", "can't"]);

const SUBORDINATORS: ReadonlySet<string> = new Set(['when', 'whenever', 'if', 'unless', 'because', 'while', 'as', 'since', 'after', 'before', 'although', 'though', 'once', 'until']);

/** The start of the clause that ends at token `to`: after the last semicolon of the unit before it. */
function clauseStart(tokens: Token[], from: number, to: number): number {
  for (let m = to - 1; m > from && to - m < 400; m--) if (tokens[m]!.text === ';') return m + 1;
  return from;
}

const TIME_NOUNS: ReadonlySet<string> = new Set(['week', 'weekend', 'month', 'year', 'morning', 'afternoon', 'evening', 'night', 'day', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'spring', 'summer', 'fall', 'autumn', 'winter']);

/** Words in "-ly" that are no adverbs. */
const NOT_ADVERBS: ReadonlySet<string> = new Set(['only', 'early', 'daily', 'family', 'rally', 'ally', 'supply', 'reply', 'italy', 'july', 'belly', 'bully', 'jolly']);

/**
 * Steps left over what sits between a source and its cue: auxiliaries and adverbs ("has also said"),
 * "-ly" adverbs ("cynically dismissed") and time phrases ("just this month announced"). Returns the index
 * of the token before them.
 */
function skipAdverbials(tokens: Token[], j: number, from: number): number {
  while (j >= from && tokens[j]!.word) {
    const t = tokens[j]!;
    if (CUE_ADVERBS.has(t.lower) || (t.text === t.lower && t.lower.length > 4 && t.lower.endsWith('ly') && !NOT_ADVERBS.has(t.lower))) { j--; continue; }
    if (TIME_NOUNS.has(t.lower) && j - 1 >= from && /^(this|last|next|that|on|earlier|later|every|each)$/.test(tokens[j - 1]!.lower)) { j -= 2; continue; }
    break;
  }
  return j;
}

/** `X, the Y of Z, said`: the phrase before the comma pair, and the appositive with it. */
function appositiveSubject(tokens: Token[], commaIdx: number, lo: number): { np: Phrase; before: number } | null {
  let p = commaIdx - 1;
  while (p > lo && tokens[p]!.text !== ',' && commaIdx - p < 30) {
    if (isQuoteChar(tokens[p]!.text)) return null;
    p--;
  }
  if (p <= lo || tokens[p]!.text !== ',') return null;
  const np = phraseBefore(tokens, p - 1, lo);
  if (!np) return null;
  return { np: { ...np, end: tokens[commaIdx - 1]!.end }, before: np.from - 1 };
}

/** Every word a frame can start at: "according", the attribution nouns and the cue words. */
const FRAME_WORDS: ReadonlySet<string> = new Set(['according', ...ATTRIBUTION_NOUNS, ...CUE_WORDS]);
/** Turns away most other words before the look-up (which hashes the token's string: every word of an article meets this test). */
const mayBeFrameWord = createWordSieve(FRAME_WORDS);

/** ", warning that ..." is the participle, "a warning that ..." the noun. */
function isParticiple(tokens: Token[], i: number): boolean {
  return tokens[i]!.lower.endsWith('ing') && /^(,|and|while|before|after|by)$/.test(tokens[i - 1]?.lower ?? '');
}

/** Cue forms that are also nouns: after a possessive ("Editor's note", "Trump's claims") they are nouns. */
const POSSESSIVE_DETERMINERS = new Set(['his', 'her', 'their', 'its', 'my', 'our', 'your']);

const NOUN_CUES = new Set(['attacks', 'plans', 'offers', 'wants', 'supports', 'labels', 'talks', 'mocks', 'defends', 'note', 'notes', 'claim', 'claims', 'tweet', 'tweets', 'estimate', 'estimates', 'promise', 'promises', 'pledge', 'pledges', 'vow', 'vows', 'demand', 'demands', 'warning', 'warnings', 'remark', 'remarks', 'comment', 'comments', 'reply', 'replies', 'question', 'questions', 'report', 'reports', 'fear', 'fears', 'hope', 'hopes', 'concern', 'concerns', 'response', 'answer', 'answers', 'suggestion', 'recommendation', 'state', 'states', 'writing', 'saying', 'hearing', 'finding', 'findings', 'statement', 'statements']);

/** Words a title-case headline leaves in lower case. */
const HEADLINE_SMALL_WORDS = new Set(['a', 'an', 'the', 'of', 'to', 'in', 'on', 'for', 'and', 'or', 'at', 'by', 'with', 'as']);

/** A unit in title case (a headline): its cue words are capitalised too. */
function isHeadline(tokens: Token[], from: number, to: number): boolean {
  let words = 0;
  let caps = 0;
  for (let m = from; m < to && m - from < 40; m++) {
    const t = tokens[m]!;
    if (!t.word) continue;
    if (t.text !== t.lower && isCapitalised(t.text)) caps++;
    else if (HEADLINE_SMALL_WORDS.has(t.text)) continue; // the small words are all lower case
    // Six words in lower case already need 24 capitalised ones, and a headline has fewer than 30 words.
    else if (words - caps >= 5) return false;
    words++;
  }
  return words >= 3 && words < 30 && caps >= words * 0.8;
}

/** Builds a frame whose source phrase comes before the cue. `before` is the token index left of the phrase. */
function subjectFrame(
  text: string, tokens: Token[], markOf: readonly number[], unit: { from: number; to: number }, np: Phrase, before: number, i: number,
  base: CueFields, cue: CueInfo,
): Frame | null {
  const { takesObject, prep } = cue;
  const mention = { start: np.start, end: np.end };
  const b = tokens[before];
  let left: Span | null = null;
  if (before > unit.from && b && (isComma(b) || isClose(b, text))) {
    const prevTok = tokens[before - 1];
    const end = isClose(b, text) ? b.end : isClose(prevTok, text) ? prevTok!.end : b.start;
    left = trimContent(text, Math.max(tokens[clauseStart(tokens, unit.from, before)]!.start, end - MAX_CONTENT), end);
  }
  const { rest, at } = prep ? { rest: 'content' as Rest, at: i + 1 } : restAfter(tokens, i + 1, unit.to, takesObject);
  // "However, X said." is no quote; "The museum, X said, would ..." is one in two pieces.
  if (left && rest === 'end' && !quoteMarkAt(text, left.end - 1) && before - unit.from < 3) left = null;
  if (left && (rest !== 'content' || (quoteMarkAt(text, left.end - 1) && quoteMarkAt(text, left.start)))) {
    // `"A," Okoro said, still wrapped in a blanket.`: after a quotation, only another quotation continues it.
    const leftQuoted = quoteMarkAt(text, left.start) && quoteMarkAt(text, left.end - 1);
    const more = continuation(text, tokens, at, unit.to).filter((c) => !leftQuoted || quoteMarkAt(text, c.start));
    // `Speaking in March, he said, "The cartels ..."`: an unquoted lead-in is no part of a quotation that opens a sentence of its own.
    const opensSentence = more.length > 0 && quoteMarkAt(text, more[0]!.start) && /\p{Lu}/u.test(text[more[0]!.start + 1] ?? '');
    return frameWith(base, mention, opensSentence && !quoteMarkAt(text, left.start) ? more : [left, ...more]);
  }
  if (rest === 'end' || (rest === 'comma' && attributionAt(tokens, at + 1, unit.to))) return null;
  // "When veterans ask for help, too many calls ...": a subordinate clause does not own the main clause.
  if (rest === 'comma' && b && SUBORDINATORS.has(b.lower) && tokens[at]!.text === ',') return null;
  const seg = rightContent(text, tokens, rest === 'comma' ? at : i + 1, unit.to, takesObject, markOf);
  if (!seg) return null;
  // "what the senators said was gerrymandering": the content opens with the relative word before the source.
  if (b && /^(what|which)$/.test(b.lower) && rest === 'content') seg.start = b.start;
  return frameWith(base, mention, [seg]);
}

/** "The city manager struck a note, warning ...": a phrase read forward ends at its role noun, not at the verb after it. */
function subjectEnd(tokens: Token[], np: Phrase): number {
  for (let k = np.to - 2; k > np.from; k--) {
    const t = tokens[k]!;
    if (t.text === t.lower && (ROLE_NOUNS.has(t.lower) || ORG_HEADS.has(t.lower)) && !/^(of|for)$/.test(tokens[k + 1]!.lower) && tokens.slice(k + 1, np.to).every((x) => x.text === x.lower)) return t.end;
  }
  return np.end;
}

/** The subject at the start of a clause, for "..., saying that": the first name or pronoun. */
function clauseSubject(tokens: Token[], markOf: readonly number[], from: number, to: number): Span | null {
  if (/^(on|in|at|after|before|during|last|this|earlier|later|when|while|since|as)$/.test(tokens[from]?.lower ?? '')) {
    // "On Thursday, however, Trump spoke ...": the subject comes after the opening phrase.
    for (let c = from + 1; c < Math.min(to, from + 12); c++) {
      if (tokens[c]!.text === ',') {
        from = c + 1;
        while (from < to && (tokens[from]!.text === ',' || /^(however|meanwhile|though|too|also)$/.test(tokens[from]!.lower))) from++;
        break;
      }
    }
  }
  for (let k = from; k < Math.min(to, from + 8); k++) {
    const t = tokens[k]!;
    if (!t.word || markOf[k]! >= 0) continue;
    if (PRONOUNS.has(t.lower)) return { start: t.start, end: t.end };
    // The first noun phrase of the clause ("several environmental groups granted ..."), else the first name.
    const np = phraseAfter(tokens, k, to);
    if (np && (k === from || isCapitalised(t.text))) return { start: np.start, end: subjectEnd(tokens, np) };
  }
  return null;
}
