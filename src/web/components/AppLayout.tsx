import {
  ApartmentOutlined,
  AuditOutlined,
  BookOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  DashboardOutlined,
  EditOutlined,
  FileExcelOutlined,
  FileTextOutlined,
  GlobalOutlined,
  HomeOutlined,
  LogoutOutlined,
  MenuOutlined,
  NotificationOutlined,
  OrderedListOutlined,
  PaperClipOutlined,
  ProfileOutlined,
  ScheduleOutlined,
  TeamOutlined,
  TrophyOutlined,
  UnorderedListOutlined,
  UserOutlined,
  WifiOutlined,
} from '@ant-design/icons';
import { App, Badge, Button, Drawer, Dropdown, Layout, Menu, type MenuProps } from 'antd';
import { Suspense, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useLogout, useMe } from '../api/auth';
import { type HomeCounts, useHomeCounts } from '../api/home';
import { canUrge } from '../hooks/can-urge';
import { canViewDashboard } from '../hooks/can-view-dashboard';
import { useErrorText } from '../hooks/use-error-text';
import { useIsDesktop } from '../hooks/use-is-desktop';
import { canRecord } from '../hooks/use-record-units';
import { useI18n } from '../i18n/I18nProvider';
import { canManageRadio } from '../pages/radio/can-manage-radio';
import { Brand } from './Brand';
import { LanguageSwitch } from './LanguageSwitch';
import { NotificationBell } from './NotificationBell';
import { PageSpinner } from './PageSpinner';

function selectedMenuKey(pathname: string): string {
  for (const key of [
    '/dashboard',
    '/records/new',
    '/records/import',
    '/records',
    '/schedules',
    '/scores',
    '/rankings',
    '/frameworks',
    '/assessments',
    '/reports',
    '/library',
    '/evidence',
    '/reminders',
    '/radio',
    '/monitor',
  ])
    if (pathname.startsWith(key)) return key;
  // A unit's scores page is reached from the scoreboard, whose entry it belongs under.
  if (/^\/units\/[^/]+\/scores/.test(pathname)) return '/scores';
  if (pathname.startsWith('/units')) return '/units';
  if (pathname.startsWith('/admin/users')) return '/admin/users';
  if (pathname.startsWith('/admin/audit')) return '/admin/audit';
  if (pathname.startsWith('/account')) return '/account';
  return '/';
}

/** The home entry's badges: what is due or overdue, what waits for the user, the review queue. */
function HomeBadges({ counts }: { counts: HomeCounts | undefined }) {
  const { t } = useI18n();
  if (!counts) return null;
  const badges = [
    {
      key: 'due',
      count: counts.dueOverdue,
      color: counts.overdue > 0 ? '#ff4d4f' : '#faad14',
      title: t('home.badge.due', { count: counts.dueOverdue }),
    },
    {
      key: 'waiting',
      count: counts.waitingForMe,
      color: '#1677ff',
      title: t('home.badge.waiting', { count: counts.waitingForMe }),
    },
    {
      key: 'review',
      count: counts.reviewQueue,
      color: '#722ed1',
      title: t('home.badge.review', { count: counts.reviewQueue }),
    },
  ].filter((badge) => badge.count > 0);
  return (
    <span style={{ display: 'inline-flex', gap: 4, marginInlineStart: 8 }} data-testid="home-badges">
      {badges.map((badge) => (
        <span
          key={badge.key}
          title={badge.title}
          role="img"
          aria-label={badge.title}
          data-testid={`home-badge-${badge.key}`}
        >
          <Badge count={badge.count} overflowCount={99} color={badge.color} size="small" />
        </span>
      ))}
    </span>
  );
}

/**
 * The frame of every signed-in page: a side menu on wide screens, a menu button and drawer on
 * phones, the language switch and the user menu in the header.
 */
