const chunkPattern = /\d+|\D+/g;

/**
 * Orders paths as people number them (`2-x` before `10-x`) without the host's locale, so every
 * machine sorts a deck's files alike. Text runs compare case-insensitively first, then by code
 * unit as a tie-break so the order is total.
 */
export function compareNaturally(a: string, b: string): number {
  const left = a.match(chunkPattern) ?? [];
  const right = b.match(chunkPattern) ?? [];
  const length = Math.min(left.length, right.length);
  for (let index = 0; index < length; index++) {
    const x = left[index] ?? '';
    const y = right[index] ?? '';
    if (x === y) continue;
    const order = isDigits(x) && isDigits(y) ? compareDigits(x, y) : compareText(x, y);
    if (order !== 0) return order;
  }
  if (left.length !== right.length) return left.length - right.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

function isDigits(chunk: string): boolean {
  const code = chunk.charCodeAt(0);
  return code >= 48 && code <= 57;
}

// Compared as digit strings, not numbers, so a 30-digit run cannot lose precision.
function compareDigits(x: string, y: string): number {
  const a = x.replace(/^0+(?=\d)/, '');
  const b = y.replace(/^0+(?=\d)/, '');
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : x.length - y.length;
}

function compareText(x: string, y: string): number {
  const a = x.toLowerCase();
  const b = y.toLowerCase();
  if (a !== b) return a < b ? -1 : 1;
  return x < y ? -1 : 1;
}
