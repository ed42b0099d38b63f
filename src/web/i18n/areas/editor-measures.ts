/** Framework editor: measures over several kinds of record, each language version apart, moving a criterion. */
export const editorMeasuresVi = {
  'frameworkEditor.measure.sources': 'Đếm (một hoặc nhiều loại, cộng chung)',
  'frameworkEditor.measure.sourcesHint':
    'Chọn nhiều loại để đếm chung thành một con số, ví dụ tin bài hoặc kỳ báo: source: [posts, press_issues].',
  'frameworkEditor.measure.eachVersion': 'Đếm riêng từng bản ngôn ngữ (bản dịch tính là một bản ghi)',
  'frameworkEditor.moveToIndex': 'Thuộc chỉ số',
  'frameworkEditor.moveToIndexOption': 'Chỉ số {code} · {title}',
} as const;

export const editorMeasuresEn: Record<keyof typeof editorMeasuresVi, string> = {
  'frameworkEditor.measure.sources': 'Count (one or several kinds, added together)',
  'frameworkEditor.measure.sourcesHint':
    'Choose several kinds to count them together as one figure, e.g. posts or press issues: source: [posts, press_issues].',
  'frameworkEditor.measure.eachVersion':
    'Count each language version apart (a translation counts as a record)',
  'frameworkEditor.moveToIndex': 'In index',
  'frameworkEditor.moveToIndexOption': 'Index {code} · {title}',
};
