/**
 * The words that mark reported speech and attributed beliefs ("said", "told", "according to"), with their
 * inflections. A cue alone is not an attribution: the frame finder also needs a source and content.
 */

export type CueForm = 'finite' | 'gerund' | 'participle';

export interface CueInfo {
  base: string;
  form: CueForm;
  /** Verbs that take the listener as an object before the content ("told reporters that"). */
  takesObject: boolean;
  /** A cue that needs its preposition ("called for"): the content starts right after it. */
  prep?: boolean;
}

// Speech verbs first (the strongest cues), then writing, reporting and belief verbs.
const REGULAR = [...new Set([
  'state', 'add', 'continue', 'confirm', 'warn', 'argue', 'insist', 'note', 'tweet', 'announce', 'ask', 'claim',
  'explain', 'report', 'suggest', 'acknowledge', 'agree', 'declare', 'recall', 'respond', 'reply', 'contend',
  'maintain', 'assert', 'admit', 'allege', 'predict', 'promise', 'pledge', 'vow', 'urge', 'estimate', 'emphasize',
  'emphasise', 'stress', 'conclude', 'concede', 'mention', 'indicate', 'testify', 'complain', 'deny',
  'recommend', 'propose', 'threaten', 'reveal', 'disclose', 'observe', 'remark', 'comment', 'joke', 'quip',
  'boast', 'brag', 'lament', 'believe', 'hope', 'expect', 'assume', 'describe', 'cite', 'criticize',
  'criticise', 'blast', 'accuse', 'question', 'wonder', 'doubt', 'reiterate', 'counter', 'retort', 'caution',
  'advise', 'inform', 'assure', 'remind', 'posit', 'guess', 'speculate', 'yell', 'shout', 'scream', 'whisper',
  'exclaim', 'muse', 'recount', 'demand', 'charge', 'fear', 'worry', 'signal', 'tout', 'clarify', 'affirm', 'convey', 'echo', 'hint', 'imply', 'opine', 'reason', 'point', 'call', 'plead',
  'concur', 'surmise', 'theorize', 'insinuate', 'pray', 'beg', 'cry', 'sigh', 'answer', 'recognize', 'recognise',
  'realize', 'realise', 'project', 'forecast', 'prophesy', 'post', 'write', 'say', 'tell', 'think', 'know', 'feel',
  'attack', 'want', 'discuss', 'support', 'reject', 'endorse', 'decide', 'defend', 'plan', 'promote', 'decline',
  'offer', 'consider', 'condemn', 'encourage', 'label', 'praise', 'oppose', 'liken', 'blame', 'welcome', 'applaud',
  'slam', 'dismiss', 'mock', 'ridicule', 'hail', 'highlight', 'seek', 'intend', 'refuse', 'talk',
  'find', 'show', 'rule', 'learn', 'hear', 'read', 'sing', 'swear', 'teach', 'understand',
])];

const IRREGULAR: Record<string, string[]> = {
  say: ['say', 'says', 'said', 'saying'],
  tell: ['tell', 'tells', 'told', 'telling'],
  write: ['write', 'writes', 'wrote', 'written', 'writing'],
  think: ['think', 'thinks', 'thought', 'thinking'],
  know: ['know', 'knows', 'knew', 'known', 'knowing'],
  feel: ['feel', 'feels', 'felt', 'feeling'],
  find: ['find', 'finds', 'found', 'finding'],
  show: ['show', 'shows', 'showed', 'shown', 'showing'],
  learn: ['learn', 'learns', 'learned', 'learnt', 'learning'],
  hear: ['hear', 'hears', 'heard', 'hearing'],
  read: ['reads'],
  sing: ['sing', 'sings', 'sang', 'singing'],
  swear: ['swear', 'swears', 'swore', 'sworn', 'swearing'],
  teach: ['teach', 'teaches', 'taught'],
  understand: ['understand', 'understands', 'understood'],
  seek: ['seek', 'seeks', 'sought', 'seeking'],
  call: ['called'],
};

