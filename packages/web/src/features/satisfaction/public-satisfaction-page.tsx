import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  ConfigProvider,
  Form,
  Input,
  Result,
  Spin,
  Switch,
  theme,
  Typography,
} from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { ApiError } from '../../lib/api';
import { fieldErrorsToAntd } from '../../lib/zod-rule';
import { RatingInput } from './rating-input';
import { usePublicForm, useSubmitPublicForm } from './satisfaction.api';

interface Values {
  overall?: number | null;
  attitude?: number | null;
  timeliness?: number | null;
  effect?: number | null;
  comment?: string;
  anonymous: boolean;
  contactName?: string;
  contactPhone?: string;
  complain: boolean;
  complaint?: string;
  challengeAnswer?: string;
}

/**
 * 服务对象满意度评价 (R-EVAL-3, 《实施方案》四（四）): the form a resident reaches by the QR code on the station's public
 * page. No login, phone first (one column, big faces to tap), anonymous unless the person chooses to leave a contact,
 * a simple question against automated flooding, and a thank-you screen.
 */
export function PublicSatisfactionPage() {
  return (
    <ConfigProvider componentSize="large" theme={{ token: { fontSize: 16 } }}>
      <Page />
    </ConfigProvider>
  );
}

function Page() {
  const { stationId = '' } = useParams();
  const { token } = theme.useToken();
  const form = usePublicForm(stationId);
  const submit = useSubmitPublicForm(stationId);
  const [done, setDone] = useState<{ complaintOpened: boolean } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [f] = Form.useForm<Values>();
  const anonymous = Form.useWatch('anonymous', f) ?? true;
  const complain = Form.useWatch('complain', f) ?? false;

  async function send(v: Values) {
    setProblem(null);
    const c = form.data?.challenge;
    if (!c) return;
    try {
      const r = await submit.mutateAsync({
        overall: v.overall,
        attitude: v.attitude ?? null,
        timeliness: v.timeliness ?? null,
        effect: v.effect ?? null,
        comment: v.comment?.trim() ?? '',
        anonymous: v.anonymous,
        ...(v.anonymous ? {} : { contactName: v.contactName?.trim(), contactPhone: v.contactPhone?.trim() }),
        complaint: v.complain ? (v.complaint?.trim() ?? '') : '',
        challengeToken: c.token,
        challengeAnswer: v.challengeAnswer ?? '',
      });
      setDone(r);
      window.scrollTo(0, 0);
    } catch (e) {
      if (!(e instanceof ApiError)) return setProblem('网络不稳定，请稍后再试');
      const errs = fieldErrorsToAntd(e.fieldErrors);
      const challenge = errs.find((x) => x.name === 'challengeAnswer' || x.name === 'challengeToken');
      // A wrong or expired question: a new one, the error on the answer, everything else kept.
      if (challenge) {
        await form.refetch();
        f.setFields([{ name: 'challengeAnswer', value: '', errors: challenge.errors }]);
      }
      f.setFields(errs.filter((x) => x !== challenge) as never);
      // Field errors show on their fields; anything else (too many answers, a station closed since) above the button.
      if (errs.length === 0) setProblem(e.message);
    }
  }

  const head = (
    <header style={{ background: token.colorPrimary, color: '#fff', padding: '16px' }}>
      <Typography.Title level={1} style={{ color: '#fff', margin: 0, fontSize: 22 }}>
        服务满意度评价
      </Typography.Title>
      {form.data && (
        <div style={{ marginTop: 4 }}>
          {form.data.stationName}
          {form.data.townshipName ? ` · ${form.data.countyName}${form.data.townshipName}` : ''}
        </div>
      )}
    </header>
  );
  const shell = (body: React.ReactNode) => (
    <div style={{ minHeight: '100vh', background: '#f5f7fa' }}>
      {head}
      <main style={{ maxWidth: 560, margin: '0 auto', padding: 12, boxSizing: 'border-box' }}>{body}</main>
    </div>
  );

  if (form.isLoading) return shell(<Spin style={{ display: 'block', margin: 48 }} />);
  if (form.error && !form.data)
    return shell(
      <Result
        status="404"
        title="无法评价"
        subTitle={form.error instanceof ApiError ? form.error.message : '页面加载失败，请稍后再试'}
        extra={<Link to="/directory">查看社工站公开目录</Link>}
      />,
    );
  if (done)
    return shell(
      <Result
        status="success"
        title="感谢您的评价！"
        subTitle={
          done.complaintOpened
            ? '您的投诉已转交社工站项目负责人和县（区）民政部门处理。'
            : '您的意见将帮助社工站改进服务。'
        }
      />,
    );

  const data = form.data!;
  const label = (key: string) => data.questions.find((q) => q.key === key)?.label ?? key;
  return shell(
    <Form<Values>
      form={f}
      layout="vertical"
      initialValues={{ anonymous: true, complain: false }}
      onFinish={send}
      // A server's objection to a field goes once the person changes that field.
      onValuesChange={(changed: Partial<Values>) =>
        f.setFields(Object.keys(changed).map((name) => ({ name, errors: [] })) as never)
      }
      scrollToFirstError={{ block: 'center' }}
      requiredMark={false}
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: 4 }}>
        请根据您接受服务的感受打分。默认匿名，本页不记录您的身份、网络地址或设备信息。
      </Typography.Paragraph>
      <Card size="small" style={{ marginBottom: 12 }}>
        {data.questions.map((q) => (
          <Form.Item
            key={q.key}
            name={q.key}
            label={q.required ? `${q.label}（必填）` : `${q.label}（选填）`}
            rules={q.required ? [{ required: true, message: `请为“${q.label}”打分` }] : []}
          >
            <RatingInput label={q.label} />
          </Form.Item>
        ))}
        <Form.Item name="comment" label="意见和建议（选填）">
          <Input.TextArea rows={3} maxLength={500} showCount placeholder="您对社工站的服务有什么意见或建议？" />
        </Form.Item>
      </Card>

      <Card size="small" style={{ marginBottom: 12 }}>
        <Form.Item name="anonymous" label="匿名评价" valuePropName="checked" style={{ marginBottom: 8 }}>
          <Switch checkedChildren="匿名" unCheckedChildren="实名" />
        </Form.Item>
        {!anonymous && (
          <>
            <Typography.Paragraph type="secondary">
              留下联系方式后，仅社工站项目负责人可以看到，用于回访您的意见。
            </Typography.Paragraph>
            <Form.Item
              name="contactName"
              label="联系人"
              rules={[{ required: true, whitespace: true, message: '请填写联系人' }]}
            >
              <Input maxLength={50} autoComplete="name" />
            </Form.Item>
            <Form.Item
              name="contactPhone"
              label="手机号码"
              rules={[
                { required: true, message: '请填写手机号码' },
                { pattern: /^1[3-9]\d{9}$/, message: '应为 11 位手机号码' },
              ]}
            >
              <Input inputMode="tel" maxLength={11} autoComplete="tel" />
            </Form.Item>
          </>
        )}
        <Form.Item name="complain" valuePropName="checked" style={{ marginBottom: complain ? 8 : 0 }}>
          <Checkbox>我要投诉</Checkbox>
        </Form.Item>
        {complain && (
          <Form.Item
            name="complaint"
            label="投诉内容（将转交社工站项目负责人和县（区）民政部门处理）"
            rules={[{ required: true, whitespace: true, message: '请填写投诉内容' }]}
          >
            <Input.TextArea rows={4} maxLength={1000} showCount />
          </Form.Item>
        )}
      </Card>

      <Card size="small" style={{ marginBottom: 12 }}>
        <Form.Item
          name="challengeAnswer"
          label={`验证题：${data.challenge.question}`}
          rules={[{ required: true, whitespace: true, message: '请填写验证题的答案' }]}
          extra={
            <Button
              type="link"
              icon={<ReloadOutlined />}
              style={{ paddingInline: 0 }}
              onClick={() => {
                void form.refetch();
                f.setFieldValue('challengeAnswer', '');
              }}
            >
              换一题
            </Button>
          }
        >
          <Input inputMode="numeric" maxLength={4} style={{ maxWidth: 160 }} />
        </Form.Item>
      </Card>

      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      <Button type="primary" htmlType="submit" block loading={submit.isPending} style={{ height: 48 }}>
        提交评价
      </Button>
      <div style={{ marginTop: 12, color: token.colorTextDescription }}>{label('overall')}为必填，其余选填。</div>
    </Form>,
  );
}
