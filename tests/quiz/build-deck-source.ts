import { compileDecks } from '../../src/compiler/compile-decks.ts';
import type { CompileResult } from '../../src/domain/compile.ts';
import type { Deck, QuizFormat, QuizItem } from '../../src/domain/deck.ts';
import { buildQuizItems } from '../../src/quiz/build-quiz-items.ts';
import { createSeededRandom } from '../../src/quiz/seeded-random.ts';
import { createTermMatcher } from '../../src/quiz/term-matcher.ts';
import { countTitleWords } from '../../src/quiz/title-terms.ts';
import { compileOne, type Outline, outlineSource } from '../support/deck-sources.ts';

export type { Outline };

export function compileOutline(title: string, outline: Outline): CompileResult {
  return compileDecks([outlineSource(title, outline)]);
}

export function deckOf(title: string, outline: Outline): Deck {
  return compileOne(outlineSource(title, outline));
}

/** The quiz item asking about the topic titled `title`. */
export function itemFor(deck: Deck, title: string): QuizItem {
  const topic = deck.topics.find((candidate) => candidate.title === title);
  const item = deck.quiz.find((candidate) => candidate.topicId === topic?.id);
  if (!item) throw new Error(`no quiz item for ${title}`);
  return item;
}

/** n plain topics named Topic 1…n whose descriptions name no other topic. */
export function plainTopics(prefix: string, count: number): [string, string][] {
  return Array.from({ length: count }, (_, index) => [
    `${prefix} ${String.fromCharCode(65 + index)}`,
    `This is entry number ${index + 1} of its group, described in its own words.`,
  ]);
}

/** The deck with its quiz built again in the given formats only, quiz cards to match. */
export function deckAsked(deck: Deck, formats: readonly QuizFormat[]): Deck {
  const sectionTitles = new Map(deck.sections.map((section) => [section.id, section.title]));
  // As the compiler builds them: a title's distinctive words are counted over the deck's titles.
  const titleWords = countTitleWords(deck.topics.map((topic) => topic.title));
  const entries = deck.topics.map((topic) => ({
    topic,
    matcher: createTermMatcher(topic.title, titleWords),
    origin: {
      path: deck.source,
      line: 0,
      slug: '',
      sectionTitle: sectionTitles.get(topic.sectionId) ?? '',
    },
  }));
  const quiz = buildQuizItems(entries, createSeededRandom(deck.id), [], formats);
  const prompts = new Map(quiz.map((item) => [item.id as string, item.prompt]));
  const cards = deck.cards.map((card) =>
    card.kind === 'quiz' ? { ...card, front: prompts.get(card.id) ?? card.front } : card,
  );
  return { ...deck, quiz, cards };
}
