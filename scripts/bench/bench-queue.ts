import { pathToFileURL } from 'node:url';
import { type CardId, cardId } from '../../src/domain/ids';
import { type CardPhase, type CardState, defaultSettings } from '../../src/domain/progress';
import { buildReviewQueue } from '../../src/scheduler/build-review-queue';

const day = 86_400_000;

export interface QueueTiming {
  /** Median of the runs, in milliseconds. */
  readonly ms: number;
  readonly minMs: number;
  readonly maxMs: number;
}

/** A deck of `size` cards: a fifth never seen, a tenth in (re)learning, the rest in review. */
function buildDeck(size: number, nowMillis: number) {
  // A fixed linear congruential sequence: the same deck on every run.
  let seed = 12345;
  const random = () => {
    seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
    return seed / 4_294_967_296;
  };
  const deck: CardId[] = [];
  const states = new Map<CardId, CardState>();
  for (let i = 0; i < size; i += 1) {
    const id = cardId(`topic-${i}:${i % 2 === 0 ? 'term' : 'recall'}`);
    deck.push(id);
    const roll = random();
    if (roll < 0.2) continue;
    const phase: CardPhase = roll < 0.25 ? 'learning' : roll < 0.3 ? 'relearning' : 'review';
    const dueAtMillis =
      phase === 'review'
        ? nowMillis + Math.round((random() * 120 - 60) * day)
        : nowMillis + Math.round((random() - 0.5) * 3_600_000);
    states.set(id, {
      cardId: id,
      dueAtMillis,
      stability: 1 + random() * 100,
      difficulty: 1 + random() * 9,
      elapsedDays: 3,
      scheduledDays: 10,
      learningSteps: 0,
      reps: 5,
      lapses: 0,
      phase,
      lastReviewAtMillis: dueAtMillis - 10 * day,
      firstReviewAtMillis: dueAtMillis - 40 * day,
    });
  }
  return { deck, states };
}

/** Times `buildReviewQueue` over 100,000 cards: the median, fastest and slowest of `runs`. */
export function benchQueue(runs = 10, size = 100_000): QueueTiming {
  const nowMillis = Date.UTC(2026, 5, 1, 10);
  const { deck, states } = buildDeck(size, nowMillis);
  const settings = defaultSettings;
  const today = { newIntroduced: 0, reviewsDone: 0 };
  buildReviewQueue(deck, states, today, settings, nowMillis); // warm-up: let the JIT compile it
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    buildReviewQueue(deck, states, today, settings, nowMillis);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const middle = Math.floor(times.length / 2);
  const median =
    times.length % 2 === 0
      ? ((times[middle - 1] ?? 0) + (times[middle] ?? 0)) / 2
      : (times[middle] ?? 0);
  return { ms: median, minMs: times[0] ?? 0, maxMs: times[times.length - 1] ?? 0 };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { ms, minMs, maxMs } = benchQueue();
  console.log(
    `review queue, 100,000 cards: median ${ms.toFixed(2)} ms (min ${minMs.toFixed(2)}, max ${maxMs.toFixed(2)}) over 10 runs`,
  );
}
