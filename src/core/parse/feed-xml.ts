/**
 * A light well-formedness check for feed XML. feedsmith is deliberately lenient (it accepts an unescaped "&",
 * which real feeds contain), but it also accepts a truncated document; this catches unclosed and mismatched
 * elements so that a broken feed fails with a clear message instead of yielding half its items.
 */

const TOKEN = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>|<(\/?)([A-Za-z_][\w:.-]*)(?:[^>"']|"[^"]*"|'[^']*')*?(\/?)>/g;

// HTML void elements sometimes appear raw inside descriptions; they never need closing.
const VOID = new Set(['br', 'hr', 'img', 'meta', 'input', 'wbr', 'source', 'embed', 'col', 'area', 'param', 'track']);

/** Returns a description of the first structural problem, or null when every element is closed in order. */
export function xmlStructureProblem(xml: string): string | null {
  const stack: string[] = [];
  let seenRoot = false;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(xml); m; m = TOKEN.exec(xml)) {
    const name = m[2];
    if (!name) continue;
    if (VOID.has(name.toLowerCase())) continue;
    const closing = m[1] === '/';
    const selfClosing = m[3] === '/';
    if (closing) {
      const open = stack.pop();
      if (open !== name) return open ? `<${open}> closed by </${name}>` : `unexpected </${name}>`;
    } else if (!selfClosing) {
      if (seenRoot && stack.length === 0) return `content after the root element (<${name}>)`;
      stack.push(name);
      seenRoot = true;
    } else {
      seenRoot = true;
    }
  }
  const rest = /<!\[CDATA\[(?![\s\S]*\]\]>)|<!--(?![\s\S]*-->)/.exec(xml);
  if (rest) return 'unterminated CDATA section or comment';
  if (stack.length > 0) return `<${stack[stack.length - 1]}> is never closed (truncated document?)`;
  return seenRoot ? null : 'no root element';
}