/** Forms too ambiguous to be cues on their own (nouns or auxiliaries): "call", "post", "point", "read". */
const EXCLUDED_FORMS = new Set([
  'call', 'calls', 'calling', 'post', 'posts', 'posting', 'point', 'points', 'pointing', 'pointed', 'rule',
  'rules', 'ruling', 'question', 'questions', 'report', 'reports', 'reporting', 'project', 'projects', 'projected',
  'projecting', 'charge', 'charges', 'charged', 'charging', 'answer', 'answers', 'show', 'showing', 'mean',
  'find', 'finding', 'know', 'knowing', 'known', 'feeling', 'reason', 'reasons', 'reasoned', 'reasoning', 'cry',
  'cries', 'crying', 'hope', 'hopes', 'hoping', 'fear', 'fears', 'fearing', 'doubt', 'doubts', 'thought',
  'thinking', 'learning', 'hearing', 'speaking', 'speak', 'speaks', 'counter', 'counters', 'countering',
  'estimate', 'state', 'states', 'comment', 'comments', 'echo', 'echoes', 'post', 'forecast',
  'forecasts', 'promise', 'pledge', 'vow', 'demand', 'tweet',
  'claim', 'signal', 'signals', 'reply', 'replies', 'guess', 'worry', 'worries', 'stress', 'joke',
  'jokes', 'sigh', 'sighs', 'remark', 'remarks', 'recount', 'recounts', 'plead', 'pleas', 'pray', 'mention',
  'complaint', 'understanding', 'hearing', 'teaching', 'reading', 'written', 'telling', 'saying',
]);

/** Verbs whose bare form is mostly a noun or not an attribution ("Republican support", "would add $84 billion"). */
const NOUN_BASES = new Set(['add', 'support', 'plan', 'offer', 'attack', 'label', 'talk', 'decline', 'praise', 'welcome', 'blame', 'seek', 'continue', 'mean', 'rule', 'report', 'show', 'find', 'state', 'consider', 'promote', 'mock', 'slam', 'hail', 'highlight', 'dismiss', 'defend', 'cite', 'estimate', 'note', 'post', 'call', 'question', 'demand', 'promise', 'pledge', 'vow', 'tweet', 'claim', 'read', 'sing', 'learn', 'hear', 'accuse', 'reject', 'oppose', 'condemn', 'endorse', 'encourage', 'discuss', 'decide', 'intend', 'refuse', 'liken', 'applaud', 'ridicule']);

/** Verbs whose listener comes before the content. */
const TAKES_OBJECT = new Set(['tell', 'ask', 'warn', 'inform', 'assure', 'remind', 'advise', 'urge', 'teach', 'accuse', 'beg', 'caution']);

function inflect(base: string): string[] {
  if (IRREGULAR[base]) return IRREGULAR[base]!;
  const forms = [base];
  const e = base.endsWith('e');
  const y = /[^aeiou]y$/.test(base);
  const sib = /(s|sh|ch|x|z)$/.test(base);
  forms.push(y ? `${base.slice(0, -1)}ies` : sib ? `${base}es` : `${base}s`);
  forms.push(y ? `${base.slice(0, -1)}ied` : e ? `${base}d` : /^(.*[^aeiou][aeiou])([pbtg])$/.test(base) && base.length <= 4 ? `${base}${base.slice(-1)}ed` : `${base}ed`);
  forms.push(e && !base.endsWith('ee') ? `${base.slice(0, -1)}ing` : /^(.*[^aeiou][aeiou])([pbtg])$/.test(base) && base.length <= 4 ? `${base}${base.slice(-1)}ing` : `${base}ing`);
  return forms;
}

const CUES = new Map<string, CueInfo>();
for (const base of REGULAR) {
  for (const f of inflect(base)) {
    if (EXCLUDED_FORMS.has(f) || (f === base && NOUN_BASES.has(base))) continue;
    const form: CueForm = f.endsWith('ing') ? 'gerund' : 'finite';
    CUES.set(f, { base, form, takesObject: TAKES_OBJECT.has(base) });
  }
}
CUES.set('saying', { base: 'say', form: 'gerund', takesObject: false });
CUES.set('telling', { base: 'tell', form: 'gerund', takesObject: true });
CUES.set('writing', { base: 'write', form: 'gerund', takesObject: false });
CUES.set('written', { base: 'write', form: 'participle', takesObject: false });

