import { UploadOutlined } from '@ant-design/icons';
import { Button, Upload } from 'antd';
import { UPLOAD_ACCEPT } from '../../../shared/api/evidence';
import { useI18n } from '../../i18n/I18nProvider';

/**
 * Chooses one file to send with a form (an antd form control: value/onChange). Nothing is uploaded
 * on choosing: the form sends the file with its fields, and the server checks its type from the content.
 */
export function FilePicker(props: {
  id?: string;
  value?: File;
  onChange?: (file: File | undefined) => void;
  accept?: string;
}) {
  const { t } = useI18n();
  return (
    <Upload
      accept={props.accept ?? UPLOAD_ACCEPT}
      maxCount={1}
      beforeUpload={(chosen) => {
        props.onChange?.(chosen);
        return false;
      }}
      onRemove={() => props.onChange?.(undefined)}
      fileList={props.value ? [{ uid: 'chosen', name: props.value.name, status: 'done' }] : []}
    >
      <Button id={props.id} icon={<UploadOutlined />}>
        {t('library.evidence.chooseFile')}
      </Button>
    </Upload>
  );
}
