/**
 * Which descriptions of a deck are closest to each other, by TF-IDF cosine similarity over their
 * words. A distractor whose description is close to the answer's (another HTTP client beside
 * `aiohttp`, another ORM beside SQLAlchemy) makes a learner tell them apart instead of ruling it
 * out. Written here rather than taken from a library: the whole need is tokenising, one inverted
 * index and a top-k, about a page of code, and it must stay pure and bounded on 10,000 topics.
 */
export interface DescriptionIndex {
  /** Positions of the descriptions closest to the one at `position`, closest first, at most `limit`. */
  closestTo(position: number, limit: number): readonly number[];
}

// Words that say nothing of a topic: they would make every description close to every other.
const stopWords = new Set(
  (
    'the and for are but not you your with this that these those from into onto over ' +
    'under about when then than what which who how why where can could should would will ' +
    'may might its it is was were been being have has had does did doing also more most ' +
    'many much such use used uses using other some any all each one two they them their ' +
    'there here our out learn visit following resources link links article video official ' +
    'like just very well allows allow provides provide way ways make makes help helps ' +
    'between within'
  ).split(' '),
);

/** A description's distinctive words carry the match; past this many the rest add little. */
const maxQueryWords = 10;
/**
 * A word in more descriptions than this is too common to tell topics apart, and walking its
 * postings for every topic would make a large deck quadratic. A word in one description alone
 * ties it to no other: it only counts in the description's length.
 */
const maxPostings = 250;

export function indexDescriptions(descriptions: readonly string[]): DescriptionIndex {
  const counts = descriptions.map(wordCounts);
  const documentFrequency = new Map<string, number>();
  for (const count of counts) {
    for (const word of count.keys()) {
      documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + 1);
    }
  }
  const total = descriptions.length;
  // Per word, the descriptions holding it (few enough to walk) and its unit-length weight in each.
  const postings = new Map<string, { positions: number[]; weights: number[] }>();
  // Per description, its heaviest words: the only ones a query walks.
  const queries = counts.map((count, position) => {
    const words: string[] = [];
    const weights: number[] = [];
    let norm = 0;
    for (const [word, times] of count) {
      const frequency = documentFrequency.get(word) ?? 1;
      const weight = (1 + Math.log(times)) * Math.log(1 + total / frequency);
      norm += weight * weight;
      if (frequency > maxPostings || frequency === 1) continue;
      words.push(word);
      weights.push(weight);
    }
    const length = Math.sqrt(norm) || 1;
    const order = words.map((_, index) => index);
    order.sort((a, b) => (weights[b] ?? 0) - (weights[a] ?? 0));
    words.forEach((word, index) => {
      let list = postings.get(word);
      if (!list) {
        list = { positions: [], weights: [] };
        postings.set(word, list);
      }
      list.positions.push(position);
      list.weights.push((weights[index] ?? 0) / length);
    });
    return order
      .slice(0, maxQueryWords)
      .map((index) => ({ word: words[index] ?? '', weight: (weights[index] ?? 0) / length }));
  });

  // One score per description, reset after each query through the list of those touched.
  const scores = new Float64Array(total);
  const touched: number[] = [];
  return {
    closestTo(position, limit) {
      for (const { word, weight } of queries[position] ?? []) {
        const list = postings.get(word);
        if (!list) continue;
        const { positions, weights } = list;
        for (let at = 0; at < positions.length; at++) {
          const other = positions[at] as number;
          if (other === position) continue;
          if (scores[other] === 0) touched.push(other);
          scores[other] = (scores[other] ?? 0) + weight * (weights[at] ?? 0);
        }
      }
      const best = topPositions(touched, scores, limit);
      for (const other of touched) scores[other] = 0;
      touched.length = 0;
      return best;
    },
  };
}

/** The `limit` best-scored positions, best first; ties by position, so results repeat. */
function topPositions(positions: readonly number[], scores: Float64Array, limit: number): number[] {
  const best: number[] = [];
  const beats = (a: number, b: number) =>
    (scores[a] ?? 0) > (scores[b] ?? 0) || (scores[a] === scores[b] && a < b);
  for (const position of positions) {
    const last = best[best.length - 1];
    if (best.length >= limit && (last === undefined || !beats(position, last))) continue;
    let at = best.length;
    while (at > 0 && beats(position, best[at - 1] as number)) at--;
    best.splice(at, 0, position);
    if (best.length > limit) best.pop();
  }
  return best;
}

function wordCounts(text: string): Map<string, number> {
  const count = new Map<string, number>();
  for (const match of text.toLowerCase().matchAll(/[\p{L}\p{N}]{3,}/gu)) {
    if (stopWords.has(match[0])) continue;
    const word = stem(match[0]);
    if (stopWords.has(word)) continue;
    count.set(word, (count.get(word) ?? 0) + 1);
  }
  return count;
}

/** "servers" and "server" count as one word; nothing finer is worth its mistakes here. */
function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !/(?:ss|us|is)$/.test(word))
    return word.slice(0, -1);
  return word;
}
