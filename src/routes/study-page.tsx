import { useMemo, useState } from 'react';
import { useLocation, useParams } from 'react-router-dom';
import type { DeckSummary } from '../domain/deck-summary';
import { parseCustomStudy } from '../scheduler/custom-study';
import { extraNewCardsToday } from '../scheduler/new-limit-raise';
import { LoadedGate } from '../ui/app/loaded-gate';
import { useAppStore, useAppStoreApi } from '../ui/common/app-store';
import { readNewLimitRaise } from '../ui/common/new-limit-raise-storage';
import { useDocumentTitle } from '../ui/common/use-document-title';
import { type Loaded, useDeckSummaries } from '../ui/decks/use-decks';
import { StudySession } from '../ui/study/study-session';
import { useCardIdsReadAhead } from '../ui/study/use-card-ids-read-ahead';
import { useFirstDeckReadAhead } from '../ui/study/use-first-deck-read-ahead';
import type { SessionOptions } from '../ui/study/use-study-session';

/**
 * `/decks/:deckId/study` studies one deck, `?custom=…` custom study of it; `/study` every deck's
 * due cards. All start from the deck summaries: the session loads a deck only when one of its
 * cards comes up.
 */
export default function StudyPage() {
  const { deckId } = useParams();
  return deckId === undefined ? <StudyAllDue /> : <StudyOneDeck deckId={deckId} />;
}

function StudyOneDeck({ deckId }: { deckId: string }) {
  // Every bundled deck is listed from the start: its session need not wait for imported decks.
  const listed = useAppStore((catalog) =>
    catalog.summaries.find((summary) => summary.id === deckId),
  );
  return listed ? <StudyListedDeck summary={listed} /> : <StudyUnlistedDeck />;
}

function StudyListedDeck({ summary }: { summary: DeckSummary }) {
  // One array per summary, not per render: a new one would start the session over.
  const loaded = useMemo(() => ({ status: 'ready', value: [summary] }) as const, [summary]);
  const { pathname, search } = useLocation();
  const store = useAppStoreApi();
  const eventsForCards = useAppStore((progress) => progress.eventsForCards);
  const dayStartHour = useAppStore((progress) => progress.settings.dayStartHour);
  // Read when the session starts: a raise made meanwhile in another tab waits for the next one.
  const [raise] = useState(() => readNewLimitRaise(summary.id));
  const options = useMemo((): SessionOptions => {
    const custom = parseCustomStudy(search);
    return {
      resumeKey: pathname + search,
      extraNewCards: extraNewCardsToday(raise, dayStartHour, Date.now()),
      ...(custom && {
        // Its code loads only for custom study.
        chooseCards: async (inputs) => {
          const { chooseCustomCards } = await import('../ui/study/choose-custom-cards');
          const { controls } = store.getState();
          return chooseCustomCards(custom, { eventsForCards, controls }, inputs);
        },
      }),
    };
  }, [pathname, search, raise, dayStartHour, store, eventsForCards]);
  return <StudyLoaded loaded={loaded} title={summary.title} options={options} />;
}

/** Waits for the imported decks; once one has this id, `StudyOneDeck` lists it instead. */
function StudyUnlistedDeck() {
  const all = useDeckSummaries();
  return (
    <StudyLoaded
      loaded={all.status === 'ready' ? { status: 'missing' } : all}
      title="Study"
      options={allDueOptions}
    />
  );
}

const allDueOptions: SessionOptions = { resumeKey: '/study', fromKeptHead: true };

function StudyAllDue() {
  const summaries = useAppStore((catalog) => catalog.summaries);
  useCardIdsReadAhead(summaries);
  useFirstDeckReadAhead(summaries);
  return <StudyLoaded loaded={useDeckSummaries()} title="All due cards" options={allDueOptions} />;
}

function StudyLoaded({
  loaded,
  title,
  options,
}: {
  loaded: Loaded<readonly DeckSummary[]>;
  title: string;
  options: SessionOptions;
}) {
  useDocumentTitle(`Study ${title}`);
  return (
    <LoadedGate loaded={loaded}>
      {(summaries) => <StudySession title={title} summaries={summaries} options={options} />}
    </LoadedGate>
  );
}
