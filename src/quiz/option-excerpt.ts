const sentenceEnd = /(?<=[.!?])\s+(?=[\p{Lu}\p{N}"'“‘(`_])/u;

// A first sentence shorter than this rarely says enough to tell one topic from another.
const minSentenceLength = 60;

/**
 * A description as an option among four: its first sentence when that says enough, else the
 * whole excerpt. Four excerpts of two or three sentences each are a page to read per question.
 */
export function optionExcerpt(excerpt: string): string {
  const [first] = excerpt.split(sentenceEnd, 1);
  return first !== undefined && first.length >= minSentenceLength ? first : excerpt;
}
