/**
 * `name`: a tool, library, language or product ("AnyIO", "gevent", "Docker", "Node.js").
 * `concept`: an idea or a practice ("Running blocking code", "Event loop", "Coroutines").
 */
export type TitleKind = 'name' | 'concept';

// Endings of abstract nouns and activities: a one-word title ending so is a concept.
const conceptEnding =
  /(?:tion|sion|ment|ing|ity|ness|ism|ance|ence|ancy|ency|ony|ory|ure|ics|ogy|ies|[^us]s)$/;

// Small words that only a phrase has; a name rarely holds them.
const phraseWords = new Set([
  'a',
  'an',
  'the',
  'of',
  'in',
  'on',
  'for',
  'to',
  'with',
  'by',
  'vs',
  'how',
  'what',
  'why',
  'when',
  'your',
]);

/**
 * A heuristic read from the title alone. A word written like a name (inner capitals "FastAPI",
 * digits "Python 3", "HTTP/2", a dot or sign "Node.js", "C#", or all lower case "gevent") makes a name; a
 * phrase with small words ("Types of Joins") or an abstract ending ("Caching", "Tasks") makes a
 * concept. One capitalised word with no such ending ("Sanic", "Docker") is taken for a name.
 * Options of one kind keep a learner from ruling out the odd one by its look.
 */
export function titleKind(title: string): TitleKind {
  const words = title
    .replace(/\([^)]*\)/g, ' ')
    .split(/\s+/)
    .filter((word) => /[\p{L}\p{N}]/u.test(word));
  if (words.length === 0) return 'name';
  if (words.some((word) => phraseWords.has(word.toLowerCase()))) return 'concept';
  if (words.some(looksLikeName)) return 'name';
  if (words.length > 1) {
    // "Event loop", "Running blocking code": a lower-case word after the first reads as prose.
    return 'concept';
  }
  const word = words[0] ?? '';
  // "HTTP", "gevent": an acronym or a word kept in lower case in a heading is a name.
  if (word === word.toUpperCase() || word === word.toLowerCase()) return 'name';
  return conceptEnding.test(word.toLowerCase()) ? 'concept' : 'name';
}

function looksLikeName(word: string): boolean {
  const letters = word.replace(/[^\p{L}\p{N}.#+]/gu, '');
  if (/\p{Ll}\p{Lu}/u.test(letters)) return true;
  if (/\p{N}/u.test(letters)) return true;
  if (/\p{L}[.#+]/u.test(letters)) return true;
  return false;
}
