import { useParams } from 'react-router-dom';
import { LoadedGate } from '../ui/app/loaded-gate';
import { useDocumentTitle } from '../ui/common/use-document-title';
import { useDeck } from '../ui/decks/use-decks';
import { QuizSession } from '../ui/quiz/quiz-session';

export default function QuizPage() {
  const { deckId = '' } = useParams();
  const loaded = useDeck(deckId);
  useDocumentTitle(loaded.status === 'ready' ? `Quiz: ${loaded.value.title}` : 'Quiz');
  return <LoadedGate loaded={loaded}>{(deck) => <QuizSession deck={deck} />}</LoadedGate>;
}
