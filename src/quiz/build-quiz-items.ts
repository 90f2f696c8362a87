import type { QuizItem, Topic } from '../domain/deck';
import { quizItemId, type SectionId } from '../domain/ids';
import { pickDistractors } from './pick-distractors';
import { promptExcerpt } from './prompt-excerpt';
import { type Random, shuffled } from './seeded-random';
import type { TermMatcher } from './term-matcher';

export interface QuizTopic {
  readonly topic: Topic;
  /** Built once per topic by the caller, who masks the recall card with it too. */
  readonly matcher: TermMatcher;
}

export const quizQuestion = 'Which topic does this describe?';
const maxOptions = 4;

/**
 * One multiple-choice item per topic, in topic order; none for a deck of fewer than two topics.
 * Every item has min(4, topics) options. The right answer's position follows a seeded permutation
 * of the topics taken modulo the option count, so over a deck each position is right equally
 * often (to within one) and a learner cannot gain by always pressing the same key.
 */
export function buildQuizItems(entries: readonly QuizTopic[], random: Random): QuizItem[] {
  if (entries.length < 2) return [];
  const bySection = new Map<SectionId, QuizTopic[]>();
  for (const entry of entries) {
    const group = bySection.get(entry.topic.sectionId);
    if (group) group.push(entry);
    else bySection.set(entry.topic.sectionId, [entry]);
  }
  const optionCount = Math.min(maxOptions, entries.length);
  const ranks = shuffled(
    entries.map((_, index) => index),
    random,
  );

  return entries.map((entry, index) => {
    const siblings = bySection.get(entry.topic.sectionId) ?? [];
    // The rest of the deck; sibling entries met again are skipped as already seen titles.
    const others = siblings.length === entries.length ? [] : entries;
    let prompt = entry.matcher.mask(`${quizQuestion} ${promptExcerpt(entry.topic.description)}`);
    const { distractors, mentioned } = pickDistractors(
      entry,
      siblings,
      others,
      optionCount - 1,
      prompt,
      random,
    );
    for (const distractor of mentioned) prompt = distractor.matcher.mask(prompt);
    const answerIndex = (ranks[index] ?? 0) % (distractors.length + 1);
    const options = distractors.map((distractor) => distractor.topic.title);
    options.splice(answerIndex, 0, entry.topic.title);
    return {
      id: quizItemId(`${entry.topic.id}:quiz`),
      topicId: entry.topic.id,
      prompt,
      options,
      answerIndex,
      explanation: entry.topic.description,
    };
  });
}
