import { termMask } from '../markdown/term-mask';

export type GrammarNumber = 'singular' | 'plural';

// Verbs whose form gives away the number of the blank before them.
const pluralVerbs = new Set(['are', 'were', 'have', 'do', "aren't", "don't", "haven't"]);
const singularVerbs = new Set(['is', 'was', 'has', 'does', "isn't", "doesn't", "hasn't"]);

/**
 * The number a prompt's blanks demand from their verbs: "_____ are libraries" wants a plural,
 * "_____ is a library" a singular. Undefined when no blank stands before such a verb, or when
 * blanks disagree, for then every option fits one of them.
 */
export function blankNumber(prompt: string): GrammarNumber | undefined {
  const demanded = new Set<GrammarNumber>();
  for (let at = prompt.indexOf(termMask); at >= 0; at = prompt.indexOf(termMask, at + 1)) {
    const after = prompt.slice(at + termMask.length, at + termMask.length + 12);
    const verb = /^\s+([a-z']+)/.exec(after)?.[1];
    if (verb === undefined) continue;
    if (pluralVerbs.has(verb)) demanded.add('plural');
    else if (singularVerbs.has(verb)) demanded.add('singular');
  }
  return demanded.size === 1 ? [...demanded][0] : undefined;
}

// Words that end in s yet are singular ("Redis", "Kubernetes", "Express", "Analysis").
const singularEndings = /(?:ss|us|is|os|ness)$/;
const knownSingular = new Set([
  'kubernetes',
  'express',
  'series',
  'news',
  'jenkins',
  'pandas',
  'physics',
  'mathematics',
  'statistics',
  'analytics',
  'economics',
  'ethics',
  'logistics',
]);
// Plurals not made with -s.
const knownPlural = new Set(['data', 'criteria', 'people', 'children', 'indices', 'media']);

/**
 * How a title reads as the subject of a sentence. The head noun is the last word, or the word
 * before "of"/"in"/"for" ("Types of Joins" is plural, "Separation of Concerns" singular); a
 * title joining two names with "and", "vs", a comma or a slash is plural. Acronyms take a lower-case plural s ("APIs").
 */
export function titleNumber(title: string): GrammarNumber {
  const bare = title.replace(/\([^)]*\)/g, ' ').trim();
  const words = bare.split(/\s+/).filter((word) => word !== '');
  if (words.length === 0) return 'singular';
  const beforeLink = words.findIndex(
    (word, index) => index > 0 && /^(?:of|in|for|with|on|to)$/i.test(word),
  );
  const head = (beforeLink > 0 ? words[beforeLink - 1] : words[words.length - 1]) ?? '';
  // "Mean, Median, Mode", "Email / Slack", "RAG vs Fine-tuning": more than one thing.
  if (beforeLink < 0 && /,|\s\/\s|\s(?:and|&|vs\.?)\s/i.test(bare)) return 'plural';
  const clean = head.replace(/[^\p{L}\p{N}']/gu, '');
  const lower = clean.toLowerCase();
  if (knownPlural.has(lower)) return 'plural';
  if (knownSingular.has(lower) || lower.length < 3) return 'singular';
  // "APIs", "DAOs": an acronym with a lower-case s.
  if (/^\p{Lu}{2,}s$/u.test(clean)) return 'plural';
  if (clean === clean.toUpperCase()) return 'singular';
  if (lower.endsWith('s') && !singularEndings.test(lower)) return 'plural';
  return 'singular';
}

/**
 * "_____ are the tools for…" → "_____: the tools for…". Description options mostly open by
 * defining their blank; the verb alone would tell a plural topic's description from the rest.
 */
export function withoutOpeningVerb(option: string): string {
  const opening = new RegExp(`^${termMask} (?:is|are) `);
  return opening.test(option) ? `${termMask}: ${option.replace(opening, '')}` : option;
}
