import { useId, useState } from 'react';
import type { Topic } from '../../domain/deck';
import type { CardId } from '../../domain/ids';
import type { TopicMastery } from '../../scheduler/mastery';
import { useAppStore } from '../common/app-store';
import { CardActions } from '../common/card-actions';
import { MarkdownText } from '../common/markdown-text';
import { ResourceList } from '../common/resource-list';
import { MasteryBar } from './mastery-bar';
import { TopicNote } from './topic-note';

/**
 * A topic's title as a button that shows or hides its description and resources, the learner's
 * note, and the actions on the topic's cards.
 */
export function TopicDisclosure({
  topic,
  cardIds = [],
  mastery,
  changed = false,
}: {
  topic: Topic;
  /** The topic's cards, for its actions; none hides them. */
  cardIds?: readonly CardId[];
  mastery?: TopicMastery | undefined;
  changed?: boolean;
}) {
  const hasNote = useAppStore((state) => (state.notes.get(topic.id)?.text ?? '') !== '');
  const [expanded, setExpanded] = useState(false);
  const panelId = useId();
  return (
    <div className="topic">
      <h3 className="topic-heading">
        <button
          type="button"
          aria-expanded={expanded}
          aria-controls={panelId}
          onClick={() => setExpanded((open) => !open)}
        >
          <span className="chevron" aria-hidden="true" />
          {topic.title}
          {hasNote && (
            <>
              {' '}
              <span className="badge note">Note</span>
            </>
          )}
        </button>
      </h3>
      {mastery && (
        <div className="topic-mastery">
          <MasteryBar label={`${topic.title} mastery`} mastery={mastery.mastery} />
          {mastery.mastered && <span className="badge mastered">Mastered</span>}
          {changed && <span className="badge changed">Changed since your last review</span>}
        </div>
      )}
      <div id={panelId} className="topic-panel" hidden={!expanded}>
        {expanded && (
          <>
            <MarkdownText markdown={topic.description} />
            {topic.resources.length > 0 && <ResourceList resources={topic.resources} />}
            <TopicNote topicId={topic.id} />
            {cardIds.length > 0 && (
              <section aria-label={`${topic.title} cards`}>
                <CardActions cardIds={cardIds} />
              </section>
            )}
          </>
        )}
      </div>
    </div>
  );
}
