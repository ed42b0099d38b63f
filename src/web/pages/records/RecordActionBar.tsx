import {
  CheckOutlined,
  CloseOutlined,
  EditOutlined,
  TranslationOutlined,
  UndoOutlined,
} from '@ant-design/icons';
import { App, Button, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { type ActivityDetail, useRestoreActivity } from '../../api/activities';
import { useErrorText } from '../../hooks/use-error-text';
import { useI18n } from '../../i18n/I18nProvider';
import { RecordActionReview, type ReviewDecision } from './RecordActionReview';
import { TranslationAddModal } from './TranslationAddModal';

/**
 * The buttons of one record, each shown only when the server lists its action: edit, accept or
 * reject, add a version in another language, and restore a deleted record (administrators).
 */
export function RecordActionBar({ record }: { record: ActivityDetail }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const restore = useRestoreActivity();
  const [decision, setDecision] = useState<ReviewDecision | null>(null);
  const [isTranslating, setTranslating] = useState(false);
  const can = (action: ActivityDetail['actions'][number]) => record.actions.includes(action);
  if (record.actions.length === 0) return null;

  return (
    <>
      <Space wrap size={8}>
        {can('update') ? (
          <Button icon={<EditOutlined />} onClick={() => navigate(`/records/${record.id}/edit`)}>
            {t('recordActions.edit')}
          </Button>
        ) : null}
        {can('review') && record.reviewStatus !== 'accepted' ? (
          <Button icon={<CheckOutlined />} onClick={() => setDecision('accepted')}>
            {t('recordActions.accept')}
          </Button>
        ) : null}
        {can('review') && record.reviewStatus !== 'rejected' ? (
          <Button icon={<CloseOutlined />} onClick={() => setDecision('rejected')}>
            {t('recordActions.reject')}
          </Button>
        ) : null}
        {can('translate') ? (
          <Button icon={<TranslationOutlined />} onClick={() => setTranslating(true)}>
            {t('recordActions.addTranslation')}
          </Button>
        ) : null}
        {can('restore') ? (
          <Popconfirm
            title={t('recordActions.restoreConfirm')}
            okText={t('recordActions.restore')}
            cancelText={t('common.cancel')}
            onConfirm={() =>
              restore.mutateAsync({ activityId: record.id }).then(
                () => void message.success(t('recordActions.restoredMessage')),
                (error: unknown) => void message.error(errorText(error)),
              )
            }
          >
            <Button type="primary" icon={<UndoOutlined />} loading={restore.isPending}>
              {t('recordActions.restore')}
            </Button>
          </Popconfirm>
        ) : null}
      </Space>
      {can('review') ? (
        <RecordActionReview
          activityId={record.id}
          title={record.title}
          decision={decision}
          onClose={() => setDecision(null)}
        />
      ) : null}
      {can('translate') ? (
        <TranslationAddModal original={record} open={isTranslating} onClose={() => setTranslating(false)} />
      ) : null}
    </>
  );
}
