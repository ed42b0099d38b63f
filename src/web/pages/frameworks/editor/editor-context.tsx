import { createContext, type ReactNode, useContext } from 'react';
import type { FrameworkIssue } from '../../../api/frameworks';
import type { FrameworkDraft } from './draft';
import { type DraftPath, formatDraftPath } from './draft-paths';

/**
 * What every field of the editor needs: the draft, a way to change one value in it, and the problems
 * the server found, by path. The draft is small (a framework has tens of criteria), so one state for
 * the whole tree keeps moves, copies and the file text simple.
 */

export interface IssueIndex {
  errors: readonly FrameworkIssue[];
  warnings: readonly FrameworkIssue[];
}

export const NO_ISSUES: IssueIndex = { errors: [], warnings: [] };

interface EditorContextValue {
  draft: FrameworkDraft;
  update: (path: DraftPath, value: unknown) => void;
  issues: IssueIndex;
}

const EditorContext = createContext<EditorContextValue | null>(null);

export function EditorProvider(props: EditorContextValue & { children: ReactNode }) {
  const { children, ...value } = props;
  return <EditorContext.Provider value={value}>{children}</EditorContext.Provider>;
}

export function useEditor(): EditorContextValue {
  const value = useContext(EditorContext);
  if (!value) throw new Error('useEditor outside EditorProvider');
  return value;
}

/** The messages about exactly this path, and with `items` about its list items ("appliesTo[2]") too. */
export function useIssuesAt(path: DraftPath, options: { items?: boolean } = {}) {
  const { issues } = useEditor();
  const key = formatDraftPath(path);
  const matches = (issue: FrameworkIssue) =>
    issue.path === key || (options.items === true && issue.path.startsWith(`${key}[`));
  return {
    errors: issues.errors.filter(matches).map((issue) => issue.message),
    warnings: issues.warnings.filter(matches).map((issue) => issue.message),
  };
}

/** How many errors lie anywhere below a path (a criterion, a rule): shown on its card. */
export function useErrorCountUnder(path: DraftPath): number {
  const { issues } = useEditor();
  const key = formatDraftPath(path);
  return issues.errors.filter(
    (issue) => issue.path === key || issue.path.startsWith(`${key}.`) || issue.path.startsWith(`${key}[`),
  ).length;
}
