import type { Deck, QuizItem, Topic } from '../../src/domain/deck.ts';

/**
 * An independent reading of the quiz rules, written without the compiler's matcher so a test can
 * catch its mistakes: a term is found case-insensitively as a whole word (not inside an identifier
 * such as `create_task`), with a plural -s/-es, an optional leading dot, and spaces, hyphens, dots
 * or nothing between its words.
 */
export function mentions(text: string, term: string, wordStartOnly = false): boolean {
  const words = term
    .replace(/^\./, '')
    .split(/[\s\-_.]+/)
    .filter((word) => word !== '')
    .map((word) => word.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&'));
  if (words.length === 0) return false;
  const end = wordStartOnly ? '' : '(?:e?s)?(?![\\p{L}\\p{N}]|_+[\\p{L}\\p{N}])';
  const pattern = `(?<![\\p{L}\\p{N}]|[\\p{L}\\p{N}]_+)\\.?${words.join('[\\s\\-_.]?')}${end}`;
  return new RegExp(pattern, 'iu').test(text);
}

/**
 * The title, the parts of it that name the topic alone ("Uvicorn and ASGI" → both; "async/await"
 * is one term), and the singular of a plural ("Futures" → "Future").
 */
function termsOf(title: string): string[] {
  const parts = title
    .split(/\s+(?:and|—|–|-|&|or|\/)\s+|[(),:]/)
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
  const byId = new Map(deck.topics.map((topic) => [topic.id as string, topic]));
  const distinctTitles = new Set(deck.topics.map((topic) => titleKey(topic.title))).size;
  const wantedOptions = Math.min(4, distinctTitles);

  if (deck.topics.length >= 2 && deck.quiz.length !== deck.topics.length) {
    problems.push(`${deck.id}: ${deck.quiz.length} quiz items for ${deck.topics.length} topics`);
  }
  // Over every item, True and False counted as positions 0 and 1.
  const positions = new Map<number, number>();
  const truths = [0, 0];
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
    const keys = item.options.map(titleKey);
    if (new Set(keys).size !== keys.length) problems.push(`${where}: repeated options ${keys}`);
    const format = item.format ?? 'pick-term';
    if (format === 'true-false') {
      problems.push(...trueFalseProblems(item, topic, byId, where));
      truths[item.answerIndex] = (truths[item.answerIndex] ?? 0) + 1;
      positions.set(item.answerIndex, (positions.get(item.answerIndex) ?? 0) + 1);
      continue;
    }
    if (item.options.length !== wantedOptions) {
      problems.push(`${where}: ${item.options.length} options, expected ${wantedOptions}`);
    }
    const optionTopics = item.optionTopicIds?.map((id) => byId.get(id)) ?? [];
    if (optionTopics.length !== item.options.length || optionTopics.includes(undefined)) {
      problems.push(`${where}: options do not each name a topic of the deck`);
      continue;
    }
    if (optionTopics[item.answerIndex] !== topic) {
      problems.push(`${where}: option ${item.answerIndex} is not the answer ${topic.title}`);
    }
    const titles = optionTopics.map((option) => titleKey(option?.title ?? ''));
    if (new Set(titles).size !== titles.length)
      problems.push(`${where}: two options share a title`);
    if (format === 'pick-term') {
      problems.push(...pickTermProblems(item, topic, optionTopics as Topic[], where));
    } else {
      problems.push(...pickDescriptionProblems(item, optionTopics as Topic[], where));
    }
    const distractors = optionTopics.filter((_, index) => index !== item.answerIndex);
    problems.push(...siblingProblems(deck, topic, distractors, where));
    positions.set(item.answerIndex, (positions.get(item.answerIndex) ?? 0) + 1);
  }
  if (positions.size > 0) {
    const onlyJudged = deck.quiz.every((item) => item.format === 'true-false');
    const spread = onlyJudged ? 2 : wantedOptions;
    const counts = Array.from({ length: spread }, (_, index) => positions.get(index) ?? 0);
    if (Math.max(...counts) - Math.min(...counts) > 1) {
      problems.push(`${deck.id}: answer positions uneven ${counts}`);
    }
  }
  if (Math.abs((truths[0] ?? 0) - (truths[1] ?? 0)) > 1) {
    problems.push(`${deck.id}: true and false statements uneven ${truths}`);
  }
  return problems;
}

const names = (text: string, topic: Topic) =>
  termsOf(topic.title).find((term) => mentions(text, term));

/** A topic's own name, or its name with a note that tells it from another of the same title. */
const isLabelOf = (option: string | undefined, topic: Topic) =>
  option === topic.title || (option?.startsWith(`${topic.title} (`) ?? false);

function pickTermProblems(item: QuizItem, topic: Topic, options: Topic[], where: string): string[] {
  const problems: string[] = [];
  options.forEach((option, index) => {
    if (!isLabelOf(item.options[index], option)) {
      problems.push(`${where}: option ${index} is not the title of ${option.title}`);
    }
    const named = names(item.prompt, option);
    if (named === undefined) return;
    const whose = option === topic ? 'the answer' : 'the distractor';
    problems.push(`${where}: prompt names ${whose} "${named}"`);
  });
  if (item.prompt.replace(/^Which topic does this describe\?/, '').trim().length < 10) {
    problems.push(`${where}: prompt holds no sentence`);
  }
  // Where every blank takes a plural verb, a singular option is ruled out by grammar alone.
  const verbs = [...item.prompt.matchAll(/_____ (is|are|has|have|was|were)\b/g)].map((m) => m[1]);
  if (
    verbs.length > 0 &&
    verbs.every((verb) => verb === 'are' || verb === 'have' || verb === 'were')
  ) {
    for (const option of options) {
      const head =
        option.title
          .replace(/\([^)]*\)/g, '')
          .trim()
          .split(/\s+/)
          .pop() ?? '';
      if (!/s$/.test(head) && !/\band\b|&|,/.test(option.title)) {
        problems.push(`${where}: "${option.title}" reads as singular before a plural verb`);
      }
    }
  }
  return problems;
}

function pickDescriptionProblems(item: QuizItem, options: Topic[], where: string): string[] {
  const problems: string[] = [];
  item.options.forEach((text, index) => {
    if (text.replace(/_____/g, '').trim().length < 10) {
      problems.push(`${where}: option ${index} holds no sentence`);
    }
    for (const option of options) {
      const named = names(text, option);
      if (named !== undefined) problems.push(`${where}: option ${index} names "${named}"`);
    }
  });
  return problems;
}

function trueFalseProblems(
  item: QuizItem,
  topic: Topic,
  byId: ReadonlyMap<string, Topic>,
  where: string,
): string[] {
  const problems: string[] = [];
  if (item.options.join() !== 'True,False') problems.push(`${where}: options are not True, False`);
  const stated = item.statedTopicId === undefined ? undefined : byId.get(item.statedTopicId);
  if (!stated) return [...problems, `${where}: states no topic of the deck`];
  if (item.answerIndex !== (stated === topic ? 0 : 1)) {
    problems.push(`${where}: answer ${item.answerIndex} does not fit the statement`);
  }
  const question = `True or false: this describes ${topic.title}`;
  if (!item.prompt.startsWith(question)) problems.push(`${where}: does not ask about its topic`);
  const statement = item.prompt.slice(item.prompt.indexOf('.', question.length) + 1);
  for (const about of [topic, stated]) {
    const named = names(statement, about);
    if (named !== undefined) problems.push(`${where}: statement names "${named}"`);
  }
  if (statement.replace(/_____/g, '').trim().length < 10) {
    problems.push(`${where}: statement holds no sentence`);
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
