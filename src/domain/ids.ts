// Branded ids: a card id can never be passed where a topic id is expected, though both are strings
// on disk and in JSON.
declare const brand: unique symbol;
type Brand<T, Name extends string> = T & { readonly [brand]: Name };

export type DeckId = Brand<string, 'DeckId'>;
export type SectionId = Brand<string, 'SectionId'>;
export type TopicId = Brand<string, 'TopicId'>;
export type CardId = Brand<string, 'CardId'>;
export type QuizItemId = Brand<string, 'QuizItemId'>;

export const deckId = (value: string) => value as DeckId;
export const sectionId = (value: string) => value as SectionId;
export const topicId = (value: string) => value as TopicId;
export const cardId = (value: string) => value as CardId;
export const quizItemId = (value: string) => value as QuizItemId;
