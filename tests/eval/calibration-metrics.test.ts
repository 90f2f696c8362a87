import { describe, expect, it } from 'vitest';
import {
  auc,
  calibrationMetrics,
  logLoss,
  type Prediction,
  rmseBins,
} from '../../src/eval/calibration-metrics';

const set = (...pairs: [number, boolean][]): Prediction[] =>
  pairs.map(([predicted, recalled]) => ({ predicted, recalled }));

describe('logLoss', () => {
  it('is the mean negative log-likelihood, certainty clipped to 1e-6', () => {
    // -(ln 0.8 + ln 0.6 + ln 0.5 + ln 1e-6) / 4: the last one was sure of a recall that failed.
    const predictions = set([0.8, true], [0.4, false], [0.5, true], [1, false]);
    expect(logLoss(predictions)).toBeCloseTo(3.8106567284, 6);
    expect(logLoss(set([0, false]))).toBeCloseTo(1e-6, 9);
  });

  it('is ln 2 for a coin flip and NaN without predictions', () => {
    expect(logLoss(set([0.5, true], [0.5, false]))).toBeCloseTo(Math.LN2, 12);
    expect(logLoss([])).toBeNaN();
  });
});

describe('auc', () => {
  it('is 1 for a perfect ranking and 0 for a reversed one', () => {
    expect(auc(set([0.1, false], [0.2, false], [0.8, true], [0.9, true]))).toBe(1);
    expect(auc(set([0.1, true], [0.2, true], [0.8, false], [0.9, false]))).toBe(0);
  });

  it('counts ties half', () => {
    expect(auc(set([0.7, true], [0.7, false], [0.7, true], [0.7, false]))).toBe(0.5);
    // Four recalled-forgotten pairs: one tie (0.5), three ranked right: 3.5 / 4.
    expect(auc(set([0.5, true], [0.5, false], [0.9, true], [0.1, false]))).toBe(0.875);
  });

  it('does not depend on input order', () => {
    const predictions = set([0.3, true], [0.6, false], [0.9, true], [0.2, false], [0.6, true]);
    // Pairs (recalled vs forgotten): 0.3>0.6 no, 0.3>0.2 yes, 0.9 both, 0.6=0.6 half, 0.6>0.2.
    expect(auc(predictions)).toBeCloseTo(4.5 / 6, 12);
    expect(auc([...predictions].reverse())).toBeCloseTo(4.5 / 6, 12);
  });

  it('is NaN without both outcomes', () => {
    expect(auc(set([0.2, true], [0.9, true]))).toBeNaN();
    expect(auc([])).toBeNaN();
  });
});

describe('rmseBins', () => {
  it('weighs each non-empty bin by its count', () => {
    // Bin [0.10, 0.15): mean 0.13, observed 0.5, two reviews. Bin [0.90, 0.95): 0.93 vs 1.
    // p = 1 falls into the last bin: 1 vs 0. sqrt((2·0.37² + 0.07² + 1²) / 4).
    const predictions = set([0.12, true], [0.14, false], [0.93, true], [1, false]);
    expect(rmseBins(predictions)).toBeCloseTo(0.5653980898, 9);
  });

  it('is 0 for predictions that match the observed rate of their bin', () => {
    const calibrated = set(
      ...Array.from({ length: 10 }, (_, index): [number, boolean] => [0.7, index < 7]),
      ...Array.from({ length: 4 }, (_, index): [number, boolean] => [0.25, index < 1]),
    );
    expect(rmseBins(calibrated)).toBeCloseTo(0, 12);
  });

  it('uses the bin width asked for', () => {
    // One bin: overall mean 0.5 against an observed 0.5.
    expect(rmseBins(set([0.1, false], [0.9, true]), 1)).toBe(0);
    expect(rmseBins(set([0.1, false], [0.9, true]), 20)).toBeCloseTo(0.1, 12);
    expect(() => rmseBins(set([0.1, false]), 0)).toThrow(RangeError);
  });
});

describe('calibrationMetrics', () => {
  it('gathers the three', () => {
    const predictions = set([0.2, false], [0.8, true]);
    expect(calibrationMetrics(predictions)).toEqual({
      logLoss: logLoss(predictions),
      auc: 1,
      rmseBins: rmseBins(predictions),
    });
  });
});
