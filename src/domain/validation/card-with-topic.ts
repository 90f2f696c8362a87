import { type CardKind, cardKinds, type Resource, resourceTypes, type Topic } from '../deck';
import type { CardWithTopic } from '../deck-card-lookup';
import { isObject, isText } from './parsed';

// A study card and its topic kept outside its deck (with the head of "Study all due"), checked
// before it is shown: a damaged record must not put a script link on screen.

const isString = (value: unknown): value is string => typeof value === 'string';

/** Links only to the web, as the compiler keeps them. */
const isWebAddress = (value: unknown) => isString(value) && /^https?:\/\/[^\s/]/i.test(value);

function isResource(value: unknown): value is Resource {
  return (
    isObject(value) &&
    resourceTypes.includes(value.type as Resource['type']) &&
    isString(value.title) &&
    isWebAddress(value.url)
  );
}

function isTopic(value: unknown): value is Topic {
  return (
    isObject(value) &&
    isText(value.id) &&
    isString(value.title) &&
    isString(value.sectionId) &&
    isString(value.description) &&
    Array.isArray(value.resources) &&
    value.resources.every(isResource)
  );
}

/** Whether `value` is a whole study card, with its topic or none, for `cardId`. */
export function isCardWithTopic(value: unknown, cardId: string): value is CardWithTopic {
  if (!isObject(value) || !isObject(value.card)) return false;
  const { card, topic } = value;
  return (
    card.id === cardId &&
    isText(card.topicId) &&
    card.kind !== 'quiz' &&
    cardKinds.includes(card.kind as CardKind) &&
    isString(card.front) &&
    isString(card.back) &&
    isString(card.contentHash) &&
    (topic === undefined || (isTopic(topic) && topic.id === card.topicId))
  );
}
