import { isCapitalised, isQuoteChar, type Token } from '../text/tokens.ts';
import { PRONOUNS } from './phrases.ts';
import type { CueInfo } from './cues.ts';
import { tokenAt } from './drafts.ts';
import type { Frame } from './frames.ts';

/**
 * Some cue verbs are speech only with what they introduce: "declined to comment" and "offered to resign"
 * report words, "declined the offer", "welcomed the decision" and "offered the later slots" report deeds;
 * "responding to the report" names what is answered, not what is said; "had added water stations" and
 * "has decided the race" are no speech at all.
 */

/** Verbs that report speech only before an infinitive, a quotation or words as their object ("offered advice"). */
const DEED_VERBS = new Set(['offer', 'decline', 'welcome']);
/** Verbs whose object is speech only as a "that" clause: "recounting the answer she gave" describes it. */
const CLAUSE_ONLY_VERBS = new Set(['recount', 'hear']);
/** "declined to comment": infinitives that are complete without an object ("a step she declined to endorse" is not). */
const COMPLETE_INFINITIVES = new Set(['comment', 'elaborate', 'say', 'speak', 'answer', 'respond', 'reply', 'talk', 'testify', 'specify', 'discuss', 'confirm', 'explain', 'resign', 'help', 'cooperate', 'participate', 'attend', 'intervene', 'step', 'be', 'do']);
/** Prepositional cues whose object is what is answered ("responding to the report"). */
const ANSWER_BASES = new Set(['respond', 'react']);
/** Objects that are words themselves: "offered some pointed advice", "offered no proof that ...". */
const SPEECH_NOUNS = new Set([
  'advice', 'insight', 'insights', 'assessment', 'assessments', 'proof', 'evidence', 'explanation', 'explanations',
  'apology', 'apologies', 'condolences', 'thoughts', 'view', 'views', 'opinion', 'opinions', 'comment', 'comments',
  'remarks', 'praise', 'criticism', 'defense', 'defence', 'argument', 'arguments', 'details', 'answer', 'answers',
  'reason', 'reasons', 'warning', 'warnings', 'assurance', 'assurances', 'suggestion', 'suggestions', 'ideas',
  'idea', 'vision', 'plans', 'proposal', 'proposals', 'guidance', 'statement', 'testimony', 'prediction',
  'predictions', 'estimate', 'estimates', 'theory', 'account', 'version', 'thanks', 'congratulations', 'excuse',
  'excuses', 'reassurance', 'clarification', 'promise', 'promises', 'pledge', 'analysis', 'tips', 'recommendations',
  'note', 'caution', 'word', 'words', 'voice', 'caveat', 'postscript',
]);

/** False when the content after a cue reports a deed rather than words. `frame`'s segments follow the cue. */
export function reportsSpeech(text: string, tokens: Token[], cue: CueInfo, frame: Frame): boolean {
  const seg = frame.segments.find((s) => s.start >= frame.cueEnd);
  if (!seg) return true;
  const from = tokenAt(tokens, seg.start);
  const first = tokens[from];
  if (!first) return true;
  if (ANSWER_BASES.has(cue.base) && first.lower === 'to') return hasQuoteMark(tokens, from, seg.end) || clauseInside(tokens, from, seg.end);
  if (cue.base === 'argue' && (first.lower === 'over' || first.lower === 'with')) return false; // a quarrel: "watched his family argue over the land"
  const startsClause = isQuoteChar(first.text) || first.lower === 'that' || PRONOUNS.has(first.lower) || isCapitalised(first.text);
  // "added the fleet would be paid" is a clause, "had added water stations" a deed.
  if (cue.base === 'add') return startsClause || hasQuoteMark(tokens, from, seg.end) || wordsAhead(tokens, from, seg.end, 6, SPEECH_NOUNS) || wordsAhead(tokens, from + 1, seg.end, 5, AUXILIARIES);
  if (cue.base === 'decide') return startsClause || wordsAhead(tokens, from, seg.end, 12, DECISION_WORDS); // not "has decided the race"
  if (CLAUSE_ONLY_VERBS.has(cue.base)) return hasQuoteMark(tokens, from, seg.end) || wordsAhead(tokens, from, seg.end, 6, THAT);
  // "rejected claims that ..." reports words; "rejected that account" only names them.
  if (cue.base === 'reject') return hasQuoteMark(tokens, from, seg.end) || wordsAhead(tokens, from + 1, seg.end, 5, THAT);
  if (!DEED_VERBS.has(cue.base)) return true;
  if (first.lower === 'to') {
    const verb = tokens[from + 1];
    const after = tokens[from + 2];
    const ends = !after || after.start >= seg.end || !after.word;
    return !!verb && (!ends || COMPLETE_INFINITIVES.has(verb.lower));
  }
  return hasQuoteMark(tokens, from, seg.end) || wordsAhead(tokens, from, seg.end, 6, SPEECH_NOUNS);
}

/** A quotation mark among the tokens from `from` up to offset `end`. */
function hasQuoteMark(tokens: Token[], from: number, end: number): boolean {
  for (let k = from; k < tokens.length && tokens[k]!.start < end; k++) if (isQuoteChar(tokens[k]!.text)) return true;
  return false;
}

const THAT = new Set(['that']);
const AUXILIARIES = new Set(['would', 'will', 'had', 'has', 'have', 'was', 'were', 'is', 'are', 'could', 'should', 'can', 'may', 'might', 'must', 'did', 'does', 'do']);
const DECISION_WORDS = new Set(['to', 'against', 'that', 'whether', 'on', 'not']);

/** Is one of `words` among the first `n` tokens of the content? */
function wordsAhead(tokens: Token[], from: number, end: number, n: number, words: Set<string>): boolean {
  for (let k = from; k < tokens.length && tokens[k]!.start < end && k - from < n; k++) if (words.has(tokens[k]!.lower)) return true;
  return false;
}

/** "responded to the charge that ...", "reacted to X by saying ...": a clause of speech inside the object. */
function clauseInside(tokens: Token[], from: number, end: number): boolean {
  for (let k = from; k < tokens.length && tokens[k]!.start < end && k - from < 40; k++) {
    const t = tokens[k]!;
    if (t.lower === 'that' || t.lower === 'saying' || t.lower === 'by') return true;
  }
  return false;
}
