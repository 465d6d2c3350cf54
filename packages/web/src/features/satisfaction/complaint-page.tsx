import { useParams } from 'react-router';
import { App, Button, Card, Descriptions, Form, Input, Popconfirm, Space, Spin } from 'antd';
import { fmtDateTime } from '../../lib/format';
import { PageHeader } from '../../components/page-header';
import { showFormError } from '../../lib/zod-rule';
import { ComplaintSourceTag, ComplaintStatusTag } from './satisfaction-tags';
import { useComplaint, useComplaintStep } from './satisfaction.api';

/** One complaint: what was said, by whom if they chose to say, the answer, and the steps the server allows now. */
export function ComplaintPage() {
  const { complaintId = '' } = useParams();
  const { message } = App.useApp();
  const { data: c, isLoading } = useComplaint(complaintId);
  const step = useComplaintStep(complaintId);
  const [form] = Form.useForm();
  if (isLoading || !c) return <Spin style={{ margin: 48 }} />;

  async function answer(v: { answer: string }) {
    try {
      await step.mutateAsync({ step: 'answer', body: { version: c!.version, answer: v.answer.trim() } });
      message.success('已答复，等待县（区）民政部门确认办结');
    } catch (e) {
      showFormError(form, e, message.error);
    }
  }
  async function close() {
    try {
      await step.mutateAsync({ step: 'close', body: { version: c!.version } });
      message.success('投诉已办结');
    } catch (e) {
      message.error((e as Error).message || '操作失败');
    }
  }

  return (
    <>
      <PageHeader
        title="投诉详情"
        crumbs={[{ title: '工作台', to: '/' }, { title: '投诉', to: '/complaints' }, { title: '投诉详情' }]}
        tags={
          <Space size={4}>
            <ComplaintStatusTag status={c.status} />
            <ComplaintSourceTag source={c.source} />
          </Space>
        }
        extra={
          c.abilities.close && (
            <Popconfirm title="确认该投诉已妥善处理并办结？" okText="办结" cancelText="取消" onConfirm={close}>
              <Button type="primary" loading={step.isPending}>
                办结
              </Button>
            </Popconfirm>
          )
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 's', label: '社工站', children: c.stationName },
            { key: 'o', label: '承接机构', children: c.organisationName ?? '—' },
            { key: 'r', label: '收到日期', children: c.receivedOn },
            {
              key: 'p',
              label: '投诉人',
              children: c.anonymous ? '匿名' : `${c.contactName ?? ''} ${c.contactPhone ?? ''}`,
            },
            { key: 'c', label: '投诉内容', children: <span style={{ overflowWrap: 'anywhere' }}>{c.content}</span> },
            ...(c.answeredAt
              ? [
                  { key: 'a', label: '答复', children: <span style={{ overflowWrap: 'anywhere' }}>{c.answer}</span> },
                  { key: 'ab', label: '答复人', children: `${c.answeredByName ?? ''} · ${fmtDateTime(c.answeredAt)}` },
                ]
              : []),
            ...(c.closedAt
              ? [{ key: 'cl', label: '办结', children: `${c.closedByName ?? ''} · ${fmtDateTime(c.closedAt)}` }]
              : []),
          ]}
        />
      </Card>
      {c.abilities.answer && (
        <Card size="small" title="答复投诉">
          <Form form={form} layout="vertical" onFinish={answer}>
            <Form.Item
              name="answer"
              label="答复内容"
              rules={[{ required: true, whitespace: true, message: '请填写答复内容' }]}
            >
              <Input.TextArea rows={4} maxLength={1000} showCount placeholder="写明核实情况和处理措施" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={step.isPending}>
              提交答复
            </Button>
          </Form>
        </Card>
      )}
    </>
  );
}
