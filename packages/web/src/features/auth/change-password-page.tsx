import { useNavigate } from 'react-router';
import { Alert, App, Button, Card, Form, Input } from 'antd';
import { changePasswordSchema } from '@shegong/shared';
import { useAuth } from '../../app/auth';
import { ApiError } from '../../lib/api';
import { fieldErrorsToAntd, zodRule } from '../../lib/zod-rule';
import { useChangePassword } from './auth.api';

export function ChangePasswordPage() {
  const { mustChangePassword, refresh } = useAuth();
  const [form] = Form.useForm();
  const nav = useNavigate();
  const { message } = App.useApp();
  const change = useChangePassword();

  async function submit(v: { currentPassword: string; newPassword: string }) {
    try {
      await change.mutateAsync({ currentPassword: v.currentPassword, newPassword: v.newPassword });
      message.success('密码已修改');
      await refresh();
      nav('/', { replace: true });
    } catch (e) {
      if (e instanceof ApiError) {
        form.setFields(fieldErrorsToAntd(e.fieldErrors));
        if (!Object.keys(e.fieldErrors).length) message.error(e.message);
      }
    }
  }

  return (
    <div style={{ display: 'flex', justifyContent: 'center', padding: 16 }}>
      <Card title="修改密码" style={{ width: '100%', maxWidth: 440 }}>
        {mustChangePassword && (
          <Alert type="warning" showIcon title="首次登录或密码已被重置，请先设置新密码" style={{ marginBottom: 16 }} />
        )}
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item label="当前密码" name="currentPassword" rules={[{ required: true, message: '请输入当前密码' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            label="新密码"
            name="newPassword"
            extra="至少 10 个字符，须同时包含字母和数字"
            rules={[{ required: true, message: '请输入新密码' }, zodRule(changePasswordSchema.shape.newPassword)]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            label="确认新密码"
            name="confirm"
            dependencies={['newPassword']}
            rules={[
              { required: true, message: '请再次输入新密码' },
              ({ getFieldValue }) => ({
                validator: async (_, v) => {
                  if (v && v !== getFieldValue('newPassword')) throw new Error('两次输入的密码不一致');
                },
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={change.isPending}>
            保存新密码
          </Button>
        </Form>
      </Card>
    </div>
  );
}
