/**
 * Other forms of a term's last word that its description may use: the singular of a plural title
 * ("Futures" → "Future", "APIs" → "API", "Tries" → "Trie", "Sizes" → "Size"), Portuguese and
 * Spanish plurals ("Compiladores", "Funções"), and for Russian the stem that every case ending
 * follows ("Функции" → "Функци"). Where a rule cannot tell ("Caches" or "Branches") both forms
 * are given: a form that never occurs costs nothing, a missing one gives the answer away. A form
 * that would be a short common word ("Tries" → "Try") is not given.
 */
export function otherForms(term: string): string[] {
  const lastWord = /[^\s]+$/.exec(term)?.[0] ?? '';
  const head = term.slice(0, term.length - lastWord.length);
  return lastWordForms(lastWord)
    .filter((form) => form !== lastWord)
    .map((form) => head + form);
}

const neverSingular = new Set(['chaos', 'kudos', 'ethos', 'cosmos', 'logos', 'pathos', 'news']);
const cyrillicEnding = /[аеёиоуыэюяьй]+$/u;

function lastWordForms(word: string): string[] {
  const lower = word.toLowerCase();
  if (/[\u0400-\u04ff]/.test(word)) {
    const stem = word.replace(cyrillicEnding, '');
    return stem.length >= 3 ? [stem] : [];
  }
  // Every rule below reads a final s.
  if (!lower.endsWith('s')) return [];
  const upper = word.toUpperCase();
  // Acronyms: "APIs" → "API", "DAOs" → "DAO"; "HTTPS" or "AWS" stay.
  if (word.length >= 3 && word.endsWith('s') && upper.startsWith(word.slice(0, -1))) {
    return /\p{L}/u.test(word) ? [word.slice(0, -1)] : [];
  }
  if (word === upper || word.length < 4 || neverSingular.has(lower)) return [];
  // "macOS", "iOS": a name that ends in a capital is no plural ("ConfigMaps" is).
  if (/\p{Lu}$/u.test(word)) return [];
  const cut = (count: number, add = '') => word.slice(0, word.length - count) + add;
  if (lower.endsWith('ões') || lower.endsWith('ães')) return [cut(3, 'ão')];
  if (/[cs]iones$/.test(lower)) return [cut(5, 'ión')];
  if (lower.endsWith('ies')) return word.length <= 5 ? [cut(1)] : [cut(3, 'y'), cut(1)];
  if (lower.endsWith('sses')) return [cut(2)];
  if (lower.endsWith('zzes')) return [cut(2), cut(3)];
  if (/(?:sh|x)es$/.test(lower)) return [cut(2)];
  if (/(?:ch|o)es$/.test(lower)) return [cut(1), cut(2)];
  if (lower.endsWith('ses')) return word.length >= 7 ? [cut(1), cut(2)] : [cut(1)];
  if (/[aeo]res$/.test(lower) && word.length >= 7) return [cut(1), cut(2)];
  if (lower.endsWith('ais') && word.length >= 6) return [cut(2, 'l')];
  if (/[kjw]is$/.test(lower) || lower.endsWith('os') || lower.endsWith('menus')) return [cut(1)];
  if (/(?:is|us|ss)$/.test(lower)) return [];
  if (lower.endsWith('s')) return [cut(1)];
  return [];
}
