import { titleKey } from './pick-distractors';

export interface TitledTopic {
  readonly title: string;
  readonly sectionTitle: string;
  /** The file's or heading's slug, which tells apart topics of one section with one title. */
  readonly slug: string;
}

interface RepeatedTitle {
  /** Position of a topic whose title an earlier topic already has. */
  readonly position: number;
  /** Position of the first topic with that title. */
  readonly firstPosition: number;
}

export interface OptionLabels {
  /** What an option or a question calls each topic, in topic order. */
  readonly labels: readonly string[];
  readonly repeats: readonly RepeatedTitle[];
}

/**
 * Names for topics in quiz options. A title no other topic has is its own name. Topics sharing a
 * title take a note in parentheses: their section's title where those differ, else their slug
 * ("Questions to Ask (code style)"), else their place among them, so a learner can tell them apart.
 */
export function optionLabels(topics: readonly TitledTopic[]): OptionLabels {
  const groups = new Map<string, number[]>();
  topics.forEach((topic, position) => {
    const key = titleKey(topic.title);
    const group = groups.get(key);
    if (group) group.push(position);
    else groups.set(key, [position]);
  });
  const labels = topics.map((topic) => topic.title);
  const repeats: RepeatedTitle[] = [];
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const notes = distinctNotes(group.map((position) => topics[position] as TitledTopic));
    group.forEach((position, index) => {
      labels[position] = `${topics[position]?.title} (${notes[index]})`;
      if (index > 0) repeats.push({ position, firstPosition: group[0] as number });
    });
  }
  repeats.sort((a, b) => a.position - b.position);
  return { labels, repeats };
}

function distinctNotes(topics: readonly TitledTopic[]): string[] {
  const bySection = topics.map((topic) => topic.sectionTitle);
  if (new Set(bySection).size === topics.length) return bySection;
  const bySlug = topics.map((topic) => topic.slug.replace(/[-_]+/g, ' ').trim());
  // "svelte-kit" and "sveltekit" say the same: only slugs that differ in words tell topics apart.
  const slugWords = new Set(bySlug.map((slug) => slug.replace(/\s+/g, '')));
  if (slugWords.size === topics.length && !slugWords.has('')) return bySlug;
  return topics.map((_, index) => String(index + 1));
}
