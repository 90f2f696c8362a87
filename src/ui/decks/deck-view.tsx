import type { ReactNode } from 'react';
import type { Deck } from '../../domain/deck';
import type { CardId, TopicId } from '../../domain/ids';
import type { TopicMastery } from '../../scheduler/mastery';
import { MarkdownText } from '../common/markdown-text';
import { plural } from '../common/plural';
import { ResourceList } from '../common/resource-list';
import { TopicDisclosure } from './topic-disclosure';

interface DeckViewProps {
  deck: Deck;
  /** Study actions, counts and mastery, shown under the title. */
  summary?: ReactNode;
  topicMastery?: ReadonlyMap<TopicId, TopicMastery> | undefined;
  /** Topics with a card whose text changed since the learner last reviewed it. */
  changedTopics?: ReadonlySet<TopicId>;
}

export function DeckView({ deck, summary, topicMastery, changedTopics }: DeckViewProps) {
  const topicsById = new Map(deck.topics.map((topic) => [topic.id, topic]));
  const topicCards = cardsByTopic(deck);
  const studyCards = deck.cards.filter((card) => card.kind !== 'quiz').length;
  return (
    <div className="page">
      <h1>{deck.title}</h1>
      <p className="muted">
        {plural(deck.topics.length, 'topic')} · {plural(studyCards, 'card')} ·{' '}
        {plural(deck.quiz.length, 'quiz question')}
      </p>
      {summary}
      {deck.sections.map((section) => (
        <section key={section.id} className="deck-section" aria-labelledby={`${section.id}-title`}>
          <h2 id={`${section.id}-title`}>{section.title}</h2>
          {section.description && <MarkdownText markdown={section.description} />}
          {section.resources.length > 0 && <ResourceList resources={section.resources} />}
          <ul className="topic-list">
            {section.topicIds.map((topicId) => {
              const topic = topicsById.get(topicId);
              return topic ? (
                <li key={topic.id}>
                  <TopicDisclosure
                    topic={topic}
                    cardIds={topicCards.get(topic.id) ?? []}
                    mastery={topicMastery?.get(topic.id)}
                    changed={changedTopics?.has(topic.id) ?? false}
                  />
                </li>
              ) : null;
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}

function cardsByTopic(deck: Deck): Map<TopicId, CardId[]> {
  const byTopic = new Map<TopicId, CardId[]>();
  for (const card of deck.cards) {
    const ids = byTopic.get(card.topicId);
    if (ids) ids.push(card.id);
    else byTopic.set(card.topicId, [card.id]);
  }
  return byTopic;
}
