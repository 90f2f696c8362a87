/**
 * The block structure of a topic description, enough to show it as a learner expects:
 * paragraphs, lists and code. Anything else stays text. Raw HTML is never recognised, so it
 * reaches the screen as the characters the author typed.
 */
export type DescriptionBlock =
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'list'; readonly ordered: boolean; readonly items: readonly string[] }
  | { readonly kind: 'code'; readonly language: string; readonly code: string };

const fencePattern = /^\s{0,3}(`{3,}|~{3,})\s*([\w+#.-]*)/;
const bulletPattern = /^\s{0,3}[-*+]\s+(.*)$/;
const orderedPattern = /^\s{0,3}\d{1,9}[.)]\s+(.*)$/;

export function parseDescriptionBlocks(markdown: string): DescriptionBlock[] {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const blocks: DescriptionBlock[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: string[] } | undefined;

  const flush = () => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', text: paragraph.join(' ') });
    if (list) blocks.push({ kind: 'list', ordered: list.ordered, items: list.items });
    paragraph = [];
    list = undefined;
  };

  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    const fence = fencePattern.exec(line);
    if (fence) {
      flush();
      const marker = fence[1] ?? '```';
      const code: string[] = [];
      index++;
      while (index < lines.length && !(lines[index] ?? '').trim().startsWith(marker)) {
        code.push(lines[index] ?? '');
        index++;
      }
      blocks.push({ kind: 'code', language: fence[2] ?? '', code: code.join('\n') });
      continue;
    }
    if (line.trim() === '') {
      flush();
      continue;
    }
    const item = bulletPattern.exec(line) ?? orderedPattern.exec(line);
    if (item) {
      const ordered = !bulletPattern.test(line);
      if (paragraph.length > 0 || (list && list.ordered !== ordered)) flush();
      list ??= { ordered, items: [] };
      list.items.push(item[1] ?? '');
      continue;
    }
    if (list && /^\s+\S/.test(line)) {
      // An indented line continues the list item above it.
      list.items[list.items.length - 1] += ` ${line.trim()}`;
      continue;
    }
    if (list) flush();
    paragraph.push(line.trim());
  }
  flush();
  return blocks;
}
