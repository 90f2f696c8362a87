export interface ScannedLink {
  readonly label: string;
  readonly url: string;
}

/**
 * Reads a markdown link `[label](url "title")` at the start of `text`. Brackets in the label and
 * parentheses in the URL may nest (Wikipedia URLs hold them). Returns undefined when `text` does
 * not start with a complete link.
 */
export function scanLeadingLink(text: string): ScannedLink | undefined {
  if (text[0] !== '[') return undefined;
  let depth = 0;
  let index = 0;
  for (; index < text.length; index++) {
    const char = text[index];
    if (char === '\\') index++;
    else if (char === '[') depth++;
    else if (char === ']' && --depth === 0) break;
  }
  if (depth !== 0 || text[index + 1] !== '(') return undefined;
  const label = text.slice(1, index);
  const rest = text.slice(index + 2).trimStart();
  if (rest.startsWith('<')) {
    const close = rest.indexOf('>');
    if (close < 0 || !/^\s*(?:(["']).*\1\s*)?\)/.test(rest.slice(close + 1))) return undefined;
    return { label, url: rest.slice(1, close).trim() };
  }
  let parens = 0;
  let end = 0;
  for (; end < rest.length; end++) {
    const char = rest[end];
    if (char === '\\') end++;
    else if (char === '(') parens++;
    else if (char === ')') {
      if (parens === 0) break;
      parens--;
    } else if (char === ' ' || char === '\t') break;
  }
  const after = rest.slice(end);
  // Whatever follows the URL must be an optional quoted title, then the closing parenthesis.
  if (!/^\s*(?:(["']).*?\1\s*)?\)/.test(after)) return undefined;
  return { label, url: rest.slice(0, end) };
}

/**
 * Whether `text` starts the way a markdown link does, `[label](`, complete or not: a resource
 * line whose link is broken (its `)` missing) is still meant as a resource, not as prose.
 */
export function opensLink(text: string): boolean {
  return /^\[.*\]\(/.test(text);
}
