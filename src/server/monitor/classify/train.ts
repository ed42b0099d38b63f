import type { LabelledItem } from './dataset';
import { foldOf } from './dataset';
import { TOPIC_CODES, type TopicCode } from './keywords';
import { type ClassifierModel, scoreTexts } from './model';
import { features } from './normalize';

/**
 * Training, written by hand: a few hundred short items train in well under a second, and no npm
 * package offers naive Bayes over our own features with weights we can explain and ship as plain
 * JSON (the ML libraries either pull in native code or a tensor runtime, or hide the weights).
 * Deterministic: the same items in the same order give the same model.json, byte for byte.
 */

/** Laplace smoothing: how much a feature is believed in before any item showed it. */
const ALPHA = 0.5;
/** Features seen in fewer items than this are dropped: they only memorise single articles. */
const MIN_ITEMS = 2;
/** Folds of the out-of-fold scores that the calibration is fitted on. */
const FOLDS = 5;

const round = (value: number) => Math.round(value * 1000) / 1000;

function itemFeatures(item: LabelledItem): string[] {
  return features(item.title, item.lead ?? '').map((feature) => feature.key);
}

/** Binary (presence) naive Bayes of DX against not DX. */
function trainWeights(items: readonly LabelledItem[]): Pick<ClassifierModel, 'prior' | 'weights'> {
  const counts = new Map<string, [number, number]>();
  let dx = 0;
  for (const item of items) {
    if (item.isDx) dx++;
    for (const key of new Set(itemFeatures(item))) {
      const pair = counts.get(key) ?? [0, 0];
      pair[item.isDx ? 0 : 1]++;
      counts.set(key, pair);
    }
  }
  const notDx = items.length - dx;
  const kept = [...counts].filter(([, [a, b]]) => a + b >= MIN_ITEMS).sort(([a], [b]) => (a < b ? -1 : 1));
  const vocabulary = kept.length;
  const totalDx = kept.reduce((sum, [, [a]]) => sum + a, 0);
  const totalNot = kept.reduce((sum, [, [, b]]) => sum + b, 0);
  const weights: Record<string, number> = {};
  for (const [key, [a, b]] of kept) {
    const inDx = Math.log((a + ALPHA) / (totalDx + ALPHA * vocabulary));
    const inNot = Math.log((b + ALPHA) / (totalNot + ALPHA * vocabulary));
    weights[key] = round(inDx - inNot);
  }
  return { prior: round(Math.log((dx + 1) / (notDx + 1))), weights };
}

/** Naive Bayes over the D11 topics of the DX items. */
function trainTopics(items: readonly LabelledItem[]): ClassifierModel['topics'] {
  const labelled = items.filter(
    (item): item is LabelledItem & { topic: TopicCode } => item.isDx && !!item.topic,
  );
  const codes = TOPIC_CODES.filter((code) => labelled.some((item) => item.topic === code));
  const perTopic = codes.map(() => new Map<string, number>());
  const docs = codes.map(() => 0);
  const all = new Map<string, number>();
  for (const item of labelled) {
    const index = codes.indexOf(item.topic);
    docs[index]!++;
    for (const key of new Set(itemFeatures(item))) {
      perTopic[index]!.set(key, (perTopic[index]!.get(key) ?? 0) + 1);
      all.set(key, (all.get(key) ?? 0) + 1);
    }
  }
  const kept = [...all].filter(([, n]) => n >= MIN_ITEMS).map(([key]) => key);
  kept.sort();
  const vocabulary = kept.length;
  const totals = perTopic.map((counts) => kept.reduce((sum, key) => sum + (counts.get(key) ?? 0), 0));
  const weights: Record<string, number[]> = {};
  for (const key of kept) {
    weights[key] = perTopic.map((counts, index) =>
      round(Math.log(((counts.get(key) ?? 0) + ALPHA) / (totals[index]! + ALPHA * vocabulary))),
    );
  }
  return {
    codes,
    priors: docs.map((n) => round(Math.log((n + 1) / (labelled.length + codes.length)))),
    weights,
    unseen: totals.map((total) => round(Math.log(ALPHA / (total + ALPHA * vocabulary)))),
  };
}

/**
 * Platt scaling with two inputs: the naive Bayes sum is far too sure of itself (it adds up evidence
 * as if every word were independent) and would drown the keyword layer, so a logistic curve over
 * both sums, fitted on scores of items the weights did not see, sets how much each counts and turns
 * them into a probability that means what it says. Newton's method on the log-loss with Platt's
 * smoothed targets and a little ridge, so that a perfectly separating keyword cannot run off.
 */
