import { useId, useMemo, useState } from 'react';
import { descriptionGist } from '../../markdown/description-gist';
import { MarkdownText } from '../common/markdown-text';

/**
 * A term card's answer: the gist of the description, which a learner can hold their recall up
 * against, and the rest behind a **More** button, there for whoever wants it.
 */
export function AnswerGist({ description }: { description: string }) {
  const { gist, rest } = useMemo(() => descriptionGist(description), [description]);
  const [expanded, setExpanded] = useState(false);
  const panelId = useId();
  return (
    <div className="answer-gist">
      <MarkdownText markdown={gist} />
      {rest !== '' && (
        <>
          <button
            type="button"
            className="more-button"
            aria-expanded={expanded}
            aria-controls={panelId}
            onClick={() => setExpanded((open) => !open)}
          >
            <span className="chevron" aria-hidden="true" />
            More
          </button>
          <div id={panelId} hidden={!expanded}>
            {expanded && <MarkdownText markdown={rest} />}
          </div>
        </>
      )}
    </div>
  );
}
