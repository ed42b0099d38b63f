/**
 * The scoreboard's status once an official score exists: the tag, counts and filter follow the
 * published appraisal, and the live status is shown beside it, labelled.
 */
export const officialStatusVi = {
  'officialStatus.live': 'Tự động: {status}',
  'officialStatus.liveHint':
    'Trạng thái tính từ các bản ghi tại thời điểm xem. Trạng thái chính thức theo điểm thẩm định đã công bố.',
} as const;

export const officialStatusEn: Record<keyof typeof officialStatusVi, string> = {
  'officialStatus.live': 'Automatic: {status}',
  'officialStatus.liveHint':
    'The status computed from the records as of now. The official status follows the published appraisal.',
};