export function AppLayout() {
  const { t } = useI18n();
  const me = useMe().data;
  const isDesktop = useIsDesktop();
  const [isDrawerOpen, setDrawerOpen] = useState(false);
  const location = useLocation();
  const navigate = useNavigate();
  const logout = useLogout();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const counts = useHomeCounts(Boolean(me)).data;

  const menuItems: MenuProps['items'] = [
    {
      key: '/',
      icon: <HomeOutlined />,
      label: (
        <Link to="/">
          {t('home.nav')}
          <HomeBadges counts={counts} />
        </Link>
      ),
    },
    { key: '/units', icon: <ApartmentOutlined />, label: <Link to="/units">{t('home.navUnits')}</Link> },
    canViewDashboard(me)
      ? {
          key: '/dashboard',
          icon: <DashboardOutlined />,
          label: <Link to="/dashboard">{t('dashboard.nav')}</Link>,
        }
      : null,
    canRecord(me)
      ? {
          key: '/records/new',
          icon: <EditOutlined />,
          label: <Link to="/records/new">{t('nav.record')}</Link>,
        }
      : null,
    {
      key: '/records',
      icon: <UnorderedListOutlined />,
      label: <Link to="/records">{t('nav.records')}</Link>,
    },
    { key: '/scores', icon: <TrophyOutlined />, label: <Link to="/scores">{t('scoring.nav')}</Link> },
    {
      key: '/rankings',
      icon: <OrderedListOutlined />,
      label: <Link to="/rankings">{t('scoring.ranking.nav')}</Link>,
    },
    {
      key: '/frameworks',
      icon: <ProfileOutlined />,
      label: <Link to="/frameworks">{t('frameworks.nav')}</Link>,
    },
    {
      key: '/assessments',
      icon: <CheckSquareOutlined />,
      label: <Link to="/assessments">{t('assessments.nav')}</Link>,
    },
    {
      key: '/reports',
      icon: <FileTextOutlined />,
      label: <Link to="/reports">{t('reports.nav')}</Link>,
    },
    canRecord(me)
      ? {
          key: '/schedules',
          icon: <CalendarOutlined />,
          label: <Link to="/schedules">{t('nav.schedules')}</Link>,
        }
      : null,
    canUrge(me)
      ? {
          key: '/reminders',
          icon: <NotificationOutlined />,
          label: <Link to="/reminders">{t('reminders.nav')}</Link>,
        }
      : null,
    canManageRadio(me)
      ? { key: '/radio', icon: <WifiOutlined />, label: <Link to="/radio">{t('radio.nav')}</Link> }
      : null,
    { key: '/monitor', icon: <GlobalOutlined />, label: <Link to="/monitor">{t('monitor.nav')}</Link> },
    { key: '/library', icon: <BookOutlined />, label: <Link to="/library">{t('nav.library')}</Link> },
    { key: '/evidence', icon: <PaperClipOutlined />, label: <Link to="/evidence">{t('nav.evidence')}</Link> },
    canRecord(me)
      ? {
          key: '/records/import',
          icon: <FileExcelOutlined />,
          label: <Link to="/records/import">{t('nav.import')}</Link>,
        }
      : null,
    me?.canManageUsers
      ? {
          key: '/admin/users',
          icon: <TeamOutlined />,
          label: <Link to="/admin/users">{t('nav.users')}</Link>,
        }
      : null,
    me?.canViewAudit
      ? {
          key: '/admin/audit',
          icon: <AuditOutlined />,
          label: <Link to="/admin/audit">{t('nav.audit')}</Link>,
        }
      : null,
    me?.canViewJobs
      ? {
          key: '/admin/jobs',
          icon: <ScheduleOutlined />,
          label: <Link to="/admin/jobs">{t('nav.jobs')}</Link>,
        }
      : null,
    { key: '/account', icon: <UserOutlined />, label: <Link to="/account">{t('nav.account')}</Link> },
  ];
  const menu = (
    <Menu
      mode="inline"
      selectedKeys={[selectedMenuKey(location.pathname)]}
      items={menuItems}
      onClick={() => setDrawerOpen(false)}
      style={{ borderInlineEnd: 'none' }}
    />
  );

  const handleLogout = () => {
    logout.mutate(undefined, {
      onSuccess: () => navigate('/login', { replace: true }),
      onError: (error) => {
        void message.error(errorText(error));
        void navigate('/login', { replace: true });
      },
    });
  };

  const userMenu: MenuProps = {
    items: [
      {
        key: 'account',
        icon: <UserOutlined />,
        label: t('nav.account'),
        onClick: () => navigate('/account'),
      },
      { type: 'divider' },
      { key: 'logout', icon: <LogoutOutlined />, label: t('nav.logout'), onClick: handleLogout },
    ],
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {isDesktop ? (
        <Layout.Sider width={232} theme="light" style={{ borderInlineEnd: '1px solid #f0f0f0' }}>
          <div style={{ height: 56, display: 'flex', alignItems: 'center', paddingInline: 20 }}>
            <Brand />
          </div>
          <nav aria-label={t('nav.menu')}>{menu}</nav>
        </Layout.Sider>
      ) : null}
      <Layout style={{ minWidth: 0 }}>
        <Layout.Header
          style={{
            position: 'sticky',
            top: 0,
            zIndex: 10,
            display: 'flex',
            alignItems: 'center',
            gap: 8,
            height: 56,
            lineHeight: 'normal',
            paddingInline: isDesktop ? 24 : 8,
            background: '#fff',
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          {isDesktop ? null : (
            <>
              <Button
                type="text"
                icon={<MenuOutlined />}
                aria-label={t('nav.menu')}
                onClick={() => setDrawerOpen(true)}
              />
              <Brand />
            </>
          )}
          <div style={{ flex: 1 }} />
          <LanguageSwitch />
          <NotificationBell />
          <Dropdown menu={userMenu} trigger={['click']} placement="bottomRight">
            <Button type="text" icon={<UserOutlined />} aria-label={me?.user.fullName ?? t('nav.account')}>
              {isDesktop ? me?.user.fullName : null}
            </Button>
          </Dropdown>
        </Layout.Header>
        <Layout.Content style={{ padding: isDesktop ? 24 : 12, minWidth: 0 }}>
          <main style={{ maxWidth: 1200, marginInline: 'auto' }}>
            <Suspense fallback={<PageSpinner />}>
              <Outlet />
            </Suspense>
          </main>
        </Layout.Content>
      </Layout>
      {isDesktop ? null : (
        <Drawer
          placement="left"
          open={isDrawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={272}
          title={<Brand />}
          styles={{ body: { padding: 0 } }}
        >
          <nav aria-label={t('nav.menu')}>{menu}</nav>
        </Drawer>
      )}
    </Layout>
  );
}
