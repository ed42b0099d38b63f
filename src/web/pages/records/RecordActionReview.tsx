import { App, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useReviewActivity } from '../../api/activities';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/I18nProvider';

export type ReviewDecision = 'accepted' | 'rejected';

/**
 * Accepts or rejects one record with an optional note (kept in the audit log). The server sets the
 * third date, "reviewed at"; the dates it happened and was recorded stay as they were.
 */
export function RecordActionReview(props: {
  activityId: string;
  title: string;
  /** The decision being made; null while the modal is closed. */
  decision: ReviewDecision | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const review = useReviewActivity();
  const [note, setNote] = useState('');
  const accepting = props.decision === 'accepted';

  const close = () => {
    setNote('');
    review.reset();
    props.onClose();
  };

  return (
    <Modal
      open={props.decision !== null}
      title={accepting ? t('recordActions.acceptTitle') : t('recordActions.rejectTitle')}
      okText={accepting ? t('recordActions.accept') : t('recordActions.reject')}
      okButtonProps={{ danger: !accepting, loading: review.isPending }}
      cancelText={t('common.cancel')}
      onCancel={close}
      onOk={() => {
        if (!props.decision) return;
        review.mutate(
          {
            activityId: props.activityId,
            review: { status: props.decision, note: note.trim() || undefined },
          },
          {
            onSuccess: (saved) => {
              void message.success(
                saved.reviewStatus === 'accepted'
                  ? t('recordActions.acceptedMessage')
                  : t('recordActions.rejectedMessage'),
              );
              close();
            },
          },
        );
      }}
    >
      <Typography.Paragraph strong>{props.title}</Typography.Paragraph>
      {review.error ? <ErrorAlert error={review.error} /> : null}
      <Input.TextArea
        aria-label={t('recordActions.reviewNote')}
        placeholder={t('recordActions.reviewNote')}
        value={note}
        onChange={(event) => setNote(event.target.value)}
        autoSize={{ minRows: 2 }}
        maxLength={2000}
      />
    </Modal>
  );
}