export function fitCalibration(
  inputs: ReadonlyArray<readonly [number, number]>,
  labels: readonly boolean[],
): ClassifierModel['calibration'] {
  const positives = labels.filter(Boolean).length;
  const negatives = labels.length - positives;
  const high = (positives + 1) / (positives + 2);
  const low = 1 / (negatives + 2);
  const targets = labels.map((label) => (label ? high : low));
  const RIDGE = 0.01;
  const rows = inputs.map(([words, keywords]) => [words, keywords, 1] as const);
  const loss = (w: readonly number[]) =>
    rows.reduce((sum, row, index) => {
      const z = row[0] * w[0]! + row[1] * w[1]! + w[2]!;
      const t = targets[index]!;
      // log(1 + e^z) without overflow.
      const softplus = z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
      return sum + softplus - t * z;
    }, 0) +
    (RIDGE / 2) * (w[0]! * w[0]! + w[1]! * w[1]!);
  let w = [0.1, 0.1, 0];
  let current = loss(w);
  for (let iteration = 0; iteration < 200; iteration++) {
    const gradient = [RIDGE * w[0]!, RIDGE * w[1]!, 0];
    const hessian = [
      [RIDGE + 1e-9, 0, 0],
      [0, RIDGE + 1e-9, 0],
      [0, 0, 1e-9],
    ];
    rows.forEach((row, index) => {
      const p = 1 / (1 + Math.exp(-(row[0] * w[0]! + row[1] * w[1]! + w[2]!)));
      const diff = p - targets[index]!;
      const weight = p * (1 - p);
      for (let i = 0; i < 3; i++) {
        gradient[i]! += diff * row[i]!;
        for (let j = 0; j < 3; j++) hessian[i]![j]! += weight * row[i]! * row[j]!;
      }
    });
    const step = solve3(hessian, gradient);
    // Newton's step, halved until it lowers the loss (saturated scores make the full step overshoot).
    let scale = 1;
    const moved = (factor: number) => w.map((value, i) => value - factor * step[i]!);
    while (scale > 1e-6 && loss(moved(scale)) > current) scale /= 2;
    if (scale <= 1e-6) break;
    w = moved(scale);
    const next = loss(w);
    if (current - next < 1e-10) break;
    current = next;
  }
  return { a: round(w[0]!), k: round(w[1]!), b: round(w[2]!) };
}

/** Solves a 3 × 3 linear system by Gaussian elimination with partial pivoting. */
function solve3(matrix: number[][], vector: number[]): number[] {
  const m = matrix.map((row, i) => [...row, vector[i]!]);
  for (let col = 0; col < 3; col++) {
    let pivot = col;
    for (let row = col + 1; row < 3; row++)
      if (Math.abs(m[row]![col]!) > Math.abs(m[pivot]![col]!)) pivot = row;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    for (let row = col + 1; row < 3; row++) {
      const factor = m[row]![col]! / m[col]![col]!;
      for (let k = col; k < 4; k++) m[row]![k]! -= factor * m[col]![k]!;
    }
  }
  const x = [0, 0, 0];
  for (let row = 2; row >= 0; row--) {
    let sum = m[row]![3]!;
    for (let k = row + 1; k < 3; k++) sum -= m[row]![k]! * x[k]!;
    x[row] = sum / m[row]![row]!;
  }
  return x;
}

/** Trains the whole model; `extra` (human decisions) count like labelled items. */
export function trainClassifier(items: readonly LabelledItem[], extra = 0): ClassifierModel {
  const empty: ClassifierModel['topics'] = { codes: [], priors: [], weights: {}, unseen: [] };
  // Out-of-fold scores: each item scored by weights trained without it.
  const scores: Array<readonly [number, number]> = [];
  const labels: boolean[] = [];
  for (let fold = 0; fold < FOLDS; fold++) {
    const key = (item: LabelledItem) => item.url ?? item.title;
    const training = items.filter((item) => foldOf(key(item), FOLDS) !== fold);
    const held = items.filter((item) => foldOf(key(item), FOLDS) === fold);
    const partial: ClassifierModel = {
      version: 1,
      trainedOn: { items: 0, dx: 0, notDx: 0, extra: 0 },
      ...trainWeights(training),
      calibration: { a: 1, k: 1, b: 0 },
      topics: empty,
    };
    for (const item of held) {
      const scored = scoreTexts(partial, [item.title, item.lead ?? '']);
      scores.push([scored.wordScore, scored.keywordScore]);
      labels.push(item.isDx);
    }
  }
  const dx = items.filter((item) => item.isDx).length;
  return {
    version: 1,
    trainedOn: { items: items.length, dx, notDx: items.length - dx, extra },
    ...trainWeights(items),
    calibration: fitCalibration(scores, labels),
    topics: trainTopics(items),
  };
}
