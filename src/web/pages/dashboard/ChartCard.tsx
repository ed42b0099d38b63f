import { BarChartOutlined, DownloadOutlined, TableOutlined } from '@ant-design/icons';
import { Button, Card, Space } from 'antd';
import { type ReactNode, useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider';

/**
 * A block of a dashboard: its title, a download of its table as XLSX, and the chart with its
 * figures as a table behind "Xem dạng bảng" (for screen readers, printing, and reading exact numbers).
 */
export function ChartCard(props: {
  title: ReactNode;
  chart: ReactNode | null;
  table: ReactNode;
  exportUrl?: string;
  testId: string;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const [isTable, setTable] = useState(false);
  const showTable = isTable || props.chart === null;
  return (
    <Card
      size="small"
      data-testid={props.testId}
      title={<span style={{ whiteSpace: 'normal', display: 'block', paddingBlock: 4 }}>{props.title}</span>}
    >
      <Space wrap size={8} style={{ marginBottom: 8 }}>
        {props.chart === null ? null : (
          <Button
            size="small"
            icon={isTable ? <BarChartOutlined /> : <TableOutlined />}
            aria-pressed={isTable}
            onClick={() => setTable(!isTable)}
          >
            {isTable ? t('dashboard.showChart') : t('dashboard.showTable')}
          </Button>
        )}
        {props.exportUrl ? (
          <Button size="small" icon={<DownloadOutlined />} href={props.exportUrl} download>
            {t('dashboard.export')}
          </Button>
        ) : null}
      </Space>
      {props.children}
      {showTable ? props.table : props.chart}
    </Card>
  );
}