/** Verbs too ambiguous alone that are cues when "that" follows ("fear that", "hopes that"). */
const THAT_CUES = new Map<string, CueInfo>();
for (const base of ['hope', 'fear', 'worry', 'doubt', 'know', 'stress', 'reply', 'guess', 'signal', 'mean', 'reason', 'think', 'feel', 'find', 'show', 'rule', 'learn', 'hear', 'understand', 'counter', 'echo', 'comment', 'remark', 'joke', 'question', 'answer', 'charge', 'project', 'forecast', 'point', 'vow', 'pledge', 'promise', 'demand', 'claim', 'tweet', 'report', 'estimate', 'concede', 'recognize', 'realize', 'suspect', 'agree', 'complain', 'acknowledge']) {
  for (const f of inflect(base)) {
    // "rules that", "fears that": the plural noun reading wins for these.
    if (f.endsWith('s') && f !== base && /^(rule|report|claim|hope|fear|doubt|remark|comment|joke|question|answer|charge|project|forecast|point|vow|pledge|promise|demand|tweet|estimate|signal|echo|reason)$/.test(base)) continue;
    THAT_CUES.set(f, { base, form: f.endsWith('ing') ? 'gerund' : 'finite', takesObject: false });
  }
}

/** Verbs that are cues before a particular preposition ("called for", "spoke about", "pointed to"). */
const PREP_CUES = new Map<string, { info: CueInfo; preps: Set<string> }>();
const BARE_PREP_CUES = new Map<string, { info: CueInfo; preps: Set<string> }>();
for (const [base, preps] of [
  ['call', 'for on'], ['speak', 'of about out against'], ['point', 'to out'], ['talk', 'about of to'], ['rail', 'against'],
  ['vote', 'for against'], ['push', 'for'], ['wonder', 'about whether'], ['focus', 'on'], ['comment', 'on'], ['weigh', 'in'], ['worry', 'about'],
  ['complain', 'about'], ['lash', 'out'], ['push', 'back'], ['refer', 'to'], ['respond', 'to with'], ['react', 'to'],
  ['agree', 'with'], ['argue', 'for against'], ['fight', 'for against'], ['campaign', 'for against'], ['joke', 'about'],
  ['boast', 'about'], ['brag', 'about'], ['express', 'concern'], ['raise', 'questions concerns'],
] as const) {
  const forms = base === 'speak' ? ['speak', 'speaks', 'spoke', 'speaking'] : base === 'fight' ? ['fight', 'fights', 'fought', 'fighting'] : inflect(base);
  for (const f of forms) {
    const entry = { info: { base, form: f.endsWith('ing') ? 'gerund' as const : 'finite' as const, takesObject: false, prep: true }, preps: new Set(preps.split(' ')) };
    // Bare forms are mostly nouns ("a vote for", "the call for") unless an auxiliary comes first ("did not respond to").
    (f !== base || /^(speak|argue|complain|worry|point|rail|lash|agree)$/.test(base) ? PREP_CUES : BARE_PREP_CUES).set(f, entry);
  }
}

const NOUN_LIKE_S = new Set(['decline', 'plan', 'offer', 'attack', 'label', 'talk', 'support', 'welcome', 'praise', 'blame', 'mock', 'slam', 'hail', 'highlight', 'dismiss', 'promote', 'seek', 'continue', 'rule', 'demand', 'promise', 'pledge', 'vow', 'tweet', 'post', 'read', 'question', 'call', 'hope', 'fear', 'worry', 'doubt']);

