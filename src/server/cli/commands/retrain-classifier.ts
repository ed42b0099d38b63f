import fs from 'node:fs';
import path from 'node:path';
import { exportDecisions } from '../../domain/monitor/export-decisions';
import { AppError } from '../../errors';
import { retrainedModelPath } from '../../monitor/classify/active';
import { parseLabelled } from '../../monitor/classify/dataset';
import { retrainClassifier } from '../../monitor/classify/retrain';
import { booleanOption, type Command, stringOption } from '../command';
import { formatCount, writeLine } from '../io';
import { CLI_PRINCIPAL } from './import-records';

const NAME = 'retrain-classifier';

/** The labelled set in the repository (the CLI runs from the sources, like `npm run cli`). */
const DEFAULT_LABELLED = path.resolve(import.meta.dirname, '../../../../data/classifier/labelled.jsonl');

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

/**
 * `retrain-classifier`: trains the DX classifier again on data/classifier plus every decision people
 * made in the review queue, prints how it does on the evaluation part, and writes the model into
 * DATA_DIR, where the monitor takes it up in preference to the shipped model.json (within seconds,
 * without a restart). `--reset` goes back to the shipped model.
 */
export const retrainClassifierCommand: Command = {
  name: NAME,
  summary: 'Huấn luyện lại bộ phân loại tin CĐS với bộ dữ liệu gán nhãn và các quyết định của người duyệt',
  positionals: [],
  options: {
    labelled: {
      type: 'string',
      value: 'tệp.jsonl',
      description: 'Bộ dữ liệu gán nhãn (mặc định data/classifier/labelled.jsonl của mã nguồn)',
    },
    'dry-run': { type: 'boolean', description: 'Chỉ huấn luyện và đo, không ghi mô hình' },
    reset: {
      type: 'boolean',
      description: 'Xóa mô hình huấn luyện lại: trình giám sát dùng lại mô hình kèm phần mềm',
    },
  },
  notes: [
    'Huấn luyện trên phần "train" của bộ dữ liệu gán nhãn cộng mọi quyết định "là tin CĐS / không phải" trong',
    'hàng chờ xem xét; đo precision, recall, F1 trên phần "eval" (quyết định về chính các tin đó bị bỏ ra).',
    'Mô hình ghi vào DATA_DIR/monitor/classifier-model.json; máy chủ đang chạy tự dùng mô hình mới.',
  ],
  async run({ options, io, database }) {
    if (!io.dataDir) throw new AppError('INTERNAL', 'Không biết thư mục dữ liệu (DATA_DIR).');
    const target = retrainedModelPath(io.dataDir);
    if (booleanOption(options, 'reset')) {
      fs.rmSync(target, { force: true });
      writeLine(io.stdout, 'Đã xóa mô hình huấn luyện lại; trình giám sát dùng mô hình kèm phần mềm.');
      return;
    }
    const labelledFile = stringOption(options, 'labelled') ?? DEFAULT_LABELLED;
    let labelledText: string;
    try {
      labelledText = fs.readFileSync(labelledFile, 'utf8');
    } catch {
      throw new AppError('VALIDATION_FAILED', `Không đọc được bộ dữ liệu gán nhãn ${labelledFile}.`);
    }
    const labelled = parseLabelled(labelledText, path.basename(labelledFile));
    const exported = await exportDecisions(database.db, CLI_PRINCIPAL);
    const decisions = parseLabelled(exported.body, 'quyết định của người duyệt');
    const outcome = retrainClassifier(labelled, decisions, new Date());
    const { metrics } = outcome;
    writeLine(
      io.stdout,
      `Huấn luyện: ${formatCount(outcome.labelled)} tin gán nhãn + ${formatCount(outcome.decisions)} quyết định của người duyệt${outcome.leftOut ? ` (bỏ ${formatCount(outcome.leftOut)} quyết định về tin của phần đánh giá)` : ''}.`,
    );
    writeLine(
      io.stdout,
      `Đánh giá trên ${formatCount(metrics.total)} tin chưa từng thấy: precision ${percent(metrics.precision)}, recall ${percent(metrics.recall)}, F1 ${percent(metrics.f1)}.`,
    );
    if (booleanOption(options, 'dry-run')) {
      writeLine(io.stdout, 'Chạy thử: không ghi mô hình.');
      return;
    }
    fs.mkdirSync(path.dirname(target), { recursive: true });
    // Written aside and renamed, so a running server never reads half a model.
    const partial = `${target}.${process.pid}.tmp`;
    fs.writeFileSync(partial, `${JSON.stringify(outcome.model)}\n`);
    fs.renameSync(partial, target);
    writeLine(
      io.stdout,
      `Đã ghi mô hình: ${target}. Trình giám sát dùng mô hình này thay cho mô hình kèm phần mềm.`,
    );
  },
};
