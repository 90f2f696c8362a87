import { useLoaderData } from 'react-router-dom';
import { QuizSession } from '../ui/quiz-session';
import { useDocumentTitle } from '../ui/use-document-title';
import { loadDeckOr404 } from './deck-page';

function QuizPage() {
  const deck = useLoaderData<typeof loadDeckOr404>();
  useDocumentTitle(`Quiz: ${deck.title}`);
  return <QuizSession deck={deck} />;
}

export const quizRoute = { loader: loadDeckOr404, Component: QuizPage };
