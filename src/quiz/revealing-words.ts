import { foldText } from './case-folding';

// Word tokens: letters and digits, an identifier joined by underscores counting as one.
const wordPattern = /[\p{L}\p{N}]+(?:_[\p{L}\p{N}]+)*/gu;
// Short words and these say nothing of which option is meant.
const minLetters = 4;
const plainWords = new Set(['with', 'from', 'into', 'your', 'what', 'when', 'using', 'about']);

function words(text: string): string[] {
  return foldText(text).match(wordPattern) ?? [];
}

/**
 * The words of the answer's title that the prompt still shows and no other option's title holds:
 * "await" left in a prompt for **Coroutines and async/await** beside options that lack it. A
 * learner would match the word, not recall the topic. A word counts in any of its title's
 * spellings joined by "/" or "-" ("async/await" gives "async" and "await").
 */
export function wordsRevealingAnswer(
  answerTitle: string,
  prompt: string,
  otherTitles: readonly string[],
): string[] {
  const shown = new Set(words(prompt));
  const elsewhere = new Set(otherTitles.flatMap(words));
  return [...new Set(words(answerTitle))].filter(
    (word) =>
      word.length >= minLetters && !plainWords.has(word) && shown.has(word) && !elsewhere.has(word),
  );
}
