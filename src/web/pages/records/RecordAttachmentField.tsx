import { CameraOutlined, DeleteOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { useRef } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import { formatBytes } from '../evidence/file-format';

/** What a phone may attach to a record: a photo (from the camera or the gallery) or a PDF. */
export const RECORD_ATTACH_ACCEPT = 'image/*,application/pdf';

/**
 * "Đính kèm ảnh/tệp" on the phone record form: one button opens the camera (`capture`), the other the
 * gallery or files. Nothing is sent on choosing; the form uploads the file after the record is saved.
 */
export function RecordAttachmentField(props: {
  value: File | undefined;
  onChange: (file: File | undefined) => void;
  disabled?: boolean;
}) {
  const { t, language } = useI18n();
  const cameraInput = useRef<HTMLInputElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const handleChosen = (event: React.ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    // The same photo can be chosen again after removing it.
    event.target.value = '';
    if (chosen) props.onChange(chosen);
  };

  return (
    <fieldset style={{ border: 0, padding: 0, margin: '0 0 16px', minWidth: 0 }}>
      <legend style={{ fontSize: 'inherit', color: 'inherit', border: 0, margin: 0, paddingBottom: 4 }}>
        {t('record.attach')}
      </legend>
      <input
        ref={cameraInput}
        type="file"
        accept="image/*"
        capture="environment"
        style={{ display: 'none' }}
        data-testid="record-attach-camera"
        onChange={handleChosen}
      />
      <input
        ref={fileInput}
        type="file"
        accept={RECORD_ATTACH_ACCEPT}
        style={{ display: 'none' }}
        aria-label={t('record.attachChoose')}
        data-testid="record-attach-file"
        onChange={handleChosen}
      />
      {props.value ? (
        <Space wrap size={4} style={{ width: '100%' }}>
          <PaperClipOutlined />
          <Typography.Text style={{ wordBreak: 'break-all' }} data-testid="record-attachment">
            {props.value.name}
          </Typography.Text>
          <Typography.Text type="secondary">({formatBytes(props.value.size, language)})</Typography.Text>
          <Button
            size="small"
            type="link"
            danger
            icon={<DeleteOutlined />}
            disabled={props.disabled}
            onClick={() => props.onChange(undefined)}
          >
            {t('record.attachRemove')}
          </Button>
        </Space>
      ) : (
        <Space wrap>
          <Button
            icon={<CameraOutlined />}
            disabled={props.disabled}
            onClick={() => cameraInput.current?.click()}
          >
            {t('record.attachCamera')}
          </Button>
          <Button
            icon={<PaperClipOutlined />}
            disabled={props.disabled}
            onClick={() => fileInput.current?.click()}
          >
            {t('record.attachChoose')}
          </Button>
        </Space>
      )}
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 4 }}>
        {t('record.attachHint')}
      </Typography.Text>
    </fieldset>
  );
}
