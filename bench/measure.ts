import { performance } from 'node:perf_hooks';

export interface Timing {
  medianMs: number;
  minMs: number;
  maxMs: number;
  runs: number;
}

export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function summarize(samples: number[]): Timing {
  return {
    medianMs: median(samples),
    minMs: Math.min(...samples),
    maxMs: Math.max(...samples),
    runs: samples.length,
  };
}

export async function timeOnce(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

export interface PairOptions {
  warmup: number;
  runs: number;
  /** Stop adding runs (after at least 3) once this much time went into the pair. */
  maxSeconds: number;
  /** Untimed work before each product run (a write that the product must then take into account). */
  beforeProduct?: () => Promise<void>;
}

/**
 * Times the product's way and the raw-SQL way of the same work, alternating them run by run so that
 * a slow moment of the machine (GC, checkpoint, another process) hits both sides alike.
 */
export async function timePair(
  product: () => Promise<unknown>,
  raw: () => Promise<unknown>,
  options: PairOptions,
): Promise<{ product: Timing; raw: Timing }> {
  for (let i = 0; i < options.warmup; i++) {
    await options.beforeProduct?.();
    await product();
    await raw();
  }
  const productSamples: number[] = [];
  const rawSamples: number[] = [];
  const deadline = performance.now() + options.maxSeconds * 1000;
  for (let i = 0; i < options.runs; i++) {
    if (i >= 3 && performance.now() > deadline) break;
    await options.beforeProduct?.();
    productSamples.push(await timeOnce(product));
    rawSamples.push(await timeOnce(raw));
  }
  return { product: summarize(productSamples), raw: summarize(rawSamples) };
}
