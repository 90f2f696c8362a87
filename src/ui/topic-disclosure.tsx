import { useId, useState } from 'react';
import type { Topic } from '../domain/deck';
import { MarkdownText } from './markdown-text';
import { ResourceList } from './resource-list';

/** A topic's title as a button that shows or hides its description and resources. */
export function TopicDisclosure({ topic }: { topic: Topic }) {
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
