import { useId, useState } from 'react';
import { noteMaxLength } from '../../domain/card-controls';
import type { TopicId } from '../../domain/ids';
import { useAppStore } from '../common/app-store';

/** The learner's own note on a topic: plain text, saved as an event like every other change. */
export function TopicNote({ topicId }: { topicId: TopicId }) {
  const saved = useAppStore((state) => state.notes.get(topicId)?.text ?? '');
  const saveNote = useAppStore((state) => state.saveNote);
  const [draft, setDraft] = useState<string>();
  const [outcome, setOutcome] = useState<{ text: string; failed: boolean }>();
  const hintId = useId();
  const text = draft ?? saved;
  const changed = draft !== undefined && draft !== saved;

  async function save() {
    if (!changed) return;
    try {
      await saveNote(topicId, draft);
      setDraft(undefined);
      setOutcome({ text: 'Note saved', failed: false });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      setOutcome({ text: `The note was not saved: ${reason}`, failed: true });
    }
  }

  return (
    <div className="topic-note">
      <label>
        Note
        <textarea
          value={text}
          maxLength={noteMaxLength}
          rows={3}
          aria-describedby={hintId}
          onChange={(event) => setDraft(event.currentTarget.value)}
        />
      </label>
      <p id={hintId} className="hint">
        Yours alone: shown with the topic's cards, searchable in Browse, kept in backups.
      </p>
      <div className="actions">
        <button type="button" className="button" disabled={!changed} onClick={save}>
          Save note
        </button>
      </div>
      <p
        className={outcome?.failed ? 'error' : 'muted'}
        role={outcome?.failed ? 'alert' : 'status'}
      >
        {outcome?.text}
      </p>
    </div>
  );
}
