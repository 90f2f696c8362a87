import { useParams } from 'react-router-dom';
import { LoadedGate } from '../ui/loaded-gate';
import { QuizSession } from '../ui/quiz-session';
import { useDeck } from '../ui/use-decks';
import { useDocumentTitle } from '../ui/use-document-title';

export default function QuizPage() {
  const { deckId = '' } = useParams();
  const loaded = useDeck(deckId);
  useDocumentTitle(loaded.status === 'ready' ? `Quiz: ${loaded.value.title}` : 'Quiz');
  return <LoadedGate loaded={loaded}>{(deck) => <QuizSession deck={deck} />}</LoadedGate>;
}
