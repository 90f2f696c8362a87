import './deck-page.css';
import { useId, useMemo } from 'react';
import { Link, useParams } from 'react-router-dom';
import { summarizeDeck } from '../compiler/summarize-deck';
import type { Deck } from '../domain/deck';
import { LoadedGate } from '../ui/app/loaded-gate';
import { plural } from '../ui/common/plural';
import { useDocumentTitle } from '../ui/common/use-document-title';
import { CustomStudyButton } from '../ui/decks/custom-study-dialog';
import { DeckCounts } from '../ui/decks/deck-counts';
import { DeckFileActions } from '../ui/decks/deck-file-actions';
import { DeckTools } from '../ui/decks/deck-tools';
import { DeckView } from '../ui/decks/deck-view';
import { MasteryBar, MasteryExplanation } from '../ui/decks/mastery-bar';
import { useChangedTopics } from '../ui/decks/use-changed-topics';
import { useDeckProgress } from '../ui/decks/use-deck-progress';
import { useDeck } from '../ui/decks/use-decks';
import { useStudyCount } from '../ui/decks/use-study-count';
import { useTopicMastery } from '../ui/decks/use-topic-mastery';
import { useQuizConfusions } from '../ui/stats/use-quiz-confusions';
import { useStudyClock } from '../ui/study/use-study-clock';

export default function DeckPage() {
  const { deckId = '' } = useParams();
  const loaded = useDeck(deckId);
  return <LoadedGate loaded={loaded}>{(deck) => <DeckDetails deck={deck} />}</LoadedGate>;
}

function DeckDetails({ deck }: { deck: Deck }) {
  useDocumentTitle(deck.title);
  const nowMillis = useStudyClock();
  const summary = useMemo(() => summarizeDeck(deck), [deck]);
  const progress = useDeckProgress(summary, nowMillis);
  const studyCount = useStudyCount(summary, nowMillis);
  const studyCountId = useId();
  const topicMastery = useTopicMastery(deck, nowMillis);
  const confusions = useQuizConfusions(deck);
  const changedTopics = useChangedTopics(deck);
  const titles = new Map(deck.topics.map((topic) => [topic.id, topic.title]));
  const deckPath = `/decks/${encodeURIComponent(deck.id)}`;
  return (
    <DeckView
      deck={deck}
      topicMastery={topicMastery}
      changedTopics={changedTopics}
      summary={
        <div className="deck-summary">
          <div className="actions">
            <Link
              className="button primary"
              to={`${deckPath}/study`}
              aria-describedby={studyCount === undefined ? undefined : studyCountId}
            >
              Study
            </Link>
            {deck.quiz.length > 0 && (
              <Link className="button" to={`${deckPath}/quiz`}>
                Quiz
              </Link>
            )}
            <CustomStudyButton deckId={deck.id} />
            <Link className="button" to={`/browse?deck=${encodeURIComponent(deck.id)}`}>
              Browse cards
            </Link>
            <DeckFileActions deck={deck} />
          </div>
          {studyCount !== undefined && (
            <p id={studyCountId} className="study-count">
              {studyCount === 0
                ? 'No cards to study now'
                : `${plural(studyCount, 'card')} to study now`}
            </p>
          )}
          <DeckTools deck={deck} />
          {progress && (
            <>
              <DeckCounts counts={progress.counts} />
              <MasteryBar label={`${deck.title} mastery`} mastery={progress.mastery?.mastery} />
              <MasteryExplanation />
            </>
          )}
          {confusions && confusions.length > 0 && (
            <section className="confusions" aria-labelledby="confusions-heading">
              <h2 id="confusions-heading">Often confused</h2>
              <ul>
                {confusions.map((confusion) => (
                  <li key={`${confusion.topicId}-${confusion.confusedWithTitle}`}>
                    {titles.get(confusion.topicId)} and {confusion.confusedWithTitle}:{' '}
                    {confusion.count === 1 ? 'once' : `${confusion.count} times`}
                  </li>
                ))}
              </ul>
            </section>
          )}
        </div>
      }
    />
  );
}
