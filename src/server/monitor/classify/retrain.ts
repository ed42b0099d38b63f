import { type LabelledItem, type Metrics, measure, splitOf } from './dataset';
import { decisionKey, decisionTitleKey } from './index';
import { type ClassifierModel, classifyWith } from './model';
import { trainClassifier } from './train';

export interface RetrainOutcome {
  model: ClassifierModel;
  /** On the evaluation part of the labelled set, which neither the model nor the decisions saw. */
  metrics: Metrics;
  /** Labelled items trained on (the training part). */
  labelled: number;
  /** Decisions trained on, after duplicates and those about evaluation items were left out. */
  decisions: number;
  /** Decisions left out because they name an evaluation item (they would flatter the measure). */
  leftOut: number;
}

const round = (value: number) => Math.round(value * 1000) / 1000;

/**
 * Trains the classifier again on the training part of the labelled set plus the decisions people
 * made in the review queue, as scripts/train-classifier.ts --extra does, and measures it on the
 * evaluation part. Pure: the caller reads the files and the database and writes the model.
 */
export function retrainClassifier(
  labelled: readonly LabelledItem[],
  decisions: readonly LabelledItem[],
  now: Date,
): RetrainOutcome {
  const train = labelled.filter((item) => item.url && splitOf(item.url) === 'train');
  const evaluation = labelled.filter((item) => item.url && splitOf(item.url) === 'eval');
  const evalTitles = new Set(evaluation.map((item) => decisionTitleKey(item.title)));
  // One decision per item (the first given: the export lists the newest first).
  const seen = new Set<string>();
  const extra: LabelledItem[] = [];
  let leftOut = 0;
  for (const decision of decisions) {
    const key = decisionKey(decision);
    if (seen.has(key)) continue;
    seen.add(key);
    if (evalTitles.has(decisionTitleKey(decision.title))) {
      leftOut += 1;
      continue;
    }
    extra.push(decision);
  }
  const trained = trainClassifier([...train, ...extra], extra.length);
  const metrics = measure(evaluation, (item) => classifyWith(trained, item));
  const model: ClassifierModel = {
    ...trained,
    trainedAt: now.toISOString(),
    evaluation: {
      items: metrics.total,
      precision: round(metrics.precision),
      recall: round(metrics.recall),
      f1: round(metrics.f1),
    },
  };
  return { model, metrics, labelled: train.length, decisions: extra.length, leftOut };
}
