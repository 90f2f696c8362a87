import './quiz-session.css';
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import type { Deck, QuizItem, Topic } from '../domain/deck';
import type { TopicId } from '../domain/ids';
import { scoreQuiz } from '../quiz/quiz-session';
import { ExternalLink } from './external-link';
import { MarkdownText } from './markdown-text';
import { useQuizSession } from './use-quiz-session';
import { useShortcuts } from './use-shortcuts';

export function QuizSession({ deck }: { deck: Deck }) {
  const quiz = useQuizSession(deck);
  const { step } = quiz;
  const topics = useMemo(() => new Map(deck.topics.map((topic) => [topic.id, topic])), [deck]);
  const deckPath = `/decks/${encodeURIComponent(deck.id)}`;
  const open = step.kind === 'question' && step.picked === undefined;
  const answeredStep = step.kind === 'question' && step.picked !== undefined;

  useShortcuts({
    1: open ? () => quiz.answer(0) : undefined,
    2: open ? () => quiz.answer(1) : undefined,
    3: open ? () => quiz.answer(2) : undefined,
    4: open ? () => quiz.answer(3) : undefined,
    Enter: answeredStep ? quiz.next : undefined,
    n: answeredStep ? quiz.next : undefined,
  });

  return (
    <div className="page narrow quiz">
      <p className="eyebrow">
        <Link to={deckPath}>{deck.title}</Link>
      </p>
      {step.kind !== 'finished' && <h1 className="visually-hidden">Quiz on {deck.title}</h1>}
      {step.kind === 'loading' && <p className="muted">Loading your progress…</p>}
      {step.kind === 'empty' && (
        <div className="empty">
          <p>This deck has no quiz questions: a quiz needs at least two topics.</p>
          <Link to={deckPath}>Back to the deck</Link>
        </div>
      )}
      {step.kind === 'question' && (
        <>
          <div className="session-progress">
            <progress
              aria-label="Quiz progress"
              max={step.total}
              value={step.position + (step.picked === undefined ? 0 : 1)}
            />
            <span>
              Question {step.position + 1} of {step.total}
            </span>
          </div>
          <Question item={step.item} picked={step.picked} busy={quiz.busy} onPick={quiz.answer} />
          {quiz.writeError && (
            <p className="error" role="alert">
              {quiz.writeError}. Pick an answer again to retry.
            </p>
          )}
          <div role="status" className="quiz-result">
            {step.picked !== undefined && (
              <Verdict
                item={step.item}
                picked={step.picked}
                topic={topics.get(step.item.topicId)}
              />
            )}
          </div>
          {step.picked !== undefined && (
            <button type="button" className="button primary wide" onClick={quiz.next}>
              Next{' '}
              <span className="key" aria-hidden="true">
                Enter
              </span>
            </button>
          )}
        </>
      )}
      {step.kind === 'finished' && (
        <QuizEnd
          items={quiz.items}
          answers={quiz.answers}
          topics={topics}
          deckPath={deckPath}
          onRetryMistakes={quiz.retryMistakes}
        />
      )}
    </div>
  );
}

function Question({
  item,
  picked,
  busy,
  onPick,
}: {
  item: QuizItem;
  picked: number | undefined;
  busy: boolean;
  onPick: (index: number) => void;
}) {
  const answered = picked !== undefined;
  return (
    <fieldset className="question">
      <legend className="prompt">{item.prompt}</legend>
      <div className="options">
        {item.options.map((option, index) => {
          const mark = !answered
            ? ''
            : index === item.answerIndex
              ? 'right'
              : index === picked
                ? 'wrong'
                : '';
          return (
            <button
              key={option}
              type="button"
              className={`button option ${mark}`}
              disabled={answered || busy}
              aria-pressed={answered ? index === picked : undefined}
              onClick={() => onPick(index)}
            >
              <span className="key" aria-hidden="true">
                {index + 1}
              </span>
              {option}
              {mark && (
                <span className="mark" aria-hidden="true">
                  {mark === 'right' ? '✓' : '✗'}
                </span>
              )}
            </button>
          );
        })}
      </div>
    </fieldset>
  );
}

function Verdict({
  item,
  picked,
  topic,
}: {
  item: QuizItem;
  picked: number;
  topic?: Topic | undefined;
}) {
  const correct = picked === item.answerIndex;
  const resource = topic?.resources[0];
  return (
    <div className={`verdict ${correct ? 'correct' : 'incorrect'}`}>
      <p className="verdict-title">
        {correct ? 'Correct' : `Incorrect: the answer is ${item.options[item.answerIndex]}`}
      </p>
      <MarkdownText markdown={item.explanation} />
      {resource && (
        <p>
          Learn more: <ExternalLink href={resource.url}>{resource.title}</ExternalLink>
        </p>
      )}
    </div>
  );
}

function QuizEnd({
  items,
  answers,
  topics,
  deckPath,
  onRetryMistakes,
}: {
  items: readonly QuizItem[];
  answers: ReturnType<typeof useQuizSession>['answers'];
  topics: ReadonlyMap<TopicId, Topic>;
  deckPath: string;
  onRetryMistakes: () => void;
}) {
  const score = scoreQuiz(answers);
  const mistakes = items.filter((item) => score.mistakes.includes(item.id));
  return (
    <div className="quiz-end">
      <h1>
        Score: {score.correct} / {score.total}
      </h1>
      {mistakes.length === 0 ? (
        <p>No mistakes. Well done.</p>
      ) : (
        <>
          <h2>Mistakes</h2>
          <ul className="mistakes">
            {mistakes.map((item) => (
              <li key={item.id}>
                <strong>{topics.get(item.topicId)?.title ?? item.options[item.answerIndex]}</strong>
                <p className="muted">{item.prompt}</p>
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="actions">
        {mistakes.length > 0 && (
          <button type="button" className="button primary" onClick={onRetryMistakes}>
            Retry mistakes
          </button>
        )}
        <Link className="button" to={deckPath}>
          Back to the deck
        </Link>
      </div>
    </div>
  );
}