/** Adjectives of attitude after a form of "be" ("were frustrated that", "is critical of", "remains confident that"). */
const ADJECTIVE_CUES = new Map<string, Set<string>>(Object.entries({
  concerned: 'about that', frustrated: 'that with by', confident: 'that', convinced: 'that', sure: 'that', aware: 'that of',
  optimistic: 'that about', skeptical: 'that of about', sceptical: 'that of about', hopeful: 'that', afraid: 'that of',
  angry: 'that about at', upset: 'that about with', pleased: 'that with', disappointed: 'that in with', critical: 'of',
  supportive: 'of', opposed: 'to', adamant: 'that', certain: 'that', unhappy: 'with about that', furious: 'that about at with',
  outraged: 'that by', alarmed: 'that by', troubled: 'by that', happy: 'that with about', proud: 'that of', wary: 'of',
  doubtful: 'that', insistent: 'that', unaware: 'that of', incensed: 'that by', enthusiastic: 'about', eager: 'to',
  reluctant: 'to', willing: 'to', determined: 'to', committed: 'to',
}).map(([adj, preps]) => [adj, new Set(preps.split(' '))]));
const ADJECTIVE_INFO: CueInfo = { base: 'be', form: 'finite', takesObject: false, prep: true };

/** Every word that can be a cue in some context: the lexicon keys of cueBefore, cueAfterAuxiliary and adjectiveCue. */
export const CUE_WORDS: ReadonlySet<string> = new Set([...CUES.keys(), ...THAT_CUES.keys(), ...PREP_CUES.keys(), ...BARE_PREP_CUES.keys(), ...ADJECTIVE_CUES.keys()]);

/**
 * False when no context makes `lower` a cue, so that callers can skip gathering the context (the words
 * before it) for the many words that are not in the lexicon at all.
 */
export function mayBeCue(lower: string): boolean {
  return CUE_WORDS.has(lower);
}

/** The cue an attitude adjective is after a form of "be" (`prev`) and before its complement (`next`). */
export function adjectiveCue(lower: string, next: string | undefined, prev: string | undefined): CueInfo | undefined {
  if (!next || !prev || !/^(is|are|was|were|be|been|being|remain|remains|remained|seem|seems|seemed|appear|appears|appeared|feel|feels|felt|grew|became|become|’re|'re|’s|'s)$/.test(prev)) return undefined;
  return ADJECTIVE_CUES.get(lower)?.has(next) ? ADJECTIVE_INFO : undefined;
}

/** A bare-form cue after an auxiliary ("did not immediately respond to", "would call for"). */
export function cueAfterAuxiliary(lower: string, next: string | undefined): CueInfo | undefined {
  const prep = next === undefined ? undefined : BARE_PREP_CUES.get(lower);
  return prep && prep.preps.has(next!) ? prep.info : undefined;
}

/** Third-person forms of verbs that are also plural nouns ("declines", "plans", "attacks"). */
export function isNounLikeForm(lower: string): boolean {
  const cue = CUES.get(lower);
  return !!cue && lower.endsWith('s') && NOUN_LIKE_S.has(cue.base);
}

/** The cue a lower-cased word is, if any. */
export function cueOf(lower: string): CueInfo | undefined {
  return CUES.get(lower);
}

/** The cue a word is when the next word is `next` (some verbs count only before "that"). */
export function cueBefore(lower: string, next: string | undefined): CueInfo | undefined {
  const prep = next === undefined ? undefined : PREP_CUES.get(lower);
  if (prep && prep.preps.has(next!)) return prep.info;
  return CUES.get(lower) ?? (next === 'that' ? THAT_CUES.get(lower) : undefined);
}

/** Words that may sit between a subject and its cue ("also said", "has long argued"). */
export const CUE_ADVERBS = new Set([
  'also', 'has', 'have', 'had', 'later', 'then', 'previously', 'recently', 'once', 'again', 'repeatedly', 'often',
  'just', 'further', 'publicly', 'privately', 'reportedly', 'long', 'already', 'initially', 'subsequently',
  'earlier', 'first', 'still', 'now', 'would', 'will', 'could', 'may', 'might', 'did', 'does', 'do', 'is', 'was',
  'are', 'were', 'been', 'being', 'not', 'never', 'always', 'frequently', 'flatly', 'firmly', 'openly', 'angrily',
  'bluntly', 'simply', 'quickly', 'immediately', 'finally', 'only', 'even', 'herself', 'himself', 'themselves',
  'itself', 'separately', 'similarly', 'likewise', 'additionally', 'moreover', 'however', 'boldly', 'proudly',
  'flat', 'clearly', 'correctly', 'falsely', 'wrongly', 'rightly', 'strongly', 'emphatically', 'loudly',
]);
