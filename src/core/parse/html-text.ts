/**
 * DOM to text with paragraph breaks: every block element starts a new paragraph, whitespace inside a
 * paragraph collapses to single spaces, and paragraphs are joined by a blank line. Measured better than
 * `textContent`, which glues the last word of one block to the first word of the next.
 */
import type { Span } from '../types.ts';
import { ELEMENT_NODE, TEXT_NODE } from './html-dom.ts';
import type { DomElement, DomNode } from './html-dom.ts';

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'CAPTION', 'DD', 'DETAILS', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER',
  'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT',
  'TH', 'THEAD', 'TR', 'UL',
]);

const SKIPPED_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'BUTTON', 'SELECT', 'OPTION', 'TEXTAREA', 'IFRAME',
  'OBJECT', 'EMBED', 'CANVAS', 'VIDEO', 'AUDIO', 'MATH', 'HEAD',
]);

export interface BlockText {
  /** Paragraphs joined by a blank line. */
  text: string;
  /** One span per paragraph, into `text`. */
  paragraphs: Span[];
}

/** Options for {@link blocksOf}. */
export interface BlockOptions {
  /** Elements to leave out, besides scripts, styles and form controls. */
  skip?: (element: DomElement) => boolean;
}

/** One paragraph of text with what the boilerplate filters need to know about it. */
export interface TextBlock {
  text: string;
  /** Share of the block's non-space characters that sit inside links (0..1). */
  linkDensity: number;
  /** The tag of the block element that closed the paragraph (P, LI, H2, DIV...). */
  tag: string;
}

const nonSpace = (text: string): number => text.replace(/\s+/g, '').length;

/** Collects the text of `root` as blocks, one per block element, with their link density. */
export function textBlocksOf(root: DomNode, options: BlockOptions = {}): TextBlock[] {
  const blocks: TextBlock[] = [];
  let current = '';
  let linkChars = 0;
  let linkDepth = 0;
  const open: string[] = [];
  let preDepth = 0;
  let softBreak = false;
  const flush = (tag: string): void => {
    // Preformatted text keeps its blank-line paragraph breaks; elsewhere whitespace is layout.
    const parts = preDepth > 0 ? current.split(/\n[ \t]*\n/) : [current];
    const density = Math.min(1, linkChars / Math.max(1, nonSpace(current)));
    for (const part of parts) {
      const text = part.replace(/[\u00ad\u200b\u2060\ufeff]/g, '').replace(/\s+/g, ' ').trim();
      if (text) blocks.push({ text, linkDensity: density, tag });
    }
    current = '';
    linkChars = 0;
  };
  const walk = (node: DomNode): void => {
    if (node.nodeType === TEXT_NODE) {
      const text = node.textContent ?? '';
      // Adjacent links ("<a>Home</a><a>News</a>") are separate words, not "HomeNews".
      if (softBreak && /[\p{L}\p{N}]$/u.test(current) && /^[\p{L}\p{N}]/u.test(text)) current += ' ';
      if (text) softBreak = false;
      current += text;
      if (linkDepth > 0) linkChars += nonSpace(text);
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const name = node.nodeName.toUpperCase();
    if (SKIPPED_TAGS.has(name)) return;
    if (options.skip?.(node as DomElement)) return;
    const block = BLOCK_TAGS.has(name);
    if (block) {
      flush(open[open.length - 1] ?? '');
      open.push(name);
    }
    if (name === 'A') {
      linkDepth++;
      softBreak = true;
    }
    if (name === 'PRE') preDepth++;
    const kids = node.childNodes;
    for (let i = 0; i < kids.length; i++) walk(kids[i] as DomNode);
    if (name === 'A') {
      linkDepth--;
      softBreak = true;
    }
    if (block) {
      flush(name);
      open.pop();
      if (name === 'PRE') preDepth--;
    } else if (name === 'IMG' || name === 'WBR') {
      current += ' ';
    }
  };
  walk(root);
  flush('');
  return blocks;
}

/** Collects the text of `root` as paragraphs, one per block element. */
export function blocksOf(root: DomNode, options: BlockOptions = {}): string[] {
  return textBlocksOf(root, options).map((b) => b.text);
}

/** Joins paragraphs with a blank line and records each paragraph's span in the result. */
export function joinParagraphs(blocks: string[]): BlockText {
  const paragraphs: Span[] = [];
  let text = '';
  for (const block of blocks) {
    if (text) text += '\n\n';
    paragraphs.push({ start: text.length, end: text.length + block.length });
    text += block;
  }
  return { text, paragraphs };
}

/** DOM to text with a paragraph break at every block element. */
export function textOf(root: DomNode, options: BlockOptions = {}): BlockText {
  return joinParagraphs(blocksOf(root, options));
}
