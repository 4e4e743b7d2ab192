/**
 * Block-level boilerplate filters applied to what Readability keeps: link lists (menus, breadcrumbs, related
 * stories), share and sign-in prompts, photo credits, bare date lines and bare URLs, and everything after a
 * "more stories" heading in the second half. General rules only: a rule earns its place by helping pages of
 * several sites of the extraction benchmark (switched off one at a time, compared page by page with
 * `quotewire eval extract --per-doc`), never by fixing one site's wording.
 */
import type { TextBlock } from './html-text.ts';

const words = (text: string): number => text.split(/\s+/).filter(Boolean).length;

const PROMPT = /^(?:read more|related|more|see also|also read|recommended|click here|sign up|subscribe|follow us|share this|advertisement|advert|sponsored|skip to (?:main )?content|don['’]t miss|watch|listen|trending|most (?:read|popular)|you may also like|comments?)\b/i;
// What a player or widget shows when it cannot run: it says nothing about the article.
const NOTICE = /\b(?:requires? javascript|enable javascript|javascript (?:is )?(?:disabled|required)|(?:unsupported|not supported) (?:on|by|in) (?:your|this) (?:device|browser)|your browser (?:does not|doesn['’]t) support)\b/i;
const COOKIE = /\b(?:uses? cookies|cookie policy|accept (?:all )?cookies|privacy policy|terms of (?:use|service))\b/i;
const CREDIT = /(?:\((?:image|photo|picture|pic|credit|video|source)s?(?:\s+credit)?\s*:[^)]*\)|\((?:photo|image) by [^)]*\)|\((?:[\w ]{0,20}\s)?photos?\s*\/[^)]*\))\s*$/i;
const CREDIT_START = /^(?:(?:image|photo|picture|credit|source|foto)s?(?:\s+credit)?\s*:|(?:image|photo|picture)s?\s+(?:copyright|credit|courtesy)\b|©\s*\p{Lu}\p{Ll})/iu;
const SOCIAL = /\b(?:follow|like|join|find)\b.*\b(?:twitter|facebook|instagram|youtube|linkedin|tiktok|pinterest|forums?)\b/i;
const UI_WORDS = /^(?:close|caption|menu|share|print|email|e-mail|search|next|previous|prev|loading\.*|expand|collapse|back to top|sign in|log in|login|register|home|by)$/i;
// A gallery counter: "Image 3 of 9", "Slide 2 of 5" (some pages render "of / 9").
const GALLERY_COUNTER = /^(?:(?:image|photo|picture|slide)s?\s+)?\d+\s+of\s+\/?\s*\d+$/i;
const BYLINE = /^by\s+\p{Lu}/u;
const SHARE_COUNT = /^(?:\d[\d.,]*\s*[km]?\s*(?:shares?|comments?|views?|likes?)|share (?:this|on \w+)|tweet this)$/i;
const POST_META = /^(?:posted|filed|published)\s+(?:on|in|under)\b|\b(?:min(?:ute)?s? read|reading time|tempo de leitura|lesezeit|temps de lecture|tiempo de lectura)\b/iu;
const WIRE_CREDITS = /^(?:reporting|writing|editing|additional reporting|compiled) by\b|\bcontributed(?: reporting)? to this (?:report|story|article)\.?$/i;
const DATE_WORDS = /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|published|updated|posted|last|modified|on|at|[ap]\.?m\.?|[a-z]{1,2}[sd]t|gmt|utc|bst|cet|cest|et|pt|ist)\b\.?/gi;

const CALENDAR_DAY = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|\b\d{4}\b|\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}/i;

/**
 * A line made only of date and time words that names a day ("Updated 6:55 AM; Posted Nov 19, 2019"). A clock
 * time alone ("4:14 p.m.", "9.30 A.M. / 7.00 P.M.") stays: it stamps a live update or belongs to a schedule.
 */
export function isDateLine(text: string): boolean {
  if (words(text) > 14 || !/\d/.test(text) || !CALENDAR_DAY.test(text)) return false;
  DATE_WORDS.lastIndex = 0;
  const datelike = /\d:\d\d|\d[ .]*[ap]\.?m\b|\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}/i.test(text) || DATE_WORDS.test(text);
  DATE_WORDS.lastIndex = 0;
  if (!datelike) return false;
  return text.replace(DATE_WORDS, ' ').replace(/[\d\s,.:;|/–—()-]+/g, '') === '';
}

/** Why a block is boilerplate, or null when it should stay. */
export function boilerplateReason(block: TextBlock): string | null {
  const { text } = block;
  const n = words(text);
  if (block.linkDensity >= 0.75 && n <= 25) return 'link';
  if (n <= 12 && PROMPT.test(text)) return 'prompt';
  if (n <= 12 && NOTICE.test(text)) return 'notice';
  if (n <= 40 && COOKIE.test(text)) return 'cookie';
  if (n <= 30 && CREDIT.test(text)) return 'credit';
  if (n <= (text.startsWith('©') ? 30 : 12) && CREDIT_START.test(text)) return 'credit';
  if (UI_WORDS.test(text) || GALLERY_COUNTER.test(text)) return 'ui';
  if (n <= 40 && SOCIAL.test(text)) return 'social';
  if (SHARE_COUNT.test(text)) return 'share';
  if (n <= 12 && POST_META.test(text)) return 'meta';
  if (n <= 40 && WIRE_CREDITS.test(text)) return 'meta';
  if (n <= 8 && BYLINE.test(text) && !/[.!?]["”’]?$/.test(text)) return 'byline';
  if (isDateLine(text)) return 'date';
  if (/^(?:https?:\/\/|www\.)\S+$/i.test(text)) return 'url';
  return null;
}

/** Drops boilerplate blocks. (Dropping repeated blocks was measured and cost recall: kept.) */
export function withoutBoilerplate(blocks: TextBlock[]): TextBlock[] {
  return cutAtRelated(blocks).filter((b) => boilerplateReason(b) === null);
}

const RELATED_HEADING = /^(?:(?:more|other|related|recommended|popular)\b.{0,30}\b(?:stories|articles|posts|news|reads|reading|videos|coverage)|you (?:may|might) (?:also )?(?:like|enjoy)|read (?:next|more)|recommended for you)[\s.:…!]*$/i;

/** Ends the text at a "more stories" heading in its second half: what follows is other articles. */
function cutAtRelated(blocks: TextBlock[]): TextBlock[] {
  for (let i = Math.max(1, Math.floor(blocks.length / 2)); i < blocks.length; i++) {
    const block = blocks[i] as TextBlock;
    if (words(block.text) <= 6 && RELATED_HEADING.test(block.text)) return blocks.slice(0, i);
  }
  return blocks;
}
