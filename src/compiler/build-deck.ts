import type { CompileWarning } from '../domain/compile';
import type { Card, CardKind, Deck, Section, Topic } from '../domain/deck';
import { cardId, type DeckId, sectionId, type TopicId, topicId } from '../domain/ids';
import { buildQuizItems, type QuizTopic } from '../quiz/build-quiz-items';
import { maskVerdict } from '../quiz/mask-verdict';
import { createSeededRandom } from '../quiz/seeded-random';
import { createTermMatcher } from '../quiz/term-matcher';
import { countTitleWords } from '../quiz/title-terms';
import { claimUniqueId } from './claim-unique-id';
import { contentHash } from './content-hash';
import type { DeckDraft } from './deck-draft';

/**
 * Gives a draft its ids, cards and quiz. Section id: `deck/section-slug`. Topic id: the node id
 * when the file name carries one, else `deck/section-slug/topic-slug`; a clash adds `-2`, `-3`…
 * in input order. The quiz is seeded by the deck id, so a rebuild gives the same questions.
 */
export function buildDeck(
  draft: DeckDraft,
  id: DeckId,
  source: string,
  warnings: CompileWarning[],
): Deck {
  const sectionSlugs = new Set<string>();
  const topicIds = new Set<string>();
  const sections: Section[] = [];
  const topics: Topic[] = [];
  const origins: QuizTopic['origin'][] = [];
  for (const sectionDraft of draft.sections) {
    const sectionSlug = claimUniqueId(sectionDraft.slug, sectionSlugs);
    const section = sectionId(`${id}/${sectionSlug}`);
    const topicSlugs = new Set<string>();
    const ids: TopicId[] = [];
    for (const topicDraft of sectionDraft.topics) {
      let value: string;
      if (topicDraft.nodeId !== undefined) {
        value = claimUniqueId(topicDraft.nodeId, topicIds);
        if (value !== topicDraft.nodeId) {
          warnings.push({
            path: topicDraft.path,
            line: topicDraft.line,
            message: `node id ${topicDraft.nodeId} is already taken by another file; this topic's id is ${value}`,
          });
        }
      } else {
        const slug = claimUniqueId(topicDraft.slug, topicSlugs);
        value = claimUniqueId(`${id}/${sectionSlug}/${slug}`, topicIds);
      }
      const topic: Topic = {
        id: topicId(value),
        title: topicDraft.title,
        sectionId: section,
        description: topicDraft.description,
        resources: topicDraft.resources,
      };
      topics.push(topic);
      origins.push({
        path: topicDraft.path,
        line: topicDraft.line,
        slug: topicDraft.slug,
        sectionTitle: sectionDraft.title,
      });
      ids.push(topic.id);
    }
    sections.push({
      id: section,
      title: sectionDraft.title,
      topicIds: ids,
      description: sectionDraft.description,
      resources: sectionDraft.resources,
    });
  }

  const titleWords = countTitleWords(topics.map((topic) => topic.title));
  const entries: QuizTopic[] = topics.map((topic, index) => ({
    topic,
    matcher: createTermMatcher(topic.title, titleWords),
    origin: origins[index] ?? { path: source, line: 0, slug: '', sectionTitle: '' },
  }));
  const quiz = buildQuizItems(entries, createSeededRandom(id), warnings);
  const first = draft.sections[0]?.topics[0];
  if (quiz.length === 0 && first) {
    warnings.push({
      path: first.path,
      line: first.line,
      message: 'a deck of one topic has no quiz: a question needs at least two options',
    });
  }
  const cards: Card[] = [];
  entries.forEach(({ topic, matcher, origin }, index) => {
    cards.push(card(topic.id, 'term', topic.title, topic.description));
    const verdict = maskVerdict(matcher, topic.description);
    if (verdict.honest) {
      cards.push(card(topic.id, 'recall', matcher.mask(topic.description), topic.title));
    } else {
      warnings.push({
        path: origin.path,
        line: origin.line,
        message: `no recall card for "${topic.title}": ${verdict.reason}`,
      });
    }
    const item = quiz[index];
    if (item) {
      // A prompt that only names the topic shows a rewording in its answer and explanation alone.
      const shown = `${item.options[item.answerIndex]}\u0000${item.explanation}`;
      cards.push(card(topic.id, 'quiz', item.prompt, topic.title, shown));
    }
  });
  return { id, title: draft.title, source, sections, topics, cards, quiz };
}

/** `alsoHashed`: text the card shows besides its faces, so that its change is noticed too. */
function card(
  topic: TopicId,
  kind: CardKind,
  front: string,
  back: string,
  alsoHashed?: string,
): Card {
  return {
    id: cardId(`${topic}:${kind}`),
    topicId: topic,
    kind,
    front,
    back,
    contentHash: contentHash(front, alsoHashed === undefined ? back : `${back}\u0000${alsoHashed}`),
  };
}
