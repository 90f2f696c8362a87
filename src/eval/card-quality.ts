import type { Deck } from '../domain/deck';
import type { TopicId } from '../domain/ids';
import { termMask } from '../markdown/term-mask';

/**
 * What a learner could answer without memory, counted over compiled decks. Written apart from the
 * compiler's matcher, on purpose more naive and stricter in places, so it catches the matcher's
 * mistakes: text and terms are compared as sequences of words (Unicode letters and digits, case
 * folded, markup and punctuation ignored, a plural ending dropped), a term's words may stand
 * joined ("asyncio") or apart ("async io"), and a term with no letters (`===`) is looked for as it
 * is written.
 */
export interface CardQuality {
  readonly topics: number;
  /**
   * Quiz items that show their answer: a pick-term prompt naming its topic, a pick-description
   * answer naming its own topic, a true-false statement naming the topic it describes.
   */
  readonly quizHardLeaks: number;
  /** Recall cards whose front names the answer. */
  readonly recallHardLeaks: number;
  readonly recallCards: number;
  /** pick-term prompts naming a wrong option, and pick-description wrong options naming themselves. */
  readonly distractorLeaks: number;
  /** pick-term items whose prompt holds a word of the answer's title that no other option has. */
  readonly distinctiveWordPrompts: number;
  /** pick-term items whose prompt blanks nothing. */
  readonly blankNothingPrompts: number;
  readonly pickTermItems: number;
  readonly formats: Readonly<Record<string, number>>;
  /** A few examples of each problem, for reading. */
  readonly examples: readonly string[];
}

// Words too common to single out an option ("of", "the") or to stand for a topic.
const commonWords = new Set(
  'a an the and or of in on for to with by at is are vs what how why your own its it this that using use basic basics introduction overview advanced other more'.split(
    ' ',
  ),
);

/**
 * Case-folded word tokens, each with its plural ending dropped. An identifier joined by
 * underscores (`create_task`) is one token: a term inside it is not the term standing alone.
 */
function wordsOf(text: string): string[] {
  const known = recentWords.get(text);
  if (known) return known;
  if (recentWords.size > 64) recentWords.clear();
  const words = tokenize(text);
  recentWords.set(text, words);
  return words;
}

// A prompt is read against every title of its options: tokenize it once.
const recentWords = new Map<string, string[]>();

function tokenize(text: string): string[] {
  const tokens = text.normalize('NFKC').match(/[\p{L}\p{N}]+(?:_[\p{L}\p{N}]+)*/gu) ?? [];
  // An acronym's final S is no plural ("HTTPS" is not "HTTP").
  return tokens.map((token) => {
    const folded = fold(token);
    return token === token.toUpperCase() && /\p{Lu}/u.test(token) ? folded : stem(folded);
  });
}

function fold(word: string): string {
  return word.toLowerCase().replace(/i̇|ı/g, 'i');
}

function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && /(?:ss|sh|ch|x|z)es$/.test(word)) return word.slice(0, -2);
  if (word.length > 2 && word.endsWith('s') && !/(?:ss|us|is)$/.test(word))
    return word.slice(0, -1);
  return word;
}

