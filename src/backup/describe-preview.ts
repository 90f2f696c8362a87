import type { BackupPreview } from './backup-preview';

const counted = (count: number, noun: string) =>
  `${count.toLocaleString('en')} ${count === 1 ? noun : `${noun}s`}`;

/** The preview as the lines the learner reads before confirming an import. */
export function describePreview(preview: BackupPreview): string[] {
  const fresh =
    preview.newReviews === 0 ? 'No new reviews' : counted(preview.newReviews, 'new review');
  const lines = [
    preview.knownReviews > 0
      ? `${fresh} (${preview.knownReviews.toLocaleString('en')} already here)`
      : fresh,
  ];
  if (preview.newReviewsOfCardsInNoDeck > 0) {
    lines.push(`${counted(preview.newReviewsOfCardsInNoDeck, 'review')} of cards in no deck`);
  }
  if (preview.newUndos > 0) lines.push(`${counted(preview.newUndos, 'undo')} of earlier reviews`);
  const decks = [
    preview.decksAdded > 0 ? `adds ${counted(preview.decksAdded, 'deck')}` : '',
    preview.decksReplaced > 0
      ? `replaces ${counted(preview.decksReplaced, 'imported deck')} with the backup's version`
      : '',
    preview.decksUnchanged > 0 ? `${counted(preview.decksUnchanged, 'deck')} already here` : '',
    preview.decksSkipped > 0
      ? `skips ${counted(preview.decksSkipped, 'deck')} without a usable topic`
      : '',
  ].filter((part) => part !== '');
  lines.push(decks.length > 0 ? `Decks: ${decks.join(', ')}` : 'No imported decks');
  lines.push(
    preview.settingsDiffer ? "Settings: the backup's replace yours" : 'Settings: the same as yours',
  );
  return lines;
}
