import type { Deck, Topic } from '../../src/domain/deck.ts';

/**
 * An independent reading of the quiz rules, written without the compiler's matcher so a test can
 * catch its mistakes: a term is found case-insensitively as a whole word, with a plural -s/-es,
 * an optional leading dot, and spaces, hyphens, dots or nothing between its words.
 */
export function mentions(text: string, term: string, wordStartOnly = false): boolean {
  const words = term
    .replace(/^\./, '')
    .split(/[\s\-_.]+/)
    .filter((word) => word !== '')
    .map((word) => word.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&'));
  if (words.length === 0) return false;
  const end = wordStartOnly ? '' : '(?:e?s)?(?![\\p{L}\\p{N}])';
  const pattern = `(?<![\\p{L}\\p{N}])\\.?${words.join('[\\s\\-_.]?')}${end}`;
  return new RegExp(pattern, 'iu').test(text);
}

/**
 * The title, the parts of it that name the topic alone ("Uvicorn and ASGI" → both), and the
 * singular of a plural ("Futures" → "Future").
 */
export function termsOf(title: string): string[] {
  const parts = title
    .split(/\s+(?:and|—|–|-|&|or)\s+|[()/,:]/)
    .map((part) => part.trim())
    .filter((part) => part.replace(/[^\p{L}\p{N}]/gu, '').length >= 2);
  const singulars = [title, ...parts]
    .filter((term) => /[a-z]s$/.test(term) && !/(?:is|os|ss|us)$/.test(term))
    .map((term) =>
      term.replace(/(?:(?<=[^aeiou])ies|(?<=(?:ss|sh|ch|x|z))es|s)$/, (end) =>
        end === 'ies' ? 'y' : '',
      ),
    );
  return [title, ...parts, ...singulars];
}

const titleKey = (title: string) => title.trim().replace(/\s+/g, ' ').toLowerCase();

/** Every broken quiz rule in a deck, as readable lines; empty when the deck keeps them all. */
export function quizRuleViolations(deck: Deck): string[] {
  const problems: string[] = [];
  const byId = new Map(deck.topics.map((topic) => [topic.id, topic]));
  const distinctTitles = new Set(deck.topics.map((topic) => titleKey(topic.title))).size;
  const wantedOptions = Math.min(4, distinctTitles);

  if (deck.topics.length >= 2 && deck.quiz.length !== deck.topics.length) {
    problems.push(`${deck.id}: ${deck.quiz.length} quiz items for ${deck.topics.length} topics`);
  }
  const positions = new Map<number, number>();
  for (const item of deck.quiz) {
    const where = `${deck.id} ${item.id}`;
    const topic = byId.get(item.topicId);
    if (!topic) {
      problems.push(`${where}: no topic ${item.topicId}`);
      continue;
    }
    if (item.id !== `${topic.id}:quiz`) problems.push(`${where}: id is not <topicId>:quiz`);
    const card = deck.cards.find((candidate) => (candidate.id as string) === item.id);
    if (card?.kind !== 'quiz' || card.front !== item.prompt) {
      problems.push(`${where}: no quiz card with the prompt as its front`);
    }
    if (item.options[item.answerIndex] !== topic.title) {
      problems.push(`${where}: option ${item.answerIndex} is not the answer ${topic.title}`);
    }
    const keys = item.options.map(titleKey);
    if (new Set(keys).size !== keys.length) problems.push(`${where}: repeated options ${keys}`);
    if (item.options.length !== wantedOptions) {
      problems.push(`${where}: ${item.options.length} options, expected ${wantedOptions}`);
    }
    for (const term of termsOf(topic.title)) {
      if (mentions(item.prompt, term)) problems.push(`${where}: prompt names the answer "${term}"`);
    }
    const distractors = item.options
      .filter((_, index) => index !== item.answerIndex)
      .map((title) => deck.topics.find((candidate) => candidate.title === title));
    for (const distractor of distractors) {
      if (!distractor) {
        problems.push(`${where}: an option is no topic of the deck`);
        continue;
      }
      for (const term of termsOf(distractor.title)) {
        if (mentions(item.prompt, term)) {
          problems.push(`${where}: prompt names the distractor "${term}"`);
        }
      }
    }
    problems.push(...siblingProblems(deck, topic, distractors, where));
    if (item.prompt.replace(/^Which topic does this describe\?/, '').trim().length < 10) {
      problems.push(`${where}: prompt holds no sentence`);
    }
    positions.set(item.answerIndex, (positions.get(item.answerIndex) ?? 0) + 1);
  }
  if (deck.quiz.length > 0) {
    const counts = Array.from({ length: wantedOptions }, (_, index) => positions.get(index) ?? 0);
    if (Math.max(...counts) - Math.min(...counts) > 1) {
      problems.push(`${deck.id}: answer positions uneven ${counts}`);
    }
  }
  return problems;
}

/**
 * Siblings come first: a distractor from another section is allowed only when the siblings with
 * other titles are used up, or the skipped ones are named in the topic's description.
 */
function siblingProblems(
  deck: Deck,
  topic: Topic,
  distractors: readonly (Topic | undefined)[],
  where: string,
): string[] {
  const outside = distractors.filter(
    (distractor) => distractor && distractor.sectionId !== topic.sectionId,
  );
  if (outside.length === 0) return [];
  const chosen = new Set(distractors.map((distractor) => distractor && titleKey(distractor.title)));
  const unused = deck.topics.filter(
    (candidate) =>
      candidate.sectionId === topic.sectionId &&
      titleKey(candidate.title) !== titleKey(topic.title) &&
      !chosen.has(titleKey(candidate.title)) &&
      // Loosely: the compiler may also skip a sibling named inside a longer word ("Pythonic").
      !termsOf(candidate.title).some((term) => mentions(topic.description, term, true)),
  );
  return unused.length > 0
    ? [
        `${where}: took ${outside.length} distractors from other sections, leaving sibling ${unused[0]?.title}`,
      ]
    : [];
}
