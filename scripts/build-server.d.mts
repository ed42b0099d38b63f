// Types of scripts/build-server.mjs (a plain module: `npm run build` runs it).
export declare function buildServer(
  root: string,
  options?: { outdir?: string; entryPoints?: Record<string, string> },
): Promise<void>;
