/** Routing input by its shape: HTML pages go to parseHtml, everything else to the plain-text parser. */

const HTML_START = /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|article)[\s>/]/i;
const HTML_TAGS = /<(?:p|div|br|span|a|h[1-6]|article|section|ul|li|script|meta|link|img)\b[^>]*>/gi;

/**
 * True when `text` looks like an HTML document or fragment rather than plain text: it starts with a doctype
 * or <html>/<head>/<body>, or it is dense with common tags (at least 2, and a closing tag present).
 */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 4096);
  if (HTML_START.test(head)) return true;
  if (/^\s*<(?:rss|feed|rdf:RDF)\b/i.test(head)) return false;
  const sample = text.slice(0, 20000);
  const tags = sample.match(HTML_TAGS)?.length ?? 0;
  return tags >= 2 && /<\/(?:p|div|a|span|h[1-6]|li|article|section)>/i.test(sample);
}
