/**
 * Recognises sentences that are page furniture rather than reporting: "Scroll down for video", share and
 * newsletter prompts, photo credits, and image captions glued into scraped text (Daily Mail captions carry
 * no final full stop and often a "Label: ..." prefix or "(pictured)", "(left)" markers).
 */

const BOILERPLATE = [
  /\bscroll down for (?:video|more)\b/i,
  /\bshare this (?:with|article|story|page)/i,
  /\bcopy this link$/i,
  /^media playback is (?:not supported|unsupported)/i,
  /^\s*(?:read more|related|see also|more on this|click here|watch|video|advertisement|follow us)\b[:.]?/i,
  /\bclick here\b/i,
  /\b(?:sign up|subscribe) (?:to|for) (?:our|the)\b/i,
  /\bnewsletter\b/i,
  /\b(?:photo|image|picture|pictures|video)s?\s*(?:by|credit|courtesy)\b\s*:?/i,
  /\((?:photo|image|picture|credit|file)[^)]*\)/i,
  /\b(?:getty images|reuters\/|ap photo|afp\/|epa\/|rex features|shutterstock)\b/i,
  /\b(?:published|updated|last updated)\s*:?\s*\d/i,
  /^\s*by\s+\.?\s*[\p{Lu}][\p{L}'’-]+(?:\s+[\p{Lu}][\p{L}'’-]+)*\s*\.?\s*$/u,
  /\bfollow (?:us|him|her|me) on (?:twitter|facebook|instagram)\b/i,
  /(?:^|\s)@\w+\s*$/,
  /\b(?:all rights reserved|copyright ©|©)\b/i,
  /\b(?:daily mail|mailonline) reporter\b/i,
  /\bdo you have a story\b/i,
  /\bcomments? (?:below|here)\b/i,
];

/** Picture markers that in news text only appear in captions. */
const CAPTION_MARKERS = /\((?:pictured|left|right|centre|center|middle|top|bottom|above|below|inset|front|back|circled|second (?:from )?(?:left|right)|far left|far right|top left|top right|bottom left|bottom right)(?:[ ,][^)]{0,30})?\)|\b(?:pictured|file picture|file photo|stock image)\b|,\s(?:left|right|centre|center|middle|above|below)(?:,|\sand\s)/i;

/** "Strictly business: Julia covers..." — a short label, a colon, then a capitalised caption. */
const CAPTION_LABEL = /^[\p{Lu}'‘"“][\p{L}\p{N}'’-]*(?:\s+[\p{L}\p{N}'’-]+){0,4}:\s+[\p{Lu}\p{N}]/u;
const SPEECH_LABEL = /\b(?:said|says|say|told|added|explains?|explained|wrote|writes|tweeted|posted|asked|replied|declared|statement|reads?|warned|insisted|claimed|revealed|continued)\s*:/i;

/** A sentence opening with one of these is a sentence, not a "Label: caption" ("With the new film: Part Two out..."). */
const CLAUSE_OPENER = /^(?:With|In|On|At|For|After|Before|As|When|While|From|By|To|Of|He|She|They|It|We|I|But|And|So|If|Asked|Speaking|According)\b/u;

/**
 * The case-insensitive patterns (all but two) joined into one expression, so that a sentence is scanned
 * once rather than once per pattern. None has a capturing group, so joining them changes no match.
 */
const BOILERPLATE_IGNORING_CASE = new RegExp(BOILERPLATE.filter((re) => re.flags === 'i').map((re) => `(?:${re.source})`).join('|'), 'i');
const BOILERPLATE_OTHERS = BOILERPLATE.filter((re) => re.flags !== 'i');

/** True for furniture sentences: boilerplate prompts, credits and bylines. */
export function isBoilerplate(sentence: string): boolean {
  return BOILERPLATE_IGNORING_CASE.test(sentence) || BOILERPLATE_OTHERS.some((re) => re.test(sentence));
}

/** Ends like a sentence: `.`, `!`, `?` or `…`, possibly followed by closing quotes or brackets. */
export function hasFinalPunctuation(sentence: string): boolean {
  return /[.!?…]['"’”)\]»]*\s*$/.test(sentence) || /[.!?…,]\s*['"’”]\s*$/.test(sentence);
}

/** True when a sentence looks like an image caption (label prefix, picture markers, no final stop). */
export function looksLikeCaption(sentence: string): boolean {
  if (!hasFinalPunctuation(sentence)) return true;
  // The colon test first: CAPTION_LABEL backtracks through the opening words of every sentence.
  if (sentence.includes(':') && CAPTION_LABEL.test(sentence) && !SPEECH_LABEL.test(sentence.slice(0, 60)) && !CLAUSE_OPENER.test(sentence)) return true;
  return CAPTION_MARKERS.test(sentence);
}
