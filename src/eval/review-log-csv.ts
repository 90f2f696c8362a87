import { type CardId, cardId } from '../domain/ids';
import type { Rating } from '../domain/progress';

// Reads review logs exported in the FSRS benchmark layout (py-fsrs and Anki exports):
// `card_id,review_rating,review_time,review_duration`. Takes the file's text, never a path.

const reviewLogColumns = ['card_id', 'review_rating', 'review_time', 'review_duration'] as const;

export interface LoggedReview {
  readonly cardId: CardId;
  readonly rating: Rating;
  readonly reviewedAtMillis: number;
  readonly durationMillis: number;
}

interface CsvWarning {
  /** 1-based line of the file, the header being line 1. */
  readonly line: number;
  readonly message: string;
}

export type ReviewLogParse =
  | { readonly ok: true; readonly reviews: LoggedReview[]; readonly warnings: CsvWarning[] }
  | { readonly ok: false; readonly error: string };

// Offset required: a time without one would be read in whatever zone the runner happens to be in.
// Fractions of any length: Python writes microseconds (`.250000`), JavaScript milliseconds.
const isoTimePattern =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:[.,](\d+))?(Z|z|[+-]\d{2}(?::?\d{2})?)$/;

/** Epoch milliseconds of an ISO 8601 time with an offset, rounded to the millisecond; else undefined. */
export function parseIsoTimeMillis(text: string): number | undefined {
  const match = isoTimePattern.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) {
    return undefined;
  }
  const wholeMillis = Date.UTC(year, month - 1, day, hour, minute, second);
  if (new Date(wholeMillis).getUTCDate() !== day) return undefined; // 2024-02-30 rolled over
  const fractionMillis = match[7] ? Math.round(Number(`0.${match[7]}`) * 1000) : 0;
  return wholeMillis + fractionMillis - offsetMillis(match[8] ?? 'Z');
}

function offsetMillis(zone: string): number {
  if (zone === 'Z' || zone === 'z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
  return sign * (hours * 60 + minutes) * 60_000;
}

/** Splits one CSV line; a quoted field may hold commas and doubled quotes, not line breaks. */
function splitCsvLine(line: string): string[] | undefined {
  const fields: string[] = [];
  let index = 0;
  for (;;) {
    if (line[index] === '"') {
      let value = '';
      index += 1;
      for (;;) {
        const quote = line.indexOf('"', index);
        if (quote < 0) return undefined;
        value += line.slice(index, quote);
        if (line[quote + 1] === '"') {
          value += '"';
          index = quote + 2;
        } else {
          index = quote + 1;
          break;
        }
      }
      fields.push(value);
      if (index === line.length) return fields;
      if (line[index] !== ',') return undefined;
      index += 1;
    } else {
      const comma = line.indexOf(',', index);
      if (comma < 0) {
        fields.push(line.slice(index));
        return fields;
      }
      fields.push(line.slice(index, comma));
      index = comma + 1;
    }
  }
}

const isRating = (value: number): value is Rating =>
  value === 1 || value === 2 || value === 3 || value === 4;

/**
 * The reviews of a log, in file order. Columns are found by name in the header, so their order and
 * any extra columns do not matter. A row that cannot be read is skipped with a warning naming its
 * line; a missing column is an error for the whole file.
 */
export function parseReviewLogCsv(text: string): ReviewLogParse {
  const lines = text.split(/\r?\n/);
  const header = splitCsvLine((lines[0] ?? '').replace(/^\uFEFF/, ''))?.map((name) => name.trim());
  const columns = reviewLogColumns.map((name) => header?.indexOf(name) ?? -1);
  const missing = reviewLogColumns.filter((_, index) => columns[index] === -1);
  if (missing.length > 0) {
    return { ok: false, error: `header lacks column ${missing.join(', ')}` };
  }
  const [idColumn, ratingColumn, timeColumn, durationColumn] = columns as [
    number,
    number,
    number,
    number,
  ];

  const reviews: LoggedReview[] = [];
  const warnings: CsvWarning[] = [];
  for (let index = 1; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    if (line.trim() === '') continue;
    const lineNumber = index + 1;
    const warn = (message: string) => warnings.push({ line: lineNumber, message });
    const fields = splitCsvLine(line);
    if (!fields) {
      warn('unterminated quote, row skipped');
      continue;
    }
    const field = (column: number) => (fields[column] ?? '').trim();
    if (fields.length < (header?.length ?? 0)) {
      warn(`expected ${header?.length} fields, found ${fields.length}, row skipped`);
      continue;
    }
    const id = field(idColumn);
    const rating = Number(field(ratingColumn));
    const reviewedAtMillis = parseIsoTimeMillis(field(timeColumn));
    const durationText = field(durationColumn);
    const durationMillis = Number(durationText);
    if (id === '') warn('empty card_id, row skipped');
    else if (!isRating(rating)) {
      warn(`review_rating ${JSON.stringify(field(ratingColumn))} is not 1-4, row skipped`);
    } else if (reviewedAtMillis === undefined) {
      warn(
        `review_time ${JSON.stringify(field(timeColumn))} is not an ISO time with an offset, row skipped`,
      );
    } else if (durationText === '' || !Number.isFinite(durationMillis) || durationMillis < 0) {
      warn(`review_duration ${JSON.stringify(durationText)} is not a duration in ms, row skipped`);
    } else {
      reviews.push({ cardId: cardId(id), rating, reviewedAtMillis, durationMillis });
    }
  }
  return { ok: true, reviews, warnings };
}
