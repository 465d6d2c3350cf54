import { Suspense, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { Button, Drawer, Dropdown, Grid, Layout, Menu, Space, Typography } from 'antd';
import { LogoutOutlined, MenuOutlined, UserOutlined, KeyOutlined } from '@ant-design/icons';
import { ROLE_LABELS } from '@shegong/shared';
import { useAuth } from './auth';
import { PageErrorBoundary, PageLoading } from './lazy-page';
import { MENU } from './menu';

const { Header, Sider, Content } = Layout;

/** The shell: side menu by role on desktops, a drawer on phones, the user and logout in the header. */
export function AppLayout() {
  const { user, can, logout } = useAuth();
  const nav = useNavigate();
  const loc = useLocation();
  const screens = Grid.useBreakpoint();
  const [drawer, setDrawer] = useState(false);
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
        setDrawer(false);
      }}
    />
  );
  const mobile = !screens.lg;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!mobile && (
        <Sider width={208} theme="dark">
          <div style={{ color: '#fff', padding: '16px 20px', fontWeight: 600, fontSize: 16 }}>社工站综合管理平台</div>
          {menu}
        </Sider>
      )}
      {mobile && (
        <Drawer
          open={drawer}
          onClose={() => setDrawer(false)}
          placement="left"
          size={240}
          styles={{ body: { padding: 0, background: '#001529' } }}
          title="社工站综合管理平台"
        >
          {menu}
        </Drawer>
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
          <Space>
            {mobile && <Button type="text" icon={<MenuOutlined />} aria-label="菜单" onClick={() => setDrawer(true)} />}
            {mobile && <Typography.Text strong>社工站综合管理平台</Typography.Text>}
          </Space>
          <Dropdown
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
              {user?.displayName}
              {!mobile && (
                <Typography.Text type="secondary">
                  （{user && ROLE_LABELS[user.role]} · {user?.divisionName}）
                </Typography.Text>
              )}
            </Button>
          </Dropdown>
        </Header>
        <Content style={{ padding: mobile ? 12 : 24 }}>
          {/* The page loads into the shell: menu and header stay while its chunk downloads or if it fails. */}
          <PageErrorBoundary resetKey={loc.pathname}>
            <Suspense fallback={<PageLoading />}>
              <Outlet />
            </Suspense>
          </PageErrorBoundary>
        </Content>
      </Layout>
    </Layout>
  );
}
