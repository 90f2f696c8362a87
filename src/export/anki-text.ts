import type { TopicNote } from '../domain/card-controls';
import type { Deck } from '../domain/deck';
import type { TopicId } from '../domain/ids';
import { splitAtMask, termMask } from '../markdown/term-mask';

/**
 * The header Anki (2.1.54 and later) reads before the notes: tab-separated, fields as HTML, the
 * first column the note's guid and the last its tags. Columns named like the Basic note type's
 * fields map onto them without the learner choosing; `Note`, the learner's note on the topic, is
 * a field Basic lacks, which Anki's import offers to map (to an added field, or to nothing).
 */
export const ankiHeaderLines = [
  '#separator:tab',
  '#html:true',
  '#notetype:Basic',
  '#guid column:1',
  '#tags column:5',
  '#columns:guid\tFront\tBack\tNote\tTags',
] as const;

/**
 * A deck's study cards (`term` and `recall`) as a text file Anki imports as it is. The guid is
 * the card id, so importing the file again after a deck edit updates the notes instead of adding
 * them twice; the topic's note, if any, goes with each of its cards. Quiz cards stay out: Anki has no multiple-choice note type of its own.
 */
export function ankiText(deck: Deck, notes: ReadonlyMap<TopicId, TopicNote> = new Map()): string {
  const tags = deck.id.replace(/\s+/g, '_');
  const lines: string[] = [...ankiHeaderLines];
  for (const card of deck.cards) {
    if (card.kind === 'quiz') continue;
    lines.push(
      [
        card.id,
        htmlField(card.front),
        htmlField(card.back),
        htmlField(notes.get(card.topicId)?.text ?? ''),
        tags,
      ]
        .map(ankiField)
        .join('\t'),
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * A masked term as the app shows it: one element, read by screen readers as "blank". Its
 * attributes take single quotes, since a double quote would make Anki read the field as quoted.
 */
export const ankiBlank = `<span class='blank' role='img' aria-label='blank'>${termMask}</span>`;

/**
 * Deck text is untrusted and `#html:true` makes Anki render it, so markup is escaped to show as
 * text, but for blanks, which become `ankiBlank`. Newlines become `<br>` and tabs spaces: one
 * note per line, one field per tab.
 */
export function htmlField(text: string): string {
  return splitAtMask(text).map(escapedText).join(ankiBlank);
}

function escapedText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r\n?|\n/g, '<br>')
    .replace(/\t/g, ' ');
}

/**
 * Anki reads fields CSV-style: a field holding a quote (or a separator or line break) is wrapped
 * in quotes with its quotes doubled. `htmlField` already leaves none of them in the two text
 * fields; this guards the guid and tag columns whatever ids come to hold.
 */
export function ankiField(field: string): string {
  return /["\t\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}
