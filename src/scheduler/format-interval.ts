const minuteMillis = 60_000;
const hourMillis = 60 * minuteMillis;
const dayMillis = 24 * hourMillis;

/** One decimal, without a trailing `.0`: `3.5`, `2`. */
const oneDecimal = (value: number) => String(Math.round(value * 10) / 10);

/**
 * A short label for an answer button's next interval: `1m`, `10m`, `5h`, `3d`, `3.5mo`, `1.2y`.
 * Months are 30 days and years 365, as Anki shows them. Each unit rounds before the next is chosen,
 * so 59.6 minutes reads `1h`, never `60m`.
 */
export function formatInterval(intervalMillis: number): string {
  if (intervalMillis < minuteMillis) return '<1m';
  const minutes = Math.round(intervalMillis / minuteMillis);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.round(intervalMillis / hourMillis);
  if (hours < 24) return `${hours}h`;
  const days = Math.round(intervalMillis / dayMillis);
  if (days < 30) return `${days}d`;
  const months = Math.round((days / 30) * 10) / 10;
  if (months < 12) return `${oneDecimal(months)}mo`;
  return `${oneDecimal(days / 365)}y`;
}
