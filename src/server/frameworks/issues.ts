/**
 * A problem found in a framework file, placed where the province officer can find it: the path in
 * the tree ("pillars[0].indices[0].criteria[2].rule.threshold") and the line and column in the file
 * (1-based; null when the problem is about the file as a whole). Messages are Vietnamese.
 */
export interface FrameworkIssue {
  path: string;
  line: number | null;
  column: number | null;
  message: string;
}

/** A problem found in the parsed tree, before it is placed in the file. */
export interface TreeIssue {
  path: ReadonlyArray<string | number>;
  message: string;
}

/** ["pillars", 0, "code"] → "pillars[0].code", the spelling the guide and the messages use. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text ? `.${String(segment)}` : String(segment);
  }
  return text;
}

/** "dòng 12, cột 9" (or nothing when the issue is about the whole file). */
export function formatPosition(issue: Pick<FrameworkIssue, 'line' | 'column'>): string {
  if (issue.line === null) return '';
  return issue.column === null ? `dòng ${issue.line}` : `dòng ${issue.line}, cột ${issue.column}`;
}

/** One line for a terminal or a log: "dòng 12, cột 9 — pillars[0].code: Mã trùng…". */
export function formatIssue(issue: FrameworkIssue): string {
  const where = formatPosition(issue);
  const what = issue.path ? `${issue.path}: ${issue.message}` : issue.message;
  return where ? `${where} — ${what}` : what;
}
