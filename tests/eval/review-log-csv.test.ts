import { describe, expect, it } from 'vitest';
import { parseIsoTimeMillis, parseReviewLogCsv } from '../../src/eval/review-log-csv';

describe('parseIsoTimeMillis', () => {
  it('reads six-digit fractions, rounding to the millisecond', () => {
    expect(parseIsoTimeMillis('2024-03-29T20:32:32.250000+00:00')).toBe(
      Date.UTC(2024, 2, 29, 20, 32, 32, 250),
    );
    expect(parseIsoTimeMillis('2024-03-29T20:32:32.123456+00:00')).toBe(
      Date.UTC(2024, 2, 29, 20, 32, 32, 123),
    );
    expect(parseIsoTimeMillis('2024-03-29T20:32:32.9996+00:00')).toBe(
      Date.UTC(2024, 2, 29, 20, 32, 33, 0),
    );
  });

  it('reads times without a fraction, with Z and with other offsets', () => {
    const instant = Date.UTC(2024, 2, 29, 20, 32, 32);
    expect(parseIsoTimeMillis('2024-03-29T20:32:32+00:00')).toBe(instant);
    expect(parseIsoTimeMillis('2024-03-29T20:32:32Z')).toBe(instant);
    expect(parseIsoTimeMillis('2024-03-29T22:32:32+02:00')).toBe(instant);
    expect(parseIsoTimeMillis('2024-03-29T15:02:32-0530')).toBe(instant);
    expect(parseIsoTimeMillis('2024-03-29 20:32:32.5+00')).toBe(instant + 500);
  });

  it('refuses times without an offset and dates that do not exist', () => {
    expect(parseIsoTimeMillis('2024-03-29T20:32:32.250000')).toBeUndefined();
    expect(parseIsoTimeMillis('2023-02-29T10:00:00Z')).toBeUndefined();
    expect(parseIsoTimeMillis('2024-03-29T24:00:00Z')).toBeUndefined();
    expect(parseIsoTimeMillis('yesterday')).toBeUndefined();
  });
});

describe('parseReviewLogCsv', () => {
  const header = 'card_id,review_rating,review_time,review_duration';

  it('reads the rows in file order', () => {
    const text = `${header}\n1711684180217,1,2024-03-29T20:32:32.250000+00:00,25060\n1711684780667,3,2024-03-29T20:32:39+00:00,7241\n`;
    expect(parseReviewLogCsv(text)).toEqual({
      ok: true,
      reviews: [
        {
          cardId: '1711684180217',
          rating: 1,
          reviewedAtMillis: Date.UTC(2024, 2, 29, 20, 32, 32, 250),
          durationMillis: 25060,
        },
        {
          cardId: '1711684780667',
          rating: 3,
          reviewedAtMillis: Date.UTC(2024, 2, 29, 20, 32, 39),
          durationMillis: 7241,
        },
      ],
      warnings: [],
    });
  });

  it('skips bad rows with a warning naming each line, blank lines silently', () => {
    const text = [
      header, // line 1
      'a,3,2024-03-29T20:32:32.250000+00:00,100', // 2: fine
      'b,5,2024-03-29T20:32:32+00:00,100', // 3: rating
      '', // 4: blank
      'c,2,2024-03-29T20:32:32,100', // 5: no offset
      'd,4,2024-03-29T20:32:32Z', // 6: a field short
      ',1,2024-03-29T20:32:32Z,100', // 7: no card
      'e,1,2024-03-29T20:32:32Z,-4', // 8: duration
      '"f,1,2024-03-29T20:32:32Z,100', // 9: quote never closed
      'g,2,2024-03-30T08:00:00.000001+00:00,0', // 10: fine
    ].join('\r\n');
    const result = parseReviewLogCsv(text);
    if (!result.ok) throw new Error(result.error);
    expect(result.reviews.map((review) => review.cardId)).toEqual(['a', 'g']);
    expect(result.warnings.map((warning) => warning.line)).toEqual([3, 5, 6, 7, 8, 9]);
    expect(result.warnings[0]?.message).toMatch(/review_rating "5" is not 1-4/);
    expect(result.warnings[1]?.message).toMatch(/review_time .* offset/);
    expect(result.warnings[2]?.message).toMatch(/expected 4 fields, found 3/);
  });

  it('finds columns by name, in any order, quoted or not, after a byte-order mark', () => {
    const text =
      '\uFEFFreview_time,"card_id",extra,review_rating,review_duration\n2024-03-29T20:32:32Z,"x,1",?,4,10\n';
    const result = parseReviewLogCsv(text);
    expect(result).toMatchObject({
      ok: true,
      reviews: [{ cardId: 'x,1', rating: 4, durationMillis: 10 }],
      warnings: [],
    });
  });

  it('fails as a whole when a column is missing', () => {
    expect(
      parseReviewLogCsv('card_id,review_rating,review_time\n1,3,2024-03-29T20:32:32Z'),
    ).toEqual({
      ok: false,
      error: 'header lacks column review_duration',
    });
    expect(parseReviewLogCsv('')).toMatchObject({ ok: false });
  });
});
