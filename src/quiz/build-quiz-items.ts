import type { CompileWarning } from '../domain/compile';
import type { QuizFormat, QuizItem, Topic } from '../domain/deck';
import { quizItemId, type SectionId } from '../domain/ids';
import { termMask } from '../markdown/term-mask';
import { indexDescriptions } from './description-similarity';
import { blankNumber, type GrammarNumber, titleNumber, withoutOpeningVerb } from './grammar-number';
import { maskVerdict } from './mask-verdict';
import { optionExcerpt } from './option-excerpt';
import { pickDistractors, titleKey } from './pick-distractors';
import { promptExcerpt } from './prompt-excerpt';
import { optionLabels } from './repeated-titles';
import { wordsRevealingAnswer } from './revealing-words';
import { lazyShuffle, type Random, shuffled } from './seeded-random';
import type { TermMatcher } from './term-matcher';
import { type TitleKind, titleKind } from './title-kind';

export interface QuizTopic {
  readonly topic: Topic;
  /** Built once per topic by the caller, who masks the recall card with it too. */
  readonly matcher: TermMatcher;
  /** Where the topic was written, for warnings and to tell apart topics of one title. */
  readonly origin: {
    readonly path: string;
    readonly line: number;
    readonly slug: string;
    readonly sectionTitle: string;
  };
}

const quizQuestion = 'Which topic does this describe?';
const describeQuestion = (label: string) => `Which of these describes ${label}?`;
const trueFalseQuestion = (label: string) => `True or false: this describes ${label}.`;
const trueFalseOptions = ['True', 'False'] as const;

// Per four topics: two descriptions to name, one topic to describe, one statement to judge.
const formatMix: readonly QuizFormat[] = [
  'pick-term',
  'pick-term',
  'pick-description',
  'true-false',
];
const maxOptions = 4;
// How many of the closest descriptions are worth trying before seeded random picks.
const closestConsidered = 24;
// Spare descriptions: two templated ones can read the same once their terms are blanked, and one
// whose blank takes the other number than the asked title is left out.
const spareDescriptions = 4;

interface Candidate extends QuizTopic {
  readonly position: number;
  readonly titleKey: string;
  readonly kind: TitleKind;
  readonly number: GrammarNumber;
  readonly excerpt: string;
  readonly label: string;
}

/** An item before its answer's position is fixed. */
type Draft =
  | {
      readonly format: 'pick-term' | 'pick-description';
      readonly prompt: string;
      readonly answer: { readonly text: string; readonly topic: Candidate };
      readonly distractors: readonly { readonly text: string; readonly topic: Candidate }[];
    }
  | {
      readonly format: 'true-false';
      readonly answer: Candidate;
      readonly partner: Candidate;
    };

/**
 * One item per topic, in topic order; none for a deck of fewer than two topics. A deck's items
 * mix the formats by a seeded permutation: half ask for the topic of a description, a quarter
 * for the description of a topic and a quarter whether a description fits a topic. A topic whose
 * term cannot be blanked honestly, or whose blank demands a number too few titles have, is asked
 * the other way round. `mix` sets the share of each format; tests pass one format to study it
 * alone. Right answers are spread evenly over the positions (see `answerPositions`).
 */
