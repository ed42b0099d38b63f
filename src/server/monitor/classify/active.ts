import fs from 'node:fs';
import path from 'node:path';
import type { ClassifyItem } from '../contract';
import { classifyItem, loadClassifier } from './index';
import type { ClassifierModel } from './model';
import shipped from './model.json';

/** Which model the monitor classifies with, for the monitor page. */
export interface ClassifierInfo {
  source: 'shipped' | 'retrained';
  /** When `retrain-classifier` trained it; null for the shipped model (trained when the code was). */
  trainedAt: Date | null;
  /** Items trained on, human decisions included. */
  items: number;
  /** Of which decisions from the review queue. */
  decisions: number;
  /** F1 on the evaluation part, when the model file records it. */
  f1: number | null;
  /** Why a retrained model file present in DATA_DIR is not used (unreadable, wrong shape). */
  problem: string | null;
}

/** Where `retrain-classifier` writes its model, inside DATA_DIR (never inside the code). */
export function retrainedModelPath(dataDir: string): string {
  return path.join(dataDir, 'monitor', 'classifier-model.json');
}

function infoOf(model: ClassifierModel, source: ClassifierInfo['source']): ClassifierInfo {
  return {
    source,
    trainedAt: model.trainedAt ? new Date(model.trainedAt) : null,
    items: model.trainedOn.items,
    decisions: model.trainedOn.extra,
    f1: model.evaluation?.f1 ?? null,
    problem: null,
  };
}

const SHIPPED_INFO = infoOf(shipped as ClassifierModel, 'shipped');

/**
 * The classifier the monitor uses: the retrained model in DATA_DIR when there is one, else the
 * shipped model.json. `retrain-classifier` runs in another process while the server runs, so the
 * file's modification time is looked at again (at most every `recheckMs`) and a new model is taken
 * up without a restart. A broken file is reported and the shipped model used, never a failed check.
 */
export function createActiveClassifier(
  dataDir: string,
  options: { recheckMs?: number; now?: () => number } = {},
): { classify: ClassifyItem; info: () => ClassifierInfo } {
  const file = retrainedModelPath(dataDir);
  const recheckMs = options.recheckMs ?? 10_000;
  const clock = options.now ?? Date.now;
  let current: ClassifyItem = classifyItem;
  let info: ClassifierInfo = SHIPPED_INFO;
  let loadedMtime: number | null = null;
  let lastLook = Number.NEGATIVE_INFINITY;

  const refresh = (force: boolean) => {
    const now = clock();
    if (!force && now - lastLook < recheckMs) return;
    lastLook = now;
    let mtime: number | null;
    try {
      mtime = fs.statSync(file).mtimeMs;
    } catch {
      mtime = null;
    }
    if (mtime === loadedMtime) return;
    loadedMtime = mtime;
    if (mtime === null) {
      current = classifyItem;
      info = SHIPPED_INFO;
      return;
    }
    try {
      const json: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
      current = loadClassifier(json);
      info = infoOf(json as ClassifierModel, 'retrained');
    } catch (error) {
      current = classifyItem;
      info = {
        ...SHIPPED_INFO,
        // The page shows this: the reason without the server's paths.
        problem: `Tệp mô hình huấn luyện lại (DATA_DIR/monitor/classifier-model.json) không dùng được: ${error instanceof SyntaxError ? 'không phải JSON hợp lệ.' : error instanceof Error ? error.message : String(error)}`,
      };
    }
  };

  return {
    classify: (input) => {
      refresh(false);
      return current(input);
    },
    info: () => {
      refresh(true);
      return info;
    },
  };
}

let installed: ReturnType<typeof createActiveClassifier> | null = null;

/** The composition root's classifier for this process (src/server/monitor/index.ts). */
export function installActiveClassifier(dataDir: string): ClassifyItem {
  installed = createActiveClassifier(dataDir);
  return installed.classify;
}

/** The model in use in this process; the shipped one where the monitor is not installed (tests). */
export function activeClassifierInfo(): ClassifierInfo {
  return installed ? installed.info() : SHIPPED_INFO;
}
