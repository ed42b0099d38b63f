import type { Classification } from '../contract';
import { KEYWORD_RULES, TOPIC_KEYWORD_BOOST, type TopicCode } from './keywords';
import { type Feature, features, syllables } from './normalize';

/**
 * The trained model as it ships in model.json: naive Bayes weights over accent-folded syllables and
 * syllable bigrams, a Platt calibration of the final score, and a second naive Bayes over the D11
 * topics of the DX items. Plain numbers only, so it loads with JSON.parse and nothing else.
 */
export interface ClassifierModel {
  version: 1;
  /** What it was trained on, for the README and the CLI's help. */
  trainedOn: { items: number; dx: number; notDx: number; extra: number };
  /**
   * Set by `retrain-classifier` only (the shipped model.json stays byte-for-byte reproducible):
   * when it was trained and how it did on the evaluation part it never saw.
   */
  trainedAt?: string;
  evaluation?: { items: number; precision: number; recall: number; f1: number };
  /** log P(DX) − log P(not DX). */
  prior: number;
  /** Per feature: log P(feature | DX) − log P(feature | not DX). */
  weights: Record<string, number>;
  /**
   * P(DX) = 1 / (1 + exp(−(a · words + k · keywords + b))), fitted on out-of-fold scores: the naive
   * Bayes sum over many words is over-sure, so the keyword layer gets its own factor instead of
   * being drowned by it.
   */
  calibration: { a: number; k: number; b: number };
  topics: {
    codes: TopicCode[];
    /** log P(topic) per code. */
    priors: number[];
    /** Per feature, log P(feature | topic) per code. */
    weights: Record<string, number[]>;
    /** log P(feature | topic) for a known feature the topic never saw (smoothing), per code. */
    unseen: number[];
  };
}

/** One weighed piece of evidence: how the input wrote it, and what it added to the DX log-odds. */
export interface Evidence {
  display: string;
  weight: number;
}

export interface Scored {
  /** DX log-odds before calibration: words (prior + naive Bayes) plus keywords. */
  score: number;
  /** The prior and the naive Bayes weights of the words. */
  wordScore: number;
  /** The keyword layer's weights. */
  keywordScore: number;
  evidence: Evidence[];
  /** Keyword phrases found, with their topics, for the topic choice. */
  keywordTopics: TopicCode[];
  features: Feature[];
}

interface KeywordHit {
  display: string;
  phrase: string;
  weight: number;
  topic: TopicCode | undefined;
}

/** Keyword phrases found in the texts, each once, quoted as the input wrote them. */
export function findKeywords(texts: string[]): KeywordHit[] {
  const hits = new Map<string, KeywordHit>();
  for (const text of texts) {
    const words = syllables(text);
    const folded = words.map((word) => word.folded);
    for (const rule of KEYWORD_RULES) {
      if (hits.has(rule.phrase)) continue;
      const parts = rule.phrase.split(' ');
      for (let start = 0; start + parts.length <= folded.length; start++) {
        if (parts.every((part, offset) => folded[start + offset] === part)) {
          const display = words
            .slice(start, start + parts.length)
            .map((word) => word.text)
            .join(' ');
          hits.set(rule.phrase, { display, phrase: rule.phrase, weight: rule.weight, topic: rule.topic });
          break;
        }
      }
    }
  }
  // A longer phrase that was found speaks for the shorter ones inside it ("công nghệ số cộng đồng"
  // already says "công nghệ số"): count each stretch of text once.
  const found = [...hits.values()];
  return found.filter(
    (hit) =>
      !found.some(
        (other) =>
          other !== hit &&
          other.phrase.length > hit.phrase.length &&
          ` ${other.phrase} `.includes(` ${hit.phrase} `),
      ),
  );
}

/** The DX log-odds of a title and lead, and what made it. */
export function scoreTexts(model: ClassifierModel, texts: string[]): Scored {
  const found = features(...texts);
  const keywords = findKeywords(texts);
  const evidence: Evidence[] = [];
  let keywordScore = 0;
  for (const hit of keywords) {
    if (hit.weight === 0) continue;
    keywordScore += hit.weight;
    evidence.push({ display: hit.display, weight: hit.weight });
  }
  let wordScore = model.prior;
  const keywordPhrases = keywords.map((hit) => ` ${hit.phrase} `);
  for (const feature of found) {
    const weight = model.weights[feature.key];
    if (weight === undefined) continue;
    wordScore += weight;
    // Parts of a keyword phrase already quoted are not quoted again.
    if (keywordPhrases.some((phrase) => phrase.includes(` ${feature.key} `))) continue;
    evidence.push({ display: feature.display, weight });
  }
  return {
    score: wordScore + keywordScore,
    wordScore,
    keywordScore,
    evidence,
    keywordTopics: keywords.flatMap((hit) => (hit.topic ? [hit.topic] : [])),
    features: found,
  };
}

export function calibrate(
  model: ClassifierModel,
  scored: Pick<Scored, 'wordScore' | 'keywordScore'>,
): number {
  const { a, k, b } = model.calibration;
  return 1 / (1 + Math.exp(-(a * scored.wordScore + k * scored.keywordScore + b)));
}

/** The D11 topic whose words and keywords fit best. */
export function chooseTopic(model: ClassifierModel, scored: Scored): TopicCode | null {
  const { codes, priors, weights, unseen } = model.topics;
  if (codes.length === 0) return null;
  const totals = priors.slice();
  for (const feature of scored.features) {
    const perTopic = weights[feature.key];
    if (!perTopic) continue;
    for (let index = 0; index < codes.length; index++) totals[index]! += perTopic[index] ?? unseen[index]!;
  }
  for (const topic of scored.keywordTopics) {
    const index = codes.indexOf(topic);
    if (index >= 0) totals[index]! += TOPIC_KEYWORD_BOOST;
  }
  let best = 0;
  for (let index = 1; index < totals.length; index++) if (totals[index]! > totals[best]!) best = index;
  return codes[best] ?? null;
}

const decimal = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** "chuyển đổi số (+3,0)": the weight as a Vietnamese reader writes numbers. */
export function formatReason(evidence: Evidence): string {
  const sign = evidence.weight >= 0 ? '+' : '−';
  return `${evidence.display} (${sign}${decimal.format(Math.abs(evidence.weight))})`;
}

/** How many weighed features the reasons quote. */
export const REASON_COUNT = 5;

/** Title + lead → verdict, topic, calibrated confidence and the evidence that weighed most for it. */
export function classifyWith(
  model: ClassifierModel,
  input: { title: string; lead?: string | null },
): Classification {
  const texts = [input.title, input.lead ?? ''];
  const scored = scoreTexts(model, texts);
  const probability = calibrate(model, scored);
  const isDx = probability >= 0.5;
  const direction = isDx ? 1 : -1;
  const reasons = scored.evidence
    .filter((item) => item.weight * direction > 0)
    .sort((a, b) => b.weight * direction - a.weight * direction || a.display.localeCompare(b.display))
    .slice(0, REASON_COUNT)
    .map(formatReason);
  if (reasons.length === 0)
    reasons.push(isDx ? 'không có từ nào nghiêng rõ về chuyển đổi số' : 'không có từ nào về chuyển đổi số');
  const confidence = isDx ? probability : 1 - probability;
  return {
    isDx,
    topic: isDx ? chooseTopic(model, scored) : null,
    confidence: Math.round(confidence * 1000) / 1000,
    reasons,
  };
}
