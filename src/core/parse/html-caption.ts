/**
 * The lead image's caption and photo credit, from the first <figcaption> of the article. Captions stay out of
 * the body; this keeps them for display. Credits come from a credit element or from the usual written forms:
 * "(Photo by Name)", "(AP Photo/Name)", "(Image: Agency)", "Photo: Name".
 */
import { squeezeSpaces } from '../text/normalize.ts';
import type { DomDocument, DomElement } from './html-dom.ts';

export interface LeadCaption {
  caption: string | null;
  photoCredit: string | null;
}

const CREDIT_PATTERNS: Array<[RegExp, (m: RegExpExecArray) => string]> = [
  [/\s*\((?:photos?|images?|pictures?) by ([^)]+)\)\s*$/i, (m) => m[1] ?? ''],
  [/\s*\(((?:[A-Z][\w.]*\s)?Photos?\s*\/\s*[^)]+)\)\s*$/, (m) => m[1] ?? ''],
  [/\s*\((?:image|photo|picture|credit)s?(?:\s+credit)?\s*:\s*([^)]+)\)\s*$/i, (m) => m[1] ?? ''],
  [/\s*(?:image|photo|picture)s?(?:\s+credit)?\s*:\s*([^.]+?)\.?\s*$/i, (m) => m[1] ?? ''],
  [/\s*(?:image )?(?:copyright|©)\s+([^.]+?)\.?\s*$/i, (m) => m[1] ?? ''],
];

/** Splits a caption into its text and the credit written at its end. */
export function splitCredit(text: string): LeadCaption {
  const caption = squeezeSpaces(text);
  for (const [pattern, credit] of CREDIT_PATTERNS) {
    const m = pattern.exec(caption);
    if (m) {
      const rest = caption.slice(0, m.index).trim();
      return { caption: rest || null, photoCredit: squeezeSpaces(credit(m)) || null };
    }
  }
  return { caption: caption || null, photoCredit: null };
}

const CAPTION_LABEL = /^(?:image|media|photo|video) caption\s*/i;
const TRAILING_LABEL = /\s*(?:credit|photo|image)s?\s*:?\s*$/i;
const CREDIT_LABEL = /^(?:(?:photograph|image|photo|picture)s?\s*)?(?:copyright|credit|©)?\s*:?\s*/i;

const CREDIT_SELECTOR = '[class*="credit"], [class*="copyright"]';

/** Reads the caption of the article's first figure. Call before Readability, which rewrites the document. */
export function leadCaption(document: DomDocument): LeadCaption {
  const figcaption = document.querySelector('article figcaption') ?? document.querySelector('main figcaption') ?? document.querySelector('figcaption');
  if (!figcaption) return { caption: null, photoCredit: null };
  const figure = figcaption.parentNode as DomElement | null;
  const creditEl = figcaption.querySelector(CREDIT_SELECTOR) ?? (figure?.nodeName === 'FIGURE' ? figure.querySelector(CREDIT_SELECTOR) : null);
  const creditText = creditEl ? squeezeSpaces(creditEl.textContent ?? '') : '';
  let full = squeezeSpaces(figcaption.textContent ?? '');
  if (creditText && full.endsWith(creditText)) full = full.slice(0, full.length - creditText.length).trim();
  else if (creditText && full.startsWith(creditText)) full = full.slice(creditText.length).trim();
  full = full.replace(CAPTION_LABEL, '').replace(TRAILING_LABEL, '');
  const split = splitCredit(full);
  const credit = creditText.replace(CREDIT_LABEL, '').trim();
  return credit ? { caption: split.caption, photoCredit: credit } : split;
}
