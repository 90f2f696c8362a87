// Asserts what the seed must compile to: one deck holding the asynchronous section and its four
// topics, each with a term card, a recall card and a quiz item.
import { readFileSync } from 'node:fs';

const output = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const problems = [];
const check = (condition, message) => {
  if (!condition) problems.push(message);
};

check(output.decks.length === 1, `expected 1 deck, got ${output.decks.length}`);
const deck = output.decks[0] ?? { sections: [], topics: [], cards: [], quiz: [] };
const section = deck.sections.find((candidate) => /asynchronous/i.test(candidate.title));
check(section, 'no section titled Asynchronous');
const expected = ['gevent', 'tornado', 'aiohttp', 'sanic'];
const topics = (section?.topicIds ?? []).map((id) => deck.topics.find((topic) => topic.id === id));
check(
  JSON.stringify(topics.map((topic) => topic?.title.toLowerCase())) === JSON.stringify(expected),
  `expected topics ${expected.join(', ')}, got ${topics.map((topic) => topic?.title).join(', ')}`,
);
for (const topic of topics.filter(Boolean)) {
  for (const kind of ['term', 'recall']) {
    check(
      deck.cards.some((card) => card.topicId === topic.id && card.kind === kind),
      `${topic.title} has no ${kind} card`,
    );
  }
  check(
    deck.quiz.some((item) => item.topicId === topic.id),
    `${topic.title} has no quiz item`,
  );
}

if (problems.length > 0) {
  console.error(`Seed deck check failed:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log(
  `Seed deck check: 1 deck, section "${section.title}" with ${topics.length} topics, ${deck.cards.length} cards, ${deck.quiz.length} quiz items`,
);
