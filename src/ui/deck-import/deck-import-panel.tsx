import {
  type ComponentType,
  type DragEvent,
  Fragment,
  type ReactNode,
  useId,
  useState,
} from 'react';
import { warningLocation } from '../../compiler/warning-location';
import type { SharedTopics } from '../../deck-edits/shared-topics';
import type { CompileWarning } from '../../domain/compile';
import { FilePicker } from '../common/file-picker';
import { plural } from '../common/plural';
import type { ReadFiles } from './deck-import-files';
import { droppedEntries } from './dropped-entries';
import './deck-import.css';
import { useAppStore, useAppStoreApi } from '../common/app-store';

interface ImportedDeck {
  readonly deckId: string;
  readonly title: string;
  /** The deck replaced one imported before under the same id. */
  readonly updated: boolean;
  /** Other decks holding some of its topics: one card each, with one progress. */
  readonly sharedWith: readonly SharedTopics[];
}

type Outcome =
  | { readonly kind: 'idle' }
  | { readonly kind: 'working' }
  | {
      readonly kind: 'done' | 'failed';
      /** Empty when failed. */
      readonly decks: readonly ImportedDeck[];
      readonly warnings: readonly CompileWarning[];
      readonly skipped: readonly string[];
    };

const idle: Outcome = { kind: 'idle' };

type DeckFileReaders = typeof import('./deck-import-files');

/**
 * The router's `Link`, handed in by the page: imported by this lazy chunk, the router would be
 * split out of the first screen's chunk, which the first screen would pay for (about 900 bytes).
 */
type LinkComponent = ComponentType<{ to: string; children: ReactNode }>;

/** File pickers and a drop zone that turn deck files and folders into imported decks. */
export function DeckImportPanel({ Link }: { Link: LinkComponent }) {
  const store = useAppStoreApi();
  const importDeckSources = useAppStore((state) => state.importDeckSources);
  const notKeptReason = useAppStore((state) => state.importsNotKeptReason);
  const [outcome, setOutcome] = useState<Outcome>(idle);
  const [dragging, setDragging] = useState(false);
  const [error, setError] = useState<string>();
  const headingId = useId();
  const working = outcome.kind === 'working';

  async function importFrom(read: (readers: DeckFileReaders) => Promise<ReadFiles>) {
    setOutcome({ kind: 'working' });
    setError(undefined);
    try {
      // Loaded on first use: the first screen does not pay for reading and grouping files.
      const [readers, { groupImportFiles }] = await Promise.all([
        import('./deck-import-files'),
        import('../../compiler/group-import-files'),
      ]);
      const { files, skipped } = await read(readers);
      if (files.length === 0) {
        setError('Nothing imported: none of these files is a .md, .markdown or .txt file.');
        setOutcome({ kind: 'failed', decks: [], warnings: [], skipped });
        return;
      }
      const before = new Set(
        store
          .getState()
          .summaries.filter((summary) => summary.imported)
          .map((summary) => summary.id as string),
      );
      const { deckIds, warnings, sharedTopics } = await importDeckSources(
        groupImportFiles(files).sources,
      );
      if (deckIds.length === 0) {
        setError('Nothing imported: these files hold no topic with a description.');
        setOutcome({ kind: 'failed', decks: [], warnings, skipped });
        return;
      }
      const loaded = store.getState().loadedDecks;
      const decks = deckIds.map((deckId) => ({
        deckId,
        title: loaded[deckId]?.title ?? deckId,
        updated: before.has(deckId),
        sharedWith: sharedTopics[deckId] ?? [],
      }));
      setOutcome({ kind: 'done', decks, warnings, skipped });
    } catch (caught) {
      setError(`Nothing imported: ${caught instanceof Error ? caught.message : String(caught)}`);
      setOutcome(idle);
    }
  }

  function pick(event: { currentTarget: HTMLInputElement }) {
    const input = event.currentTarget;
    const picked = [...(input.files ?? [])];
    void importFrom((readers) => readers.readInputFiles(picked));
    // Cleared, so that picking the same files again (an edited deck) is a change too.
    input.value = '';
  }

  function drop(event: DragEvent<HTMLElement>) {
    event.preventDefault();
    setDragging(false);
    if (working) return;
    const entries = droppedEntries(event.dataTransfer);
    const files = [...event.dataTransfer.files];
    void importFrom((readers) =>
      entries.length > 0 ? readers.readDroppedEntries(entries) : readers.readInputFiles(files),
    );
  }

  function dragOver(event: DragEvent<HTMLElement>) {
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  }

  return (
    <section
      className={`deck-import${dragging ? ' dragging' : ''}`}
      aria-labelledby={headingId}
      onDragOver={dragOver}
      onDragLeave={() => setDragging(false)}
      onDrop={drop}
    >
      <h2 id={headingId}>Add your own decks</h2>
      <p className="muted">
        Pick deck files or a folder. A folder of roadmap.sh topic files (<code>slug@id.md</code>)
        becomes one deck, as do several topic files picked together; any other <code>.md</code> or{' '}
        <code>.txt</code> file is a deck of its own, with <code>##</code> sections and{' '}
        <code>###</code> topics. Decks stay in this browser; importing a deck again updates it and
        keeps its progress.
      </p>
      <div className="deck-import-pickers">
        <FilePicker
          label="Import deck"
          accept=".md,.markdown,.txt"
          multiple
          disabled={working}
          onChange={pick}
        />
        <FilePicker label="Import deck folder" folder disabled={working} onChange={pick} />
      </div>
      <p className="drop-hint" aria-hidden="true">
        Drop files or a folder anywhere in this box
      </p>
      <div role="status">
        {working && 'Importing…'}
        {outcome.kind === 'done' && <ImportedText decks={outcome.decks} Link={Link} />}
        {outcome.kind !== 'idle' && outcome.kind !== 'working' && outcome.skipped.length > 0 && (
          <p>
            {plural(outcome.skipped.length, 'file')} skipped, not a deck file:{' '}
            {outcome.skipped.join(', ')}
          </p>
        )}
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {notKeptReason && (
        <p className="error" role="alert">
          Imported decks cannot be kept in this browser ({notKeptReason}): they last only until this
          tab closes.
        </p>
      )}
      {outcome.kind !== 'idle' && outcome.kind !== 'working' && outcome.warnings.length > 0 && (
        <ImportWarnings warnings={outcome.warnings} />
      )}
    </section>
  );
}

