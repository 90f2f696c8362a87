import '../common/session-controls.css';
import './quiz-session.css';
import { useId, useMemo } from 'react';
import { Link } from 'react-router-dom';
import type { Deck, QuizItem, Topic } from '../../domain/deck';
import type { TopicId } from '../../domain/ids';
import { scoreQuiz } from '../../quiz/quiz-session';
import { ExternalLink } from '../common/external-link';
import { InlineMarkdown, MarkdownText, TextWithBlanks } from '../common/markdown-text';
import { useScrollIntoViewOn } from '../common/use-scroll-into-view-on';
import { useShortcuts } from '../common/use-shortcuts';
import { useQuizSession } from './use-quiz-session';

export function QuizSession({ deck }: { deck: Deck }) {
  const quiz = useQuizSession(deck);
  const { step } = quiz;
  const topics = useMemo(() => new Map(deck.topics.map((topic) => [topic.id, topic])), [deck]);
  const deckPath = `/decks/${encodeURIComponent(deck.id)}`;
  const open = step.kind === 'question' && step.picked === undefined;
  const answeredStep = step.kind === 'question' && step.picked !== undefined;
  // Long options push the verdict below the fold on a phone: it comes into view once answered,
  // and the next question opens at its top.
  const questionTop = useScrollIntoViewOn<HTMLDivElement>(open ? step.item.id : undefined);
  const result = useScrollIntoViewOn<HTMLDivElement>(answeredStep ? step.item.id : undefined);

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
          <div className="session-progress" ref={questionTop}>
            <progress
              aria-label="Quiz progress"
              max={step.total}
              value={step.position + (step.picked === undefined ? 0 : 1)}
            />
            <span>
              Question {step.position + 1} of {step.total}
            </span>
          </div>
          <Question
            item={step.item}
            order={step.order}
            picked={step.picked}
            busy={quiz.busy}
            onPick={quiz.answer}
          />
          {quiz.writeError && (
            <p className="error" role="alert">
              {quiz.writeError}. Pick an answer again to retry.
            </p>
          )}
          <div role="status" className="quiz-result" ref={result}>
            {step.picked !== undefined && (
              <Verdict item={step.item} picked={step.picked} topics={topics} />
            )}
          </div>
          {step.picked !== undefined && (
            <button type="button" className="button primary wide answer-bar" onClick={quiz.next}>
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
  order,
  picked,
  busy,
  onPick,
}: {
  item: QuizItem;
  order: readonly number[];
  picked: number | undefined;
  busy: boolean;
  onPick: (shownIndex: number) => void;
}) {
  const answered = picked !== undefined;
  // Excerpts read as paragraphs; titles and True/False as labels.
  const excerpts = item.format === 'pick-description';
  return (
    <fieldset className="question">
      <legend className="prompt">
        <InlineMarkdown text={item.prompt} />
      </legend>
      <div className={`options${excerpts ? ' excerpts' : ''}`}>
        {order.map((position, shownIndex) => {
          const option = item.options[position] ?? '';
          const mark = !answered
            ? ''
            : position === item.answerIndex
              ? 'right'
              : position === picked
                ? 'wrong'
                : '';
          return (
            <button
              key={option}
              type="button"
              className={`button option ${mark}`}
              disabled={answered || busy}
              aria-pressed={answered ? position === picked : undefined}
              onClick={() => onPick(shownIndex)}
            >
              <span className="key" aria-hidden="true">
                {shownIndex + 1}
              </span>
              {/* One flex item: the button lays out its children side by side. */}
              <span className="option-text">
                {excerpts ? <InlineMarkdown text={option} /> : <TextWithBlanks text={option} />}
              </span>
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
  topics,
}: {
  item: QuizItem;
  picked: number;
  topics: ReadonlyMap<TopicId, Topic>;
}) {
  const correct = picked === item.answerIndex;
  const topic = topics.get(item.topicId);
  const resource = topic?.resources[0];
  return (
    <div className={`verdict ${correct ? 'correct' : 'incorrect'}`}>
      <p className="verdict-title">
        {correct ? 'Correct' : `Incorrect: ${whatWasRight(item, picked, topics)}`}
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

/** After a wrong pick, what the learner should have seen, in words that fit the format. */
function whatWasRight(item: QuizItem, picked: number, topics: ReadonlyMap<TopicId, Topic>): string {
  const title = topics.get(item.topicId)?.title ?? '';
  const titleOf = (id: TopicId | undefined) => (id && topics.get(id)?.title) || '';
  if (item.format === 'true-false') {
    const stated = titleOf(item.statedTopicId);
    return item.statedTopicId === item.topicId || !stated
      ? `this does describe ${title}`
      : `this describes ${stated}, not ${title}`;
  }
  if (item.format === 'pick-description') {
    const pickedTitle = titleOf(item.optionTopicIds?.[picked]);
    return pickedTitle
      ? `you picked the description of ${pickedTitle}; the right one is marked`
      : 'the right description is marked';
  }
  return `the answer is ${item.options[item.answerIndex]}`;
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
  const mistakesHeadingId = useId();
  return (
    <div className="quiz-end">
      <h1>
        Score: {score.correct} / {score.total}
      </h1>
      {mistakes.length === 0 ? (
        <p>No mistakes. Well done.</p>
      ) : (
        <>
          <h2 id={mistakesHeadingId}>Mistakes</h2>
          <ul className="mistakes" aria-labelledby={mistakesHeadingId}>
            {mistakes.map((item) => (
              <li key={item.id}>
                <strong>{topics.get(item.topicId)?.title ?? item.options[item.answerIndex]}</strong>
                <p className="muted">
                  <InlineMarkdown text={item.prompt} />
                </p>
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
