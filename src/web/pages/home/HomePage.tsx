import { Button, Result, Space, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { type HomeBlock, useHome } from '../../api/home';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageSpinner } from '../../components/PageSpinner';
import { formatDay } from '../../format/dates';
import { useIsDesktop } from '../../hooks/use-is-desktop';
import { useI18n } from '../../i18n/I18nProvider';
import { HeadBlock } from './HeadBlock';
import { OfficeBlock } from './OfficeBlock';
import { OfficerBlock } from './OfficerBlock';
import { ReviewerBlock } from './ReviewerBlock';

function BlockBody({ block }: { block: HomeBlock }) {
  switch (block.role) {
    case 'officer':
      return <OfficerBlock block={block} />;
    case 'head':
      return <HeadBlock block={block} />;
    case 'reviewer':
      return <ReviewerBlock block={block} />;
    case 'office':
      return <OfficeBlock block={block} />;
  }
}

/**
 * The landing page after login: one block per role the user holds, each a column of cards on a phone
 * (two columns on a wide screen) with the count, the first items and a link to the full list.
 */
export function HomePage() {
  const { t } = useI18n();
  const isDesktop = useIsDesktop();
  const home = useHome();
  if (home.isPending) return <PageSpinner />;
  if (home.isError) return <ErrorAlert error={home.error} onRetry={() => void home.refetch()} />;
  const { blocks, today } = home.data;
  const heading = (block: HomeBlock) => {
    const unit = block.unit?.name ?? t('home.everywhere');
    return t(`home.block.${block.role}`, { unit });
  };
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', display: 'flex' }}>
      <div>
        <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>
          {t('home.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('home.today', { day: formatDay(today) })}</Typography.Text>
      </div>
      {blocks.length === 0 ? (
        <Result
          status="info"
          title={t('home.noRoles')}
          extra={
            <Link to="/units">
              <Button>{t('home.openUnits')}</Button>
            </Link>
          }
        />
      ) : null}
      {blocks.map((block) => (
        <section
          key={`${block.role}-${block.unit?.id ?? 'all'}`}
          aria-label={heading(block)}
          data-testid={`home-block-${block.role}`}
        >
          <Typography.Title level={3} style={{ fontSize: 17, marginTop: 8 }}>
            {heading(block)}
          </Typography.Title>
          <div
            style={{
              display: 'grid',
              gridTemplateColumns: isDesktop ? 'repeat(2, minmax(0, 1fr))' : 'minmax(0, 1fr)',
              gap: 12,
              alignItems: 'start',
            }}
          >
            <BlockBody block={block} />
          </div>
        </section>
      ))}
    </Space>
  );
}