function ImportedText({ decks, Link }: { decks: readonly ImportedDeck[]; Link: LinkComponent }) {
  const updated = decks.some((deck) => deck.updated);
  return (
    <>
      <p>
        Imported {plural(decks.length, 'deck')}:{' '}
        {decks.map((deck, index) => (
          <Fragment key={deck.deckId}>
            {index > 0 && ', '}
            <Link to={`/decks/${encodeURIComponent(deck.deckId)}`}>{deck.title}</Link>
            {deck.updated && ' (updated)'}
          </Fragment>
        ))}
        .{updated && ' An updated deck keeps its progress.'}
      </p>
      {decks.flatMap((deck) =>
        deck.sharedWith.map((other) => (
          <p key={`${deck.deckId} ${other.deckId}`}>
            {sharedTopicsText(decks.length === 1 ? 'this deck' : deck.title, other)}
          </p>
        )),
      )}
    </>
  );
}

function sharedTopicsText(deckName: string, other: SharedTopics): string {
  const one = other.topicCount === 1;
  return `${plural(other.topicCount, 'topic')} of ${deckName} ${one ? 'is' : 'are'} also in ${other.title}: ${one ? 'its' : 'their'} progress is shared.`;
}

function ImportWarnings({ warnings }: { warnings: readonly CompileWarning[] }) {
  const headingId = useId();
  return (
    <section className="import-warnings" aria-labelledby={headingId}>
      <h3 id={headingId}>{plural(warnings.length, 'warning')}</h3>
      <ul>
        {warnings.map((warning, index) => (
          // Warnings can repeat word for word; their order is fixed, so the index is a stable key.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <li key={index}>
            <code>{warningLocation(warning)}</code>: {warning.message}
          </li>
        ))}
      </ul>
    </section>
  );
}
