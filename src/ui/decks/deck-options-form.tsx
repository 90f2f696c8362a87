import { type FormEvent, useState } from 'react';
import { type DeckOptions, withDeckOptions } from '../../domain/deck-options';
import type { DeckId } from '../../domain/ids';
import { desiredRetentionRange } from '../../domain/progress';
import { useAppStore } from '../common/app-store';

type Drafts = Record<keyof DeckOptions, string>;

const asText = (value: number | undefined) => (value === undefined ? '' : String(value));

/**
 * A deck's own daily limits and desired retention. An empty field follows the global setting,
 * which its label names, so the learner always sees which value applies.
 */
export function DeckOptionsForm({ deckId, deckTitle }: { deckId: DeckId; deckTitle: string }) {
  const settings = useAppStore((state) => state.settings);
  const saveSettings = useAppStore((state) => state.saveSettings);
  const own = settings.deckOptions[deckId] ?? {};
  const [drafts, setDrafts] = useState<Drafts>(() => ({
    newPerDay: asText(own.newPerDay),
    reviewsPerDay: asText(own.reviewsPerDay),
    desiredRetention: asText(own.desiredRetention && Math.round(own.desiredRetention * 100)),
  }));
  const [outcome, setOutcome] = useState<{ text: string; failed: boolean }>();

  const field = (name: keyof DeckOptions, label: string, min: number, max: number) => (
    <label>
      {label}
      <input
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        value={drafts[name]}
        placeholder="Global"
        onChange={(event) => {
          const { value } = event.currentTarget;
          setDrafts((current) => ({ ...current, [name]: value }));
        }}
      />
    </label>
  );

  async function save(event: FormEvent) {
    event.preventDefault();
    const number = (text: string) => (text.trim() === '' ? undefined : Number(text));
    const retentionPercent = number(drafts.desiredRetention);
    const options = {
      newPerDay: number(drafts.newPerDay),
      reviewsPerDay: number(drafts.reviewsPerDay),
      desiredRetention: retentionPercent === undefined ? undefined : retentionPercent / 100,
    };
    try {
      await saveSettings(withDeckOptions(settings, deckId, options));
      setOutcome({ text: `Saved the options of ${deckTitle}`, failed: false });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      setOutcome({ text: `Not saved: ${reason}`, failed: true });
    }
  }

  const percent = (value: number) => Math.round(value * 100);
  return (
    <form className="deck-options" onSubmit={save} aria-label={`Options of ${deckTitle}`}>
      <p className="hint">Leave a field empty to follow Settings.</p>
      {field(
        'newPerDay',
        `New cards per day in this deck (Settings: ${settings.newPerDay})`,
        0,
        9999,
      )}
      {field(
        'reviewsPerDay',
        `Reviews per day in this deck (Settings: ${settings.reviewsPerDay})`,
        0,
        99999,
      )}
      {field(
        'desiredRetention',
        `Desired retention in this deck, % (Settings: ${percent(settings.desiredRetention)})`,
        percent(desiredRetentionRange.min),
        percent(desiredRetentionRange.max),
      )}
      <div className="actions">
        <button type="submit" className="button">
          Save deck options
        </button>
      </div>
      <p
        className={outcome?.failed ? 'error' : 'muted'}
        role={outcome?.failed ? 'alert' : 'status'}
      >
        {outcome?.text}
      </p>
    </form>
  );
}
