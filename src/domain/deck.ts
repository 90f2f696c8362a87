import type { CardId, DeckId, QuizItemId, SectionId, TopicId } from './ids';

/** The kinds of resource roadmap.sh marks with `@type@` in a link label. */
export const resourceTypes = [
  'official',
  'opensource',
  'article',
  'video',
  'course',
  'book',
  'podcast',
  'feed',
  'roadmap',
  'website',
  'other',
] as const;
export type ResourceType = (typeof resourceTypes)[number];

export interface Resource {
  readonly type: ResourceType;
  readonly title: string;
  /** Always http or https: the compiler drops every other scheme. */
  readonly url: string;
}

export interface Section {
  readonly id: SectionId;
  readonly title: string;
  readonly topicIds: readonly TopicId[];
  /** The text under a `##` heading before its first topic, as markdown; empty when there is none. */
  readonly description: string;
  readonly resources: readonly Resource[];
}

export interface Topic {
  readonly id: TopicId;
  readonly title: string;
  readonly sectionId: SectionId;
  /** Markdown source, raw HTML included as text: renderers must never interpret it as HTML. */
  readonly description: string;
  readonly resources: readonly Resource[];
}

/**
 * `term`: the term on the front, its description on the back. `recall`: the description with the
 * term masked on the front, the term on the back. `quiz`: the topic's multiple-choice item.
 */
export const cardKinds = ['term', 'recall', 'quiz'] as const;
export type CardKind = (typeof cardKinds)[number];
export type StudyCardKind = Exclude<CardKind, 'quiz'>;

export interface Card {
  readonly id: CardId;
  readonly topicId: TopicId;
  readonly kind: CardKind;
  readonly front: string;
  readonly back: string;
  /** Tells that a card's text changed between builds; never its identity. */
  readonly contentHash: string;
}

/**
 * `pick-term`: a description, which topic? `pick-description`: a topic, which description (options
 * are excerpts with their own terms blanked)? `true-false`: is this the topic's description?
 */
export const quizFormats = ['pick-term', 'pick-description', 'true-false'] as const;
export type QuizFormat = (typeof quizFormats)[number];

export interface QuizItem {
  /** Equal to the topic's `quiz` card id, so a quiz answer is a review of that card. */
  readonly id: QuizItemId;
  readonly topicId: TopicId;
  /** Absent in decks compiled before formats existed: those are all `pick-term`. */
  readonly format?: QuizFormat;
  readonly prompt: string;
  readonly options: readonly string[];
  readonly answerIndex: number;
  readonly explanation: string;
  /** `pick-term` and `pick-description`: the topic each option names or describes, in order. */
  readonly optionTopicIds?: readonly TopicId[];
  /** `true-false`: the topic whose description the statement shows (the answer's or a sibling's). */
  readonly statedTopicId?: TopicId;
}

export interface Deck {
  readonly id: DeckId;
  readonly title: string;
  /** The file or folder the deck was compiled from, as it was named to the compiler. */
  readonly source: string;
  readonly sections: readonly Section[];
  readonly topics: readonly Topic[];
  readonly cards: readonly Card[];
  readonly quiz: readonly QuizItem[];
}
