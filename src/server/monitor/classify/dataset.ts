import { createHash } from 'node:crypto';
import { TOPIC_CODES, type TopicCode } from './keywords';

/** One labelled item of data/classifier/labelled.jsonl (or of a review-queue export). */
export interface LabelledItem {
  title: string;
  lead: string | null;
  isDx: boolean;
  topic: TopicCode | null;
  /** The page the item was read from; human decisions exported from the review queue may have none. */
  url?: string;
}

export type Split = 'train' | 'eval';

/** One item in five goes to evaluation, chosen by a hash of its URL: stable as the set grows. */
export function splitOf(url: string): Split {
  const digest = createHash('sha256').update(url).digest();
  return digest.readUInt32BE(0) % 5 === 0 ? 'eval' : 'train';
}

/** A stable fold number (0..folds−1) for the out-of-fold calibration. */
export function foldOf(key: string, folds: number): number {
  const digest = createHash('sha256').update(`fold:${key}`).digest();
  return digest.readUInt32BE(0) % folds;
}

function isTopic(value: unknown): value is TopicCode {
  return typeof value === 'string' && (TOPIC_CODES as readonly string[]).includes(value);
}

/** Reads JSON lines of {title, lead, isDx, topic, url?}; a wrong line is an error naming it. */
export function parseLabelled(text: string, source: string): LabelledItem[] {
  const items: LabelledItem[] = [];
  text.split('\n').forEach((line, index) => {
    if (!line.trim()) return;
    const where = `${source}, dòng ${index + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new Error(`${where}: không phải JSON hợp lệ.`);
    }
    if (typeof value !== 'object' || value === null) throw new Error(`${where}: cần một đối tượng JSON.`);
    const row = value as Record<string, unknown>;
    if (typeof row.title !== 'string' || !row.title.trim()) throw new Error(`${where}: thiếu "title".`);
    if (typeof row.isDx !== 'boolean') throw new Error(`${where}: "isDx" phải là true hoặc false.`);
    if (row.topic !== null && row.topic !== undefined && !isTopic(row.topic))
      throw new Error(`${where}: "topic" không thuộc danh sách chủ đề D11 (${TOPIC_CODES.join(', ')}).`);
    if (row.lead !== null && row.lead !== undefined && typeof row.lead !== 'string')
      throw new Error(`${where}: "lead" phải là chuỗi.`);
    items.push({
      title: row.title.normalize('NFC'),
      lead: typeof row.lead === 'string' ? row.lead.normalize('NFC') : null,
      isDx: row.isDx,
      topic: row.isDx && isTopic(row.topic) ? row.topic : null,
      ...(typeof row.url === 'string' ? { url: row.url } : {}),
    });
  });
  return items;
}

export interface Metrics {
  total: number;
  truePositive: number;
  falsePositive: number;
  falseNegative: number;
  trueNegative: number;
  precision: number;
  recall: number;
  f1: number;
  /** Share of DX items whose topic matched the label (items labelled DX and predicted DX). */
  topicAccuracy: number;
}

export function measure(
  items: readonly LabelledItem[],
  predict: (item: LabelledItem) => { isDx: boolean; topic: string | null },
): Metrics {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  let topicRight = 0;
  for (const item of items) {
    const verdict = predict(item);
    if (verdict.isDx && item.isDx) {
      tp++;
      if (verdict.topic === item.topic) topicRight++;
    } else if (verdict.isDx) fp++;
    else if (item.isDx) fn++;
    else tn++;
  }
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return {
    total: items.length,
    truePositive: tp,
    falsePositive: fp,
    falseNegative: fn,
    trueNegative: tn,
    precision,
    recall,
    f1,
    topicAccuracy: tp ? topicRight / tp : 0,
  };
}