export function buildQuizItems(
  entries: readonly QuizTopic[],
  random: Random,
  warnings: CompileWarning[],
  mix: readonly QuizFormat[] = formatMix,
): QuizItem[] {
  if (entries.length < 2) return [];
  const { labels, repeats } = optionLabels(
    entries.map(({ topic, origin }) => ({
      title: topic.title,
      sectionTitle: origin.sectionTitle,
      slug: origin.slug,
    })),
  );
  for (const { position, firstPosition } of repeats) {
    const entry = entries[position];
    const first = entries[firstPosition];
    if (!entry || !first) continue;
    warnings.push({
      path: entry.origin.path,
      line: entry.origin.line,
      message: `the title "${entry.topic.title}" is also the title of ${first.origin.path}:${first.origin.line}; quiz options call this one "${labels[position]}"`,
    });
  }
  const candidates: Candidate[] = entries.map((entry, position) => ({
    ...entry,
    position,
    titleKey: titleKey(entry.topic.title),
    kind: titleKind(entry.topic.title),
    number: titleNumber(entry.topic.title),
    excerpt: promptExcerpt(entry.topic.description),
    label: labels[position] ?? entry.topic.title,
  }));
  const bySection = new Map<SectionId, Candidate[]>();
  for (const candidate of candidates) {
    const group = bySection.get(candidate.topic.sectionId);
    if (group) group.push(candidate);
    else bySection.set(candidate.topic.sectionId, [candidate]);
  }
  const index = indexDescriptions(entries.map((entry) => entry.topic.description));
  const optionCount = Math.min(
    maxOptions,
    new Set(entries.map((entry) => titleKey(entry.topic.title))).size,
  );
  const wantedFormats = shuffled(
    candidates.map((_, position) => mix[position % mix.length] ?? 'pick-term'),
    random,
  );

  const drafts = candidates.map((candidate): Draft => {
    const closest = index
      .closestTo(candidate.position, closestConsidered)
      .map((position) => candidates[position])
      .filter((other) => other !== undefined);
    const groups = () => candidateGroups(candidate, closest, candidates, bySection, random);
    const wanted = wantedFormats[candidate.position] ?? 'pick-term';
    if (wanted === 'pick-term') {
      const draft = pickTermDraft(candidate, groups(), optionCount - 1);
      if (draft) return draft;
    }
    if (wanted === 'true-false') {
      // A partner of the other number would read "_____ are" under a singular title: false at a glance.
      const partner = pickDistractors(candidate, groups(), {
        count: 1,
        prompt: '',
        number: candidate.number,
      }).distractors[0];
      if (partner) return { format: 'true-false', answer: candidate, partner };
    }
    return pickDescriptionDraft(candidate, groups(), optionCount - 1);
  });

  const answerIndexes = answerPositions(drafts, optionCount, random);
  return drafts.map((draft, position) => finishItem(draft, answerIndexes[position] ?? 0));
}

/**
 * Where each item's right answer goes. True-false items take True and False in turn, in seeded
 * order; each multiple-choice item then takes the position right least often so far, so over the
 * deck every position is right equally often (to within one), whatever the mix of formats.
 */
function answerPositions(drafts: readonly Draft[], optionCount: number, random: Random): number[] {
  const counts = Array.from({ length: optionCount }, () => 0);
  const positions = drafts.map(() => 0);
  const indexesOf = (judged: boolean) =>
    shuffled(
      drafts.flatMap((draft, index) => ((draft.format === 'true-false') === judged ? [index] : [])),
      random,
    );
  for (const [order, index] of indexesOf(true).entries()) {
    positions[index] = order % 2;
    if (order % 2 < optionCount) counts[order % 2] = (counts[order % 2] ?? 0) + 1;
  }
  for (const index of indexesOf(false)) {
    const draft = drafts[index];
    if (!draft || draft.format === 'true-false') continue;
    let least = 0;
    for (let position = 1; position < counts.length; position++) {
      if ((counts[position] ?? 0) < (counts[least] ?? 0)) least = position;
    }
    counts[least] = (counts[least] ?? 0) + 1;
    positions[index] = least % (draft.distractors.length + 1);
  }
  return positions;
}

/**
 * Distractor candidates in the order to try them: the answer's section, then the rest of the deck;
 * in each, the closest descriptions first, then the others in seeded random order.
 */
function candidateGroups(
  answer: Candidate,
  closest: readonly Candidate[],
  candidates: readonly Candidate[],
  bySection: ReadonlyMap<SectionId, readonly Candidate[]>,
  random: Random,
): Iterable<Candidate>[] {
  const siblings = bySection.get(answer.topic.sectionId) ?? [];
  const sectionOf = (inSection: boolean) =>
    closest.filter(
      (candidate) => (candidate.topic.sectionId === answer.topic.sectionId) === inSection,
    );
  const groups = [withRandomRest(sectionOf(true), siblings, random)];
  if (siblings.length < candidates.length) {
    groups.push(withRandomRest(sectionOf(false), candidates, random));
  }
  return groups;
}

function* withRandomRest<T>(first: readonly T[], all: readonly T[], random: Random): Generator<T> {
  yield* first;
  yield* lazyShuffle(all, random);
}

