import { Link, useNavigate } from 'react-router';
import { Alert, Button, Form, Input, theme } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import type { LoginInput } from '@shegong/shared';
import { useAuth } from '../../app/auth';
import { Panel } from '../../components/panel';
import { Heading, Paragraph } from '../../components/text';
import { ApiError } from '../../lib/api';
import { useLogin } from './auth.api';

/**
 * The server's own Chinese message for a refused login (401 wrong name or password, 423 locked, 429 too many tries
 * from this address); a plain sentence when the answer did not come from the server (proxy page, no network).
 */
function loginErrorText(e: unknown): string {
  if (!(e instanceof ApiError)) return '无法连接服务器，请检查网络后重试';
  if (!e.code.startsWith('HTTP_')) return e.message;
  if (e.status === 429) return '登录尝试过于频繁，请稍后再试';
  return e.status >= 500 ? '服务暂时不可用，请稍后重试' : '登录失败，请稍后重试';
}

export function LoginPage() {
  const { signedIn } = useAuth();
  const nav = useNavigate();
  const login = useLogin();
  const { token } = theme.useToken();

  function submit(v: LoginInput) {
    login.mutate(v, {
      onSuccess: (r) => {
        signedIn(r);
        nav(r.mustChangePassword ? '/change-password' : '/', { replace: true });
      },
    });
  }

  // One main landmark and one h1 (GB/T 37668-2019): the page is the form.
  return (
    <main
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        background: 'linear-gradient(135deg,#e6f0ff,#f5f7fa)',
        padding: 16,
      }}
    >
      <Panel style={{ width: '100%', maxWidth: 400 }}>
        <Heading level={1} style={{ textAlign: 'center', marginBottom: 4, fontSize: token.fontSizeHeading3 }}>
          社工站综合管理平台
        </Heading>
        <Paragraph type="secondary" style={{ textAlign: 'center' }}>
          濮阳市乡镇（街道）社会工作服务站
        </Paragraph>
        {login.isError && (
          <Alert type="error" showIcon title={loginErrorText(login.error)} style={{ marginBottom: 16 }} role="alert" />
        )}
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入用户名' }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" size="large" />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
            登录
          </Button>
        </Form>
        <div style={{ marginTop: 16, textAlign: 'center' }}>
          <Link to="/directory">查看社工站公开目录</Link>
        </div>
      </Panel>
    </main>
  );
}
