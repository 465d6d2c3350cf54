import { lazy, Suspense, useEffect, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { App as AntApp, Button, Dropdown, Grid, Layout, Menu } from 'antd';
import { LogoutOutlined, MenuOutlined, UserOutlined, KeyOutlined } from '@ant-design/icons';
import { ROLE_LABELS } from '@shegong/shared';
import { Text } from '../components/text';
import { useAuth } from './auth';
import { PageErrorBoundary, PageLoading } from './lazy-page';
import { MENU } from './menu';

const { Header, Sider, Content } = Layout;
const MenuDrawer = lazy(() => import('./menu-drawer').then((m) => ({ default: m.MenuDrawer })));
// 待发送 N 条 (offline service records) and the sender behind it: its own chunk, for those who write records.
const OutboxBanner = lazy(() =>
  import('../features/services/outbox-banner').then((m) => ({ default: m.OutboxBanner })),
);

/** Role and unit beside the name, the role left out when it is the name already (admin is 市级管理员). */
function whoElse(user: { displayName: string; role: keyof typeof ROLE_LABELS; divisionName: string }): string {
  const role = ROLE_LABELS[user.role];
  return [role !== user.displayName && role, user.divisionName].filter(Boolean).join(' · ');
}

/**
 * A table that scrolls sideways (scroll.x on a phone, or a wide one) gets a tab stop, so the keyboard alone can scroll
 * it (WCAG 2.1.1); antd gives its scrolling box no tabindex. Checked as pages draw, on boxes not yet marked.
 */
function useKeyboardScrollableTables() {
  useEffect(() => {
    const mark = () =>
      document
        .querySelectorAll<HTMLElement>('.ant-table-content:not([tabindex]), .ant-table-body:not([tabindex])')
        .forEach((e) => {
          if (e.scrollWidth > e.clientWidth || e.scrollHeight > e.clientHeight) e.tabIndex = 0;
        });
    const observer = new MutationObserver(mark);
    observer.observe(document.body, { childList: true, subtree: true });
    window.addEventListener('resize', mark);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', mark);
    };
  }, []);
}

/**
 * The shell: side menu by role on desktops, a drawer on phones, the user and logout in the header. antd's `App` (the
 * holders behind `App.useApp()`'s message, notification and modal) wraps the shell and its pages, not the login page.
 */
export function AppLayout() {
  const { user, can, logout } = useAuth();
  const nav = useNavigate();
  const loc = useLocation();
  const screens = Grid.useBreakpoint();
  useKeyboardScrollableTables();
  // null until the phone menu is first opened: the drawer's chunk loads then, not with the page.
  const [drawer, setDrawer] = useState<boolean | null>(null);
  const items = MENU.filter((m) => !m.permission || can(m.permission)).map((m) => ({
    key: m.key,
    icon: m.icon,
    label: m.label,
  }));
  const selected = MENU.filter((m) => m.key !== '/' && loc.pathname.startsWith(m.key)).map((m) => m.key);
  const menu = (
    <Menu
      mode="inline"
      theme="dark"
      items={items}
      selectedKeys={selected.length ? selected : [loc.pathname === '/' ? '/' : '']}
      onClick={(e) => {
        nav(e.key);
        setDrawer((open) => (open === null ? null : false));
      }}
    />
  );
  const mobile = !screens.lg;
  return (
    <AntApp>
      {/* The first Tab stop: past the menu's entries straight to the page (WCAG 2.4.1). */}
      <a className="skip-link" href="#main">
        跳到主要内容
      </a>
      <Layout style={{ minHeight: '100vh' }}>
        {!mobile && (
          <Sider width={208} theme="dark">
            <div style={{ color: '#fff', padding: '16px 20px', fontWeight: 600, fontSize: 16 }}>社工站综合管理平台</div>
            {menu}
          </Sider>
        )}
        {mobile && drawer !== null && (
          <Suspense fallback={null}>
            <MenuDrawer open={drawer} onClose={() => setDrawer(false)}>
              {menu}
            </MenuDrawer>
          </Suspense>
        )}
        <Layout>
          <Header
            style={{
              background: '#fff',
              padding: '0 16px',
              display: 'flex',
              alignItems: 'center',
              justifyContent: 'space-between',
              borderBottom: '1px solid #f0f0f0',
            }}
          >
            {/* A plain div, not Flex: antd hides an empty Flex, and the user menu must stay on the right on desktops. */}
            <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
              {mobile && (
                <Button type="text" icon={<MenuOutlined />} aria-label="菜单" onClick={() => setDrawer(true)} />
              )}
              {mobile && <Text strong>社工站综合管理平台</Text>}
            </div>
            <Dropdown
              trigger={['hover', 'click']}
              menu={{
                items: [
                  { key: 'pw', icon: <KeyOutlined />, label: '修改密码', onClick: () => nav('/change-password') },
                  {
                    key: 'out',
                    icon: <LogoutOutlined />,
                    label: '退出登录',
                    onClick: () => void logout().then(() => nav('/login')),
                  },
                ],
              }}
            >
              <Button type="text" icon={<UserOutlined />}>
                {/* One span: antd would space the name and its note apart as two children. */}
                <span>
                  {user?.displayName}
                  {!mobile && user && <Text type="secondary">（{whoElse(user)}）</Text>}
                </span>
              </Button>
            </Dropdown>
          </Header>
          <Content id="main" tabIndex={-1} style={{ padding: mobile ? 12 : 24, outline: 'none' }}>
            {can('services:write') && (
              <Suspense fallback={null}>
                <OutboxBanner style={{ margin: mobile ? '-12px -12px 12px' : '-24px -24px 16px' }} />
              </Suspense>
            )}
            {/* The page loads into the shell: menu and header stay while its chunk downloads or if it fails. */}
            <PageErrorBoundary resetKey={loc.pathname}>
              <Suspense fallback={<PageLoading />}>
                <Outlet />
              </Suspense>
            </PageErrorBoundary>
          </Content>
        </Layout>
      </Layout>
    </AntApp>
  );
}