function pickTermDraft(
  answer: Candidate,
  groups: Iterable<Candidate>[],
  count: number,
): Draft | undefined {
  // The recall card's rule, on the excerpt the prompt shows.
  if (!maskVerdict(answer.matcher, answer.excerpt).honest) return undefined;
  let prompt = answer.matcher.mask(`${quizQuestion} ${answer.excerpt}`);
  const number = blankNumber(prompt);
  // "_____ are" before the title "Avatar" would rule the answer out by grammar alone.
  if (number !== undefined && number !== answer.number) return undefined;
  const { distractors, mentioned } = pickDistractors(answer, groups, { count, prompt, number });
  // A blank that wants a number too few titles have cannot be asked fairly this way round.
  if (number !== undefined && distractors.length < count) return undefined;
  for (const distractor of mentioned) prompt = distractor.matcher.mask(prompt);
  const others = distractors.map((topic) => topic.topic.title);
  // A word only the answer's title holds, left standing in the prompt, would be matched, not
  // recalled: such a topic is asked from its title instead.
  if (wordsRevealingAnswer(answer.topic.title, prompt, others).length > 0) return undefined;
  return {
    format: 'pick-term',
    prompt,
    answer: { text: answer.label, topic: answer },
    distractors: distractors.map((topic) => ({ text: topic.label, topic })),
  };
}

/**
 * Options are excerpts, each with the terms of every option's topic blanked: a description that
 * names another option's topic would otherwise say whose it is not.
 */
function pickDescriptionDraft(
  answer: Candidate,
  groups: Iterable<Candidate>[],
  count: number,
): Draft {
  const { distractors } = pickDistractors(answer, groups, {
    count: count + spareDescriptions,
    prompt: answer.label,
  });
  const topics = [answer, ...distractors];
  const optionText = (topic: Candidate, shown: readonly Candidate[]) =>
    withoutOpeningVerb(
      shown.reduce((masked, other) => hideTerm(other, masked), optionExcerpt(topic.excerpt)),
    );
  const seen = new Set<string>();
  const chosen: Candidate[] = [];
  for (const topic of topics) {
    // Chosen with every candidate's terms blanked, so the options left out cannot matter.
    const text = optionText(topic, topics);
    if (seen.has(text)) continue;
    // "_____ are…" beside "Which of these describes asyncio?" is ruled out by grammar alone.
    const number = blankNumber(text);
    if (topic !== answer && number !== undefined && number !== answer.number) continue;
    seen.add(text);
    chosen.push(topic);
    if (chosen.length > count) break;
  }
  // Shown with only the shown options' terms blanked: a spare's words ("running", "code" of
  // **Running blocking code**) are no answer here.
  const options = chosen.map((topic) => ({ text: optionText(topic, chosen), topic }));
  const [first, ...rest] = options;
  return {
    format: 'pick-description',
    prompt: describeQuestion(answer.label),
    answer: first ?? { text: optionText(answer, topics), topic: answer },
    distractors: rest,
  };
}

/**
 * `text` with the topic's term blanked. A term of symbols alone (`===`) is no word the matcher
 * finds, yet where the question names the topic its description must not show it either.
 */
function hideTerm(topic: Candidate, text: string): string {
  const masked = topic.matcher.mask(text);
  const title = topic.topic.title.trim();
  return /[\p{L}\p{N}]/u.test(title) || title === '' ? masked : masked.split(title).join(termMask);
}

function finishItem(draft: Draft, answerIndex: number): QuizItem {
  if (draft.format === 'true-false') {
    const { answer, partner } = draft;
    // Half the statements are true, half pair the topic with its closest sibling's description.
    const truthful = answerIndex === 0;
    const stated = truthful ? answer : partner;
    const statement = hideTerm(partner, hideTerm(answer, stated.excerpt));
    return {
      id: quizItemId(`${answer.topic.id}:quiz`),
      topicId: answer.topic.id,
      format: 'true-false',
      prompt: `${trueFalseQuestion(answer.label)} ${statement}`,
      options: [...trueFalseOptions],
      answerIndex,
      explanation: answer.topic.description,
      statedTopicId: stated.topic.id,
    };
  }
  const options = [...draft.distractors];
  options.splice(answerIndex, 0, draft.answer);
  const topic = draft.answer.topic.topic;
  return {
    id: quizItemId(`${topic.id}:quiz`),
    topicId: topic.id,
    format: draft.format,
    prompt: draft.prompt,
    options: options.map((option) => option.text),
    answerIndex,
    explanation: topic.description,
    optionTopicIds: options.map((option) => option.topic.topic.id),
  };
}