/** Whether `text` names `term`: its words in a row, joined or apart; symbols as written. */
export function names(text: string, term: string): boolean {
  const termWords = wordsOf(term);
  // Symbols that make the name ("C#", "C++", "$and", "@State") are looked for as written.
  if (termWords.length === 0 || /[#+$@]/.test(term)) return namesAsWritten(text, term.trim());
  const textWords = wordsOf(text);
  const joined = termWords.join('');
  for (let start = 0; start < textWords.length; start++) {
    let run = '';
    for (let end = start; end < textWords.length && run.length < joined.length; end++) {
      run += textWords[end];
      if (run === joined) return true;
    }
  }
  return false;
}

function namesAsWritten(text: string, term: string): boolean {
  if (term === '') return false;
  const haystack = fold(text);
  const needle = fold(term);
  const isWord = (char: string) => /[\p{L}\p{N}]/u.test(char);
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    const before = haystack.charAt(at - 1);
    const after = haystack.charAt(at + needle.length);
    if (
      !(isWord(needle.charAt(0)) && isWord(before)) &&
      !(isWord(needle.at(-1) ?? '') && isWord(after))
    ) {
      return true;
    }
  }
  return false;
}

/**
 * The forms a title names its topic by: the whole, each side of " and ", " / ", ":" or parentheses
 * ("async/await" is one term),
 * and an acronym's expansion where the title carries one in parentheses.
 */
export function termsOfTitle(title: string): string[] {
  const parts = title
    .split(/\s+(?:and|or|vs\.?|—|–|-|&|\/)\s+|[(),:]/)
    .map((part) => part.trim())
    .filter((part) => part !== '' && !commonWords.has(part.toLowerCase()));
  return [...new Set([title, ...parts])];
}

/**
 * An acronym of three to six capitals in `title`, spelt out by the initials of consecutive words of
 * `text` ("Application Programming Interface" for API). Two letters match too much by chance.
 */
function spellsOutAcronym(text: string, title: string): boolean {
  const acronym = title.match(/(?<![\p{L}\p{N}])(\p{Lu}{3,6})s?(?![\p{L}\p{N}])/u)?.[1];
  if (!acronym) return false;
  const initials = (text.match(/[\p{L}\p{N}]+/gu) ?? [])
    .filter((word) => !commonWords.has(word.toLowerCase()) || word.length > 3)
    .map((word) => word.charAt(0).toUpperCase())
    .join('');
  return initials.includes(acronym) && !text.includes(acronym);
}

function namesTopic(text: string, title: string): boolean {
  return termsOfTitle(title).some((term) => names(text, term)) || spellsOutAcronym(text, title);
}

/** Words of the answer's title, other than common ones, that no other option's title has. */
function distinctiveWords(answer: string, others: readonly string[]): string[] {
  const taken = new Set(others.flatMap(wordsOf));
  return wordsOf(answer).filter(
    (word) => !commonWords.has(word) && word.length > 2 && !taken.has(word),
  );
}

export function measureCardQuality(decks: readonly Deck[]): CardQuality {
  let topics = 0;
  let quizHardLeaks = 0;
  let recallHardLeaks = 0;
  let recallCards = 0;
  let distractorLeaks = 0;
  let distinctiveWordPrompts = 0;
  let blankNothingPrompts = 0;
  let pickTermItems = 0;
  const formats: Record<string, number> = {};
  const examples: string[] = [];
  const note = (kind: string, text: string) => {
    if (examples.filter((line) => line.startsWith(kind)).length < 5) {
      examples.push(`${kind}: ${text.slice(0, 160)}`);
    }
  };
  for (const deck of decks) {
    topics += deck.topics.length;
    const titleOf = new Map<TopicId | undefined, string>(
      deck.topics.map((topic) => [topic.id, topic.title]),
    );
    for (const card of deck.cards) {
      if (card.kind !== 'recall') continue;
      recallCards++;
      const title = titleOf.get(card.topicId) ?? '';
      if (namesTopic(card.front, title)) {
        recallHardLeaks++;
        note('recall leak', `${title} ← ${card.front}`);
      }
    }
    for (const item of deck.quiz) {
      const format = item.format ?? 'pick-term';
      formats[format] = (formats[format] ?? 0) + 1;
      const title = titleOf.get(item.topicId) ?? '';
      // Repeated titles are labelled apart in options ("Questions to Ask (tests)"): read the topics.
      const wrong = item.options
        .map((option, index) => titleOf.get(item.optionTopicIds?.[index]) ?? option)
        .filter((_, index) => index !== item.answerIndex);
      if (format === 'pick-term') {
        pickTermItems++;
        if (namesTopic(item.prompt, title)) {
          quizHardLeaks++;
          note('quiz leak', `${title} ← ${item.prompt}`);
        }
        const named = wrong.filter((option) => namesTopic(item.prompt, option));
        if (named.length > 0) {
          distractorLeaks++;
          note('distractor leak', `${named[0]} ← ${item.prompt}`);
        }
        const distinctive = distinctiveWords(title, wrong);
        const promptWords = new Set(wordsOf(item.prompt));
        const found = distinctive.filter((word) => promptWords.has(word));
        if (found.length > 0) {
          distinctiveWordPrompts++;
          note('distinctive word', `"${found[0]}" of ${title} ← ${item.prompt}`);
        }
        if (!item.prompt.includes(termMask)) blankNothingPrompts++;
      } else if (format === 'pick-description') {
        // Each option is a description: naming its own topic rules it in or out.
        item.options.forEach((option, index) => {
          const own = titleOf.get(item.optionTopicIds?.[index]) ?? '';
          if (own === '' || !namesTopic(option, own)) return;
          if (index === item.answerIndex) quizHardLeaks++;
          else distractorLeaks++;
          note(index === item.answerIndex ? 'quiz leak' : 'distractor leak', `${own} ← ${option}`);
        });
      } else if (format === 'true-false') {
        // The statement after the asked title must not name the topic it describes.
        const stated = titleOf.get(item.statedTopicId) ?? '';
        // The question names the asked title and perhaps a label telling repeated titles apart.
        const at = item.prompt.indexOf(title);
        const end = at < 0 ? -1 : item.prompt.indexOf('. ', at + title.length);
        const statement = end < 0 ? item.prompt : item.prompt.slice(end + 2);
        if (stated !== '' && namesTopic(statement, stated)) {
          quizHardLeaks++;
          note('quiz leak', `${stated} ← ${statement}`);
        }
      }
    }
  }
  return {
    topics,
    quizHardLeaks,
    recallHardLeaks,
    recallCards,
    distractorLeaks,
    distinctiveWordPrompts,
    blankNothingPrompts,
    pickTermItems,
    formats,
    examples,
  };
}
