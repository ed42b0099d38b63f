/**
 * Trains the DX classifier and measures it.
 *
 *   npx tsx scripts/train-classifier.ts [--extra decisions.jsonl]
 *
 * Reads data/classifier/labelled.jsonl, trains on its "train" part (plus, with --extra, the
 * decisions people made in the review queue: JSON lines of {title, lead, isDx, topic}), writes
 * src/server/monitor/classify/model.json and prints precision, recall and F1 on the "eval" part,
 * which the model never saw. Same input, same model.json, byte for byte.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type LabelledItem, measure, parseLabelled, splitOf } from '../src/server/monitor/classify/dataset';
import { classifyWith } from '../src/server/monitor/classify/model';
import { trainClassifier } from '../src/server/monitor/classify/train';

const ROOT = path.resolve(import.meta.dirname, '..');
const LABELLED = path.join(ROOT, 'data/classifier/labelled.jsonl');
const MODEL = path.join(ROOT, 'src/server/monitor/classify/model.json');

const { values } = parseArgs({ options: { extra: { type: 'string' } } });
const items = parseLabelled(fs.readFileSync(LABELLED, 'utf8'), 'labelled.jsonl');
const extra: LabelledItem[] = values.extra
  ? parseLabelled(fs.readFileSync(values.extra, 'utf8'), values.extra)
  : [];
// Items carry their split in the file too; it is recomputed so the file cannot disagree.
const train = items.filter((item) => item.url && splitOf(item.url) === 'train');
const evaluation = items.filter((item) => item.url && splitOf(item.url) === 'eval');

const model = trainClassifier([...train, ...extra], extra.length);
const json = `${JSON.stringify(model)}\n`;
fs.writeFileSync(MODEL, json);

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
const metrics = measure(evaluation, (item) => classifyWith(model, item));
console.log(
  `Huấn luyện: ${train.length} mục (${train.filter((i) => i.isDx).length} CĐS)${extra.length ? ` + ${extra.length} quyết định của người duyệt` : ''}; model.json ${(json.length / 1024).toFixed(0)} KB, ${Object.keys(model.weights).length} đặc trưng.`,
);
console.log(
  `Đánh giá: ${metrics.total} mục (${metrics.truePositive + metrics.falseNegative} CĐS): precision ${percent(metrics.precision)}, recall ${percent(metrics.recall)}, F1 ${percent(metrics.f1)}; đúng chủ đề ${percent(metrics.topicAccuracy)} (TP ${metrics.truePositive}, FP ${metrics.falsePositive}, FN ${metrics.falseNegative}, TN ${metrics.trueNegative}).`,
);
for (const item of evaluation) {
  const verdict = classifyWith(model, item);
  if (verdict.isDx !== item.isDx)
    console.log(
      `  sai: ${item.isDx ? 'CĐS' : 'không'} → ${verdict.isDx ? 'CĐS' : 'không'} (${verdict.confidence}) ${item.title}`,
    );
}
