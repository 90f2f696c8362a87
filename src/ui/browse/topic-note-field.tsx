import { useId, useRef, useState } from 'react';
import type { TopicId } from '../../domain/ids';
import { useAppStore } from '../common/app-store';

/**
 * The learner's note on a topic, saved when the field loses focus or with Save. Keyed by topic
 * where it is used, so that each topic starts from its own saved text.
 */
export function TopicNoteField({ topicId }: { topicId: TopicId }) {
  const saved = useAppStore((state) => state.notes.get(topicId)?.text ?? '');
  const saveNote = useAppStore((state) => state.saveNote);
  const [draft, setDraft] = useState(saved);
  const [status, setStatus] = useState<{ text: string; failed: boolean }>();
  // A blur and the Save click that caused it come together: the text is stored once.
  const storedRef = useRef(saved);
  const id = useId();

  async function save() {
    if (draft === storedRef.current) return;
    const text = draft;
    storedRef.current = text;
    try {
      await saveNote(topicId, text);
      setStatus({ text: text === '' ? 'Note cleared' : 'Note saved', failed: false });
    } catch (error) {
      storedRef.current = saved;
      setStatus({
        text: `The note was not saved: ${error instanceof Error ? error.message : String(error)}`,
        failed: true,
      });
    }
  }

  return (
    <div className="topic-note">
      <label htmlFor={id}>Note</label>
      <textarea
        id={id}
        rows={3}
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={() => void save()}
      />
      <div className="topic-note-footer">
        <button type="button" className="button" onClick={() => void save()}>
          Save note
        </button>
        <span role="status">{status && !status.failed ? status.text : ''}</span>
      </div>
      {status?.failed && (
        <p role="alert" className="error">
          {status.text}
        </p>
      )}
    </div>
  );
}
