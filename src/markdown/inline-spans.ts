/** Inline markdown a description may use; everything else, HTML included, is plain text. */
export type InlineSpan =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'code'; readonly text: string }
  | { readonly kind: 'strong'; readonly text: string }
  | { readonly kind: 'emphasis'; readonly text: string }
  | { readonly kind: 'link'; readonly text: string; readonly url: string };

// Alternatives in order of precedence: code spans first, so nothing inside them is interpreted.
const inlinePattern =
  /(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)|\[([^\]]+)\]\(([^)\s]+)\)|\*\*(.+?)\*\*|__(.+?)__|\*(\S(?:.*?\S)?)\*|(?<![\w])_(\S(?:.*?\S)?)_(?![\w])/g;

export function isWebUrl(url: string): boolean {
  return /^https?:\/\/[^\s/]+/i.test(url);
}

export function parseInlineSpans(text: string): InlineSpan[] {
  const spans: InlineSpan[] = [];
  let last = 0;
  for (const match of text.matchAll(inlinePattern)) {
    const start = match.index;
    if (start > last) spans.push({ kind: 'text', text: text.slice(last, start) });
    const [whole, , code, linkText, linkUrl, strongA, strongB, emA, emB] = match;
    if (code !== undefined) spans.push({ kind: 'code', text: code.trim() || code });
    else if (linkText !== undefined && linkUrl !== undefined) {
      spans.push(
        isWebUrl(linkUrl)
          ? { kind: 'link', text: linkText, url: linkUrl }
          : { kind: 'text', text: linkText },
      );
    } else if ((strongA ?? strongB) !== undefined) {
      spans.push({ kind: 'strong', text: strongA ?? strongB ?? '' });
    } else if ((emA ?? emB) !== undefined) {
      spans.push({ kind: 'emphasis', text: emA ?? emB ?? '' });
    } else spans.push({ kind: 'text', text: whole });
    last = start + whole.length;
  }
  if (last < text.length) spans.push({ kind: 'text', text: text.slice(last) });
  return spans;
}
