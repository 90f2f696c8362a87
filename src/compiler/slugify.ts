/**
 * A URL- and id-safe form of a title: lower case, letters and digits joined by single hyphens.
 * Letters outside ASCII are kept (lower-cased) rather than dropped, so a title in another script
 * still gives a usable id. `+`, `#` and `&` are spelled out so "C", "C++" and "C#" stay apart.
 */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/\+/g, ' plus ')
    .replace(/#/g, ' sharp ')
    .replace(/&/g, ' and ')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'untitled' : slug;
}

/** Drops an ordering prefix such as `100-` or `02_` from a file or folder name. */
export function stripOrderPrefix(name: string): string {
  const stripped = name.replace(/^\d+[-_. ]+/, '');
  return stripped === '' ? name : stripped;
}

// Words a file name writes in lower case that a title never does: roadmap folders such as
// `ai-agents`, `api-design` and `ux-design` would otherwise read "Ai agents".
const wordSpellings = new Map(
  [
    'AI',
    'API',
    'AWS',
    'BI',
    'CSS',
    'DBA',
    'HTML',
    'iOS',
    'LLM',
    'ML',
    'PHP',
    'QA',
    'SQL',
    'UI',
    'UX',
  ].map((word) => [word.toLowerCase(), word]),
);

/** `python-async_ecosystem` → "Python async ecosystem", `ai-agents` → "AI agents". */
export function titleFromName(name: string): string {
  const words = name
    .replace(/[-_]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .split(' ')
    .map((word, index) => {
      const spelt = wordSpellings.get(word.toLowerCase());
      if (spelt) return spelt;
      return index === 0 ? word.charAt(0).toUpperCase() + word.slice(1) : word;
    })
    .join(' ');
  return words;
}
