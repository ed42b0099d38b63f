import type { Classification, ClassifyItem } from '../contract';
import { TOPIC_CODES } from './keywords';
import { type ClassifierModel, classifyWith } from './model';
import shipped from './model.json';
import { foldAccents } from './normalize';

export type { ClassifierModel } from './model';

/**
 * The DX classifier (issue 11): title + lead → is it about digital transformation, which D11 topic,
 * how sure, and why. The model ships in the repository (model.json, written by
 * scripts/train-classifier.ts): nothing is downloaded at run time.
 */

/** Checks a model's shape once, so a hand-edited or truncated model.json fails loudly at start. */
export function loadClassifier(modelJson: unknown): ClassifyItem {
  const model = modelJson as ClassifierModel;
  if (
    typeof model !== 'object' ||
    model === null ||
    model.version !== 1 ||
    typeof model.prior !== 'number' ||
    typeof model.weights !== 'object' ||
    typeof model.calibration?.a !== 'number' ||
    typeof model.calibration?.k !== 'number' ||
    typeof model.calibration?.b !== 'number' ||
    !Array.isArray(model.topics?.codes) ||
    !model.topics.codes.every((code) => (TOPIC_CODES as readonly string[]).includes(code))
  )
    throw new Error('Mô hình phân loại không hợp lệ (model.json hỏng hoặc sai phiên bản).');
  return (input) => classifyWith(model, input);
}

/** The shipped model, read once when the module loads. */
export const classifyItem: ClassifyItem = loadClassifier(shipped);

/**
 * Verdicts this unsure go to a person: confidence is the model's probability of its own verdict
 * (0.5–1), and below 0.75 about one verdict in four would be wrong by its own account.
 */
export const REVIEW_BAND = { min: 0.5, max: 0.75 } as const;

export function needsReview(classification: Classification): boolean {
  return classification.confidence < REVIEW_BAND.max;
}

/** A person's decision from the review queue: it overrides the model for that item from then on. */
export interface HumanDecision {
  title: string;
  lead?: string | null;
  isDx: boolean;
  topic: string | null;
}

/** The same item however it was typed: folded, spacing and punctuation ignored. */
export function decisionKey(input: { title: string; lead?: string | null }): string {
  const squash = (text: string) =>
    foldAccents(text)
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  return `${squash(input.title)}\n${squash(input.lead ?? '')}`;
}

export const HUMAN_REASON = 'quyết định của người duyệt';

/**
 * Remembered decisions first, the model for the rest. The decisions are also what
 * `scripts/train-classifier.ts --extra` retrains on, so the model learns from them too.
 */
export function withDecisions(classify: ClassifyItem, decisions: Iterable<HumanDecision>): ClassifyItem {
  const known = new Map<string, HumanDecision>();
  for (const decision of decisions) known.set(decisionKey(decision), decision);
  return (input) => {
    const decision = known.get(decisionKey(input));
    if (!decision) return classify(input);
    return {
      isDx: decision.isDx,
      topic: decision.isDx ? decision.topic : null,
      confidence: 1,
      reasons: [HUMAN_REASON],
    };
  };
}
