import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useBulkReview } from '../../api/bulk-review';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/I18nProvider';

type Decision = 'accepted' | 'rejected';

/**
 * What to do with the selected records: accept or reject them all in one request, with an optional
 * note, after a confirmation. It stays at the bottom of the screen so a phone can reach it.
 */
export function BulkReviewBar(props: { selectedIds: string[]; onClear: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const review = useBulkReview();
  const [decision, setDecision] = useState<Decision | null>(null);
  const [note, setNote] = useState('');
  const count = props.selectedIds.length;
  if (count === 0) return null;

  const close = () => {
    setDecision(null);
    setNote('');
    review.reset();
  };
  return (
    <>
      <Card
        size="small"
        role="region"
        aria-label={t('bulkReview.selected', { count })}
        style={{ position: 'sticky', bottom: 8, zIndex: 10, boxShadow: '0 2px 12px rgba(0,0,0,0.15)' }}
      >
        <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
          <Typography.Text strong>{t('bulkReview.selected', { count })}</Typography.Text>
          <Space wrap>
            <Button type="primary" icon={<CheckOutlined />} onClick={() => setDecision('accepted')}>
              {t('bulkReview.accept')}
            </Button>
            <Button danger icon={<CloseOutlined />} onClick={() => setDecision('rejected')}>
              {t('bulkReview.reject')}
            </Button>
            <Button type="text" onClick={props.onClear}>
              {t('bulkReview.clear')}
            </Button>
          </Space>
        </Space>
      </Card>
      <Modal
        open={decision !== null}
        title={
          decision === 'accepted'
            ? t('bulkReview.acceptTitle', { count })
            : t('bulkReview.rejectTitle', { count })
        }
        okText={decision === 'accepted' ? t('bulkReview.accept') : t('bulkReview.reject')}
        okButtonProps={{ danger: decision === 'rejected', loading: review.isPending }}
        cancelText={t('common.cancel')}
        onCancel={close}
        onOk={() => {
          if (!decision) return;
          review.mutate(
            { ids: props.selectedIds, status: decision, note: note.trim() || undefined },
            {
              onSuccess: (result) => {
                void message.success(t('bulkReview.done', result));
                close();
                props.onClear();
              },
            },
          );
        }}
      >
        {review.error ? <ErrorAlert error={review.error} /> : null}
        <Input.TextArea
          aria-label={t('bulkReview.note')}
          placeholder={t('bulkReview.note')}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          autoSize={{ minRows: 2 }}
          maxLength={2000}
        />
      </Modal>
    </>
  );
}
