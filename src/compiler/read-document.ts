import type { CompileWarning, SourceFile } from '../domain/compile';
import {
  type MarkdownLine,
  readMarkdownLines,
  unclosedFenceLine,
} from '../markdown/markdown-lines';
import { splitLines } from '../markdown/split-lines';

/**
 * Reads one input file into classified lines, warning about what changes how it is read: an
 * unclosed code fence, and headings written as `#Title`.
 */
export function readDocument(file: SourceFile, warnings: CompileWarning[]): MarkdownLine[] {
  const lines = readMarkdownLines(splitLines(file.content));
  const unclosed = unclosedFenceLine(lines);
  if (unclosed !== undefined) {
    warnings.push({
      path: file.path,
      line: unclosed,
      message: 'code fence is never closed; the rest of the file is read as code',
    });
  }
  for (const line of lines) {
    if (line.kind === 'heading' && line.glued) {
      warnings.push({
        path: file.path,
        line: line.number,
        message: `heading has no space after "#", read as a heading: ${line.text}`,
      });
    }
  }
  return lines;
}

export function isEmptyDocument(lines: readonly MarkdownLine[]): boolean {
  return lines.every((line) => line.kind === 'blank' || line.kind === 'front-matter');
}
