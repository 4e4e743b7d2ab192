/**
 * Author names as pages give them, cleaned: "By" prefixes, dates and times inside bylines, @handles and profile
 * URLs, credentials ("RDN"), job titles and agencies next to real names.
 */
import { squeezeSpaces } from '../text/normalize.ts';

const MONTHS = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const DATE_IN_BYLINE = new RegExp(
  `\\s*(?:[|,·•–—-]\\s*|\\b(?:updated|published|posted|on)\\b:?\\s*)*` +
    `(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?` +
    `(?:(?:${MONTHS})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}\\s+(?:${MONTHS})\\.?,?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}/\\d{2,4}).*$`,
  'i',
);
const TIME_IN_BYLINE = /\s*(?:[|,·•–—-]\s*)?(?:\b(?:updated|published|posted)\b:?\s*(?:at\s+)?)?\b\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?)(?:\s+[A-Z]{2,4})?\b.*$/i;
// "3 hours ago", "a day ago": a relative time some pages print after the byline.
const RELATIVE_TIME = /\s*(?:[|,·•–—-]\s*)?\b(?:\d+|an?|one)\s+(?:sec(?:ond)?s?|min(?:ute)?s?|h(?:ou)?rs?|hours?|days?|weeks?|months?|years?)\s+ago\b.*$/i;
// A social handle inside a byline ("Marta Quill @mquill", "Twitter: @mquill"); an e-mail address is not one.
const HANDLE = /\s*(?:\b(?:twitter|x|instagram|threads|mastodon|bluesky|tiktok)\b\s*:?\s*)?(?<![\w.@])@[\w.-]+/gi;
const NOT_A_NAME = /^(?:staff|admin|administrator|editor|editors|newsroom|unknown|anonymous|null|undefined|none|guest)$/i;
const CREDENTIAL = /^(?:MS|MSc|MA|BA|BSc|RD|RDN|LD|PhD|Ph\.D\.?|MD|M\.D\.|RN|MPH|MBA|CPT|CSCS|JD|Esq\.?|Jr\.?|Sr\.?)$/;
const ROLE = /\b(?:editor(?:-at-large)?|correspondent|reporter|writer|contributor|columnist|staff|desk|wire services?)\b/i;
const AGENCY = /^(?:the\s+)?(?:associated press|ap|reuters|afp|agence france-presse|bloomberg|upi|dpa|efe|ansa|press association|pa|cnn|bbc news)$/i;
// "Doe, Jane" or "Doe, Jane M.": a library-style name, not two authors.
const LAST_FIRST = /^(\p{Lu}[\p{L}'’-]+),\s*(\p{Lu}[\p{L}'’-]+(?:\s\p{Lu}\.?)?)$/u;
const TRAILING_AGENCY = /\s*,?\s*(?:the\s+)?(?:associated press|reuters|afp|bloomberg)\s*$/i;

/** Cleans one author string; returns the names it holds (none when it is a handle, URL or placeholder). */
export function cleanAuthor(raw: string | null | undefined): string[] {
  if (!raw) return [];
  let text = squeezeSpaces(raw.replace(/<[^>]*>/g, ' '));
  if (/^https?:\/\//i.test(text) || /^www\./i.test(text)) return [];
  text = text.replace(DATE_IN_BYLINE, '').replace(TIME_IN_BYLINE, '').replace(RELATIVE_TIME, '');
  text = text.replace(/^(?:written|posted|reported|story|words|text|analysis|opinion|commentary|review|interview|photos?)?\s*by[:\s]+/i, '');
  text = text.replace(/\s*[|–—]\s.*$/, '').replace(/\s*\((?:[^)]*)\)\s*$/, '');
  text = squeezeSpaces(text.replace(HANDLE, ' ').replace(/\(\s*\)/g, ' '));
  text = text.replace(/\s*,?\s+for\s+(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*\s*$/, '');
  const inverted = LAST_FIRST.exec(text);
  if (inverted && !AGENCY.test(inverted[1] ?? '') && !AGENCY.test(inverted[2] ?? '') && !CREDENTIAL.test(inverted[2] ?? '')) {
    text = `${inverted[2]} ${inverted[1]}`;
  }
  const names = text
    .split(/\s*(?:,\s*and\s+|\band\b|&|;|,)\s*/i)
    .map((name) => name.replace(/^[\s,.:;-]+|[\s,:;-]+$/g, '').trim())
    .map((name) => (TRAILING_AGENCY.test(name) && !AGENCY.test(name) ? name.replace(TRAILING_AGENCY, '') : name))
    .filter((name) => isPlausibleName(name));
  return names;
}

function isPlausibleName(name: string): boolean {
  if (!name || name.length > 80) return false;
  if (name.startsWith('@') || /^https?:|\.(?:com|org|net)\b|\//i.test(name)) return false;
  if (NOT_A_NAME.test(name) || CREDENTIAL.test(name)) return false;
  if (!/\p{L}/u.test(name)) return false;
  return name.split(/\s+/).length <= 6;
}

/**
 * Cleans a list of raw author strings into unique names, in order. Job titles ("CNN Editor-at-large"), agencies
 * and the outlet itself are dropped when real names remain; a trailing outlet name is cut off a person's name.
 */
export function cleanAuthors(raws: Array<string | null | undefined>, outlet: string | null = null): string[] {
  const seen = new Set<string>();
  let out: string[] = [];
  const site = outlet ? squeezeSpaces(outlet) : '';
  for (const raw of raws) {
    for (let name of cleanAuthor(raw)) {
      if (site && name.length > site.length + 3 && name.toLowerCase().endsWith(` ${site.toLowerCase()}`)) {
        name = name.slice(0, name.length - site.length).trim();
      }
      const key = name.toLowerCase();
      if (!seen.has(key)) {
        seen.add(key);
        out.push(name);
      }
    }
  }
  const lowerSite = site.toLowerCase();
  // The outlet, or the outlet without its edition ("Business Insider" of "Business Insider Deutschland").
  const isOutlet = (name: string): boolean => {
    const lower = name.toLowerCase();
    return lowerSite !== '' && (lower === lowerSite || lowerSite.startsWith(`${lower} `) || lower.startsWith(`${lowerSite} `));
  };
  const isOrg = (name: string): boolean => AGENCY.test(name) || ROLE.test(name) || isOutlet(name);
  const people = out.filter((name) => !isOrg(name));
  if (people.length > 0) out = people;
  return out.filter((name) => !ROLE.test(name) || out.length === 1);
}

