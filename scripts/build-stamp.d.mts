// Types of scripts/build-stamp.mjs (a plain module: `npm start` runs it before anything is built).
export declare const BUILD_INPUTS: string[];
export declare const BUILD_OUTPUTS: string[];
export declare const STAMP_FILE: string;
export interface BuildStatus {
  fresh: boolean;
  digest: string;
  reason: string;
}
export declare function inputsDigest(root: string, inputs?: string[]): string;
export declare function buildStatus(root: string, inputs?: string[], outputs?: string[]): BuildStatus;
export declare function writeStamp(root: string, digest: string): void;
export interface RunBuildOptions {
  ifStale?: boolean;
  inputs?: string[];
  outputs?: string[];
  onBuild?: (reason: string) => void;
}
export declare function runBuild(
  root: string,
  build: () => Promise<void>,
  options?: RunBuildOptions,
): Promise<{ built: boolean; reason: string }>;
