/**
 * Splits a document into lines whatever its line ends (CRLF, LF or a lone CR) and drops a leading
 * byte order mark, so line numbers match what an editor shows.
 */
export function splitLines(content: string): string[] {
  const text = content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
  if (text === '') return [];
  const lines = text.split(/\r\n|\r|\n/);
  // A final line end closes the last line; it does not open another.
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}
