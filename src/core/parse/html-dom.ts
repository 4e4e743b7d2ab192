/**
 * The small part of the DOM that the HTML parser uses, typed structurally: the project compiles without the
 * DOM library, and linkedom's own types resolve to `any`. Parsing goes through linkedom.
 */
import { parseHTML } from 'linkedom';

export interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  parentNode: DomNode | null;
}

export interface DomElement extends DomNode {
  tagName: string;
  children: ArrayLike<DomElement>;
  innerHTML: string;
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  remove(): void;
}

export interface DomDocument extends DomNode {
  documentElement: DomElement | null;
  head: DomElement | null;
  body: DomElement | null;
  title: string;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  createElement(tag: string): DomElement;
}

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

/** Parses an HTML string into a linkedom document. A fragment without <html> is wrapped first. */
export function parseDocument(html: string): DomDocument {
  const source = /<html[\s>]/i.test(html) ? html : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
  const { document } = parseHTML(source) as { document: DomDocument };
  return document;
}

const ENTITY = /&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/i;

/** Decodes HTML character references ("&#8216;", "&amp;", "&nbsp;") left in metadata values. */
export function decodeEntities(text: string): string {
  if (!ENTITY.test(text)) return text;
  const { document } = parseHTML(`<!DOCTYPE html><html><body><p>${text.replace(/</g, '&lt;')}</p></body></html>`) as { document: DomDocument };
  return document.querySelector('p')?.textContent ?? text;
}
