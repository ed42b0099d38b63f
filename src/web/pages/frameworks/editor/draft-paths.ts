/**
 * Paths in the draft, spelled the way the server names them in its issues
 * ("pillars[0].indices[0].criteria[2].rule.threshold"), so that an issue finds its field.
 */
export type DraftPath = ReadonlyArray<string | number>;

export function formatDraftPath(path: DraftPath): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text ? `.${segment}` : segment;
  }
  return text;
}

/** The id of the element showing a path, for "go to the problem" links. */
export function domIdOf(path: DraftPath | string): string {
  return `fw-${typeof path === 'string' ? path : formatDraftPath(path)}`;
}

/** "a.b[2].c" → the paths from the longest to the shortest: "a.b[2].c", "a.b[2]", "a.b", "a". */
export function ancestorsOf(path: string): string[] {
  const result: string[] = [];
  let current = path;
  while (current) {
    result.push(current);
    const cut = Math.max(current.lastIndexOf('.'), current.lastIndexOf('['));
    current = cut > 0 ? current.slice(0, cut) : '';
  }
  return result;
}

export function getIn(value: unknown, path: DraftPath): unknown {
  let current = value;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

/** A copy of `value` with the value at `path` replaced; only the objects along the path are copied. */
export function setIn<T>(value: T, path: DraftPath, next: unknown): T {
  if (path.length === 0) return next as T;
  const [head, ...rest] = path;
  const container = value as unknown;
  if (Array.isArray(container)) {
    const copy = [...container];
    copy[head as number] = setIn(copy[head as number], rest, next);
    return copy as T;
  }
  const record = (container ?? {}) as Record<string, unknown>;
  return { ...record, [head as string]: setIn(record[head as string], rest, next) } as T;
}
