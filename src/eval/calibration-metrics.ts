// How well predicted probabilities of recall match what happened. Each metric is NaN where it is
// undefined (no prediction; AUC without both outcomes), which JSON prints as null.

export interface Prediction {
  /** Predicted probability of recall, 0-1. */
  readonly predicted: number;
  readonly recalled: boolean;
}

export interface CalibrationMetrics {
  readonly logLoss: number;
  readonly auc: number;
  readonly rmseBins: number;
}

const logLossClip = 1e-6;
const rmseBinCount = 20;

/** Mean negative log-likelihood; p is clipped so one confident miss costs ~13.8, not infinity. */
export function logLoss(predictions: readonly Prediction[]): number {
  if (predictions.length === 0) return Number.NaN;
  let sum = 0;
  for (const { predicted, recalled } of predictions) {
    const p = Math.min(1 - logLossClip, Math.max(logLossClip, predicted));
    sum -= recalled ? Math.log(p) : Math.log(1 - p);
  }
  return sum / predictions.length;
}

/**
 * Area under the ROC curve: the chance that a recalled review got a higher prediction than a
 * forgotten one, ties counting half. Rank-based (Mann-Whitney U) with averaged ranks for ties:
 * one sort, O(n log n).
 */
export function auc(predictions: readonly Prediction[]): number {
  const sorted = [...predictions].sort((a, b) => a.predicted - b.predicted);
  let positives = 0;
  let positiveRankSum = 0;
  let start = 0;
  while (start < sorted.length) {
    let end = start;
    let tiedPositives = 0;
    while (end < sorted.length && sorted[end]?.predicted === sorted[start]?.predicted) {
      if (sorted[end]?.recalled) tiedPositives += 1;
      end += 1;
    }
    // Ranks start + 1 … end, averaged over the tie.
    positiveRankSum += tiedPositives * ((start + 1 + end) / 2);
    positives += tiedPositives;
    start = end;
  }
  const negatives = sorted.length - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (positiveRankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/**
 * Calibration error: predictions fall into `bins` equal-width bins of [0, 1] (p = 1 into the
 * last); the root of the count-weighted mean squared gap between each non-empty bin's mean
 * prediction and its observed recall rate.
 */
export function rmseBins(predictions: readonly Prediction[], bins: number = rmseBinCount): number {
  if (!Number.isInteger(bins) || bins < 1)
    throw new RangeError(`Bin count ${bins} is not positive`);
  if (predictions.length === 0) return Number.NaN;
  const counts = new Array<number>(bins).fill(0);
  const predictedSums = new Array<number>(bins).fill(0);
  const recalledSums = new Array<number>(bins).fill(0);
  for (const { predicted, recalled } of predictions) {
    const bin = Math.min(bins - 1, Math.max(0, Math.floor(predicted * bins)));
    counts[bin] = (counts[bin] ?? 0) + 1;
    predictedSums[bin] = (predictedSums[bin] ?? 0) + predicted;
    if (recalled) recalledSums[bin] = (recalledSums[bin] ?? 0) + 1;
  }
  let weightedSquares = 0;
  counts.forEach((count, bin) => {
    if (count === 0) return;
    const gap = ((predictedSums[bin] ?? 0) - (recalledSums[bin] ?? 0)) / count;
    weightedSquares += count * gap * gap;
  });
  return Math.sqrt(weightedSquares / predictions.length);
}

export function calibrationMetrics(predictions: readonly Prediction[]): CalibrationMetrics {
  return { logLoss: logLoss(predictions), auc: auc(predictions), rmseBins: rmseBins(predictions) };
}
