import { describe, expect, it } from 'vitest';
import { promptExcerpt } from '../../src/quiz/prompt-excerpt';

describe('promptExcerpt', () => {
  it('takes the first two sentences of the first paragraph, as plain text', () => {
    expect(
      promptExcerpt(
        'A **semaphore** limits how many tasks enter a block at once. Each one takes a [permit](https://example.org/permits) on the way in. It gives it back on the way out.\n\nMore text.',
      ),
    ).toBe(
      'A semaphore limits how many tasks enter a block at once. Each one takes a permit on the way in.',
    );
  });

  it('drops a closing sentence that only leads into the list after it', () => {
    const description = `A message broker passes messages between programs that never talk directly. Popular brokers include:

- RabbitMQ
- Kafka

Visit the following resources to learn more:`;
    expect(promptExcerpt(description)).toBe(
      'A message broker passes messages between programs that never talk directly.',
    );
  });

  it('finishes a paragraph that is only a lead-in with the list it leads into', () => {
    const description = `Shipping a static site takes three steps:

- Build the pages into a folder.
- Upload the folder to a host.
- Point the domain at the host.

Each step can run in a pipeline.`;
    expect(promptExcerpt(description)).toBe(
      'Shipping a static site takes three steps: Build the pages into a folder; Upload the folder to a host; Point the domain at the host.',
    );
  });

  it('runs on a long list only as far as it fits, and says that more were left out', () => {
    const items = Array.from(
      { length: 12 },
      (_, index) => `- Option number ${index + 1}, described at some length here`,
    );
    const excerpt = promptExcerpt(`A form field can take many settings:\n\n${items.join('\n')}`);
    expect(excerpt.startsWith('A form field can take many settings: Option number 1,')).toBe(true);
    expect(excerpt.endsWith('; …')).toBe(true);
    expect(excerpt.length).toBeLessThan(300);
  });

  it('takes the next paragraph when a lead-in has no list to finish it', () => {
    const description = `Common shapes of the data:

\`\`\`
{ "id": 1 }
\`\`\`

A record holds one entry of the table, keyed by its id.`;
    expect(promptExcerpt(description)).toBe(
      'A record holds one entry of the table, keyed by its id.',
    );
  });

  it('never ends a prompt on a colon when a whole sentence exists anywhere', () => {
    const descriptions = [
      'Tools for this include:\n\n- one\n- two',
      'It comes in kinds:\n\n```\ncode\n```\n\nEach kind has its use.',
      'First. Then these:\n\n- a',
    ];
    for (const description of descriptions) {
      expect(promptExcerpt(description).endsWith(':')).toBe(false);
    }
  });
});
