import { dayOf, formatVnDate } from '../../../shared/dates';
import { foldForSearch } from '../../../shared/text';
import { urlKey } from '../../../shared/url-key';
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
  /** The page decided on (its url-key form); the same page found again anywhere gets the decision. */
  urlKey?: string | null;
  /** When the person decided, quoted in the reason. */
  decidedAt?: Date | null;
}

/** The same item however it was typed: folded, spacing and punctuation ignored. */
export function decisionKey(input: { title: string; lead?: string | null }): string {
  const squash = (text: string) =>
    foldAccents(text)
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  return `${squash(input.title)}\n${squash(input.lead ?? '')}`;
}

/**
 * A title alone as the decision's key: folded, every run of characters other than a–z and 0–9 one
 * space. The repository compares titles in SQL the same way (monitor-decisions.ts), so keep them in step.
 */
export function decisionTitleKey(title: string): string {
  return foldForSearch(title)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * A title this short ("Thông báo", "Tin hoạt động") names no one article: a decision on one such item
 * says nothing about another of the same title, so titles are matched only from this many words.
 */
export const MIN_TITLE_WORDS = 5;

export function isDistinctiveTitle(titleKey: string): boolean {
  return titleKey.split(' ').filter(Boolean).length >= MIN_TITLE_WORDS;
}

export const HUMAN_REASON = 'quyết định của người duyệt';

/** The reason a remembered decision gives, with its day when known. */
export function humanReason(decidedAt: Date | null | undefined): string {
  return decidedAt ? `Đã được người duyệt quyết định ngày ${formatVnDate(dayOf(decidedAt))}` : HUMAN_REASON;
}

/** What the monitor classifies: a found item with the page it came from. */
export type ClassifyFoundItem = (input: {
  title: string;
  lead?: string | null;
  url?: string | null;
}) => Classification;

/**
 * Remembered decisions first, the model for the rest: the same page (by URL key), else the same
 * distinctive title (a lead differs between a listing, a feed and the article, so it is not compared). When several decisions match one key the later
 * in `decisions` wins, so pass them oldest first. The decisions are also what `retrain-classifier`
 * trains on, so the model learns from them too.
 */
export function withDecisions(classify: ClassifyItem, decisions: Iterable<HumanDecision>): ClassifyFoundItem {
  const byUrl = new Map<string, HumanDecision>();
  const byTitle = new Map<string, HumanDecision>();
  for (const decision of decisions) {
    if (decision.urlKey) byUrl.set(decision.urlKey, decision);
    const titleKey = decisionTitleKey(decision.title);
    if (isDistinctiveTitle(titleKey)) byTitle.set(titleKey, decision);
  }
  return (input) => {
    const key = input.url ? urlKey(input.url) : null;
    const decision = (key ? byUrl.get(key) : undefined) ?? byTitle.get(decisionTitleKey(input.title));
    if (!decision) return classify(input);
    return {
      isDx: decision.isDx,
      topic: decision.isDx ? decision.topic : null,
      confidence: 1,
      reasons: [humanReason(decision.decidedAt)],
    };
  };
}
