import { ACTIVITY_KIND_LABELS, type ActivityKind } from './activities';

export function activityKindLabel(kind: ActivityKind, language: 'vi' | 'en' = 'vi'): string {
  return ACTIVITY_KIND_LABELS[kind][language];
}
