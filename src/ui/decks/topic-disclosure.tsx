import { useId, useState } from 'react';
import type { Topic } from '../../domain/deck';
import type { TopicMastery } from '../../scheduler/mastery';
import { MarkdownText } from '../shared/markdown-text';
import { ResourceList } from '../shared/resource-list';
import { MasteryBar } from './mastery-bar';

/** A topic's title as a button that shows or hides its description and resources. */
export function TopicDisclosure({
  topic,
  mastery,
  changed = false,
}: {
  topic: Topic;
  mastery?: TopicMastery | undefined;
  changed?: boolean;
}) {
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
          </>
        )}
      </div>
    </div>
  );
}
