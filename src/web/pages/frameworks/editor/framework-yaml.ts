import { Document, isMap, isScalar, isSeq, visit } from 'yaml';
import type { JsonObject } from './draft';

/**
 * The text of a framework file written by the editor: YAML like the files in frameworks/, so that the
 * stored source reads like any other (lists of codes and the small maps inside rules on one line), and
 * is checked and imported by the very path a file takes.
 */

/** Maps inside a rule that read best on one line when small: a measure, a channel, a step, a tier. */
const MAX_FLOW_ITEMS = 6;

export function definitionToYaml(definition: JsonObject, comment?: string): string {
  const document = new Document(definition);
  // Lists first, so that a map holding a one-line list can go on one line too.
  visit(document, {
    Seq(_, node) {
      if (node.items.length > 0 && node.items.every((item) => isScalar(item))) node.flow = true;
    },
  });
  visit(document, {
    Map(_, node, path) {
      const small =
        node.items.length <= MAX_FLOW_ITEMS &&
        node.items.every((pair) => isScalar(pair.value) || (isSeq(pair.value) && pair.value.flow));
      const inRule = path.some((ancestor) => isMap(ancestor) && ancestor.has('type'));
      if (small && inRule) node.flow = true;
    },
  });
  if (comment) document.commentBefore = comment;
  return document.toString({ lineWidth: 110, minContentWidth: 40 });
}

/**
 * The first line of a file written by the editor, in Vietnamese whatever the interface language: the
 * file is read by province officers, and the same draft must give the same file (and the same hash).
 */
export function editorFileComment(source: { code: string; version: string }): string {
  return ` Soạn bằng trình soạn thảo bộ chỉ số của Loa Số, từ ${source.code} phiên bản "${source.version}".`;
}
