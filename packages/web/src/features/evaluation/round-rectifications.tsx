import { useState } from 'react';
import dayjs, { type Dayjs } from 'dayjs';
import { App, Button, Card, DatePicker, Empty, Form, Input, Spin, theme } from 'antd';
import { createRectificationSchema } from '@shegong/shared';
import { showFormError, zodRule } from '../../lib/zod-rule';
import { useDesk } from '../home/home.api';
import { RectificationItem } from './rectification-item';
import { useCreateRectification, useRectifications } from './rectifications.api';

interface NewItem {
  finding: string;
  requirement?: string;
  deadline: Dayjs;
}

/**
 * 整改 of one round (R-EVAL-4), for the round's page: its items with their steps, and — for the level that runs the
 * round — a form that records a finding as a new item with its requirement and deadline.
 */
export function RoundRectifications({ roundId, canCreate }: { roundId: string; canCreate: boolean }) {
  const { token } = theme.useToken();
  const { data, isLoading } = useRectifications({ roundId, page: 1, pageSize: 100 });
  const [adding, setAdding] = useState(false);
  const items = data?.items ?? [];
  return (
    <Card
      title={`整改事项${data ? `（${data.total}）` : ''}`}
      extra={
        canCreate && !adding ? (
          <Button type="primary" onClick={() => setAdding(true)}>
            新增整改事项
          </Button>
        ) : null
      }
    >
      {adding && <NewRectificationForm roundId={roundId} onDone={() => setAdding(false)} />}
      {isLoading ? (
        <Spin />
      ) : items.length === 0 ? (
        !adding && <Empty description="本次评估暂无整改事项" />
      ) : (
        <ol style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {items.map((r, i) => (
            <li
              key={r.id}
              style={{
                padding: `${token.paddingSM}px 0`,
                borderBlockStart: i > 0 ? `${token.lineWidth}px ${token.lineType} ${token.colorSplit}` : undefined,
              }}
            >
              <RectificationItem r={r} showSubject={false} />
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}

const shape = createRectificationSchema.shape;

/** 新增整改事项: the finding, what must be done, and by when (not before the server's today). */
function NewRectificationForm({ roundId, onDone }: { roundId: string; onDone: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const create = useCreateRectification();
  const desk = useDesk();
  // The server's today decides what is "before today"; the device's date only if the desk cannot answer.
  const today = desk.data?.today ?? dayjs().format('YYYY-MM-DD');

  async function save(v: NewItem) {
    try {
      await create.mutateAsync({
        roundId,
        finding: v.finding,
        requirement: v.requirement ?? '',
        deadline: v.deadline.format('YYYY-MM-DD'),
      });
      message.success('整改事项已登记，承接机构可在“整改”中提交整改情况');
      form.resetFields();
      onDone();
    } catch (e) {
      showFormError(form, e, message.error);
    }
  }

  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={save}
      style={{ marginBottom: 16, maxWidth: 640 }}
      aria-label="新增整改事项"
    >
      <Form.Item
        name="finding"
        label="问题"
        rules={[{ required: true, whitespace: true, message: '请填写发现的问题' }, zodRule(shape.finding)]}
      >
        <Input.TextArea rows={3} maxLength={500} showCount placeholder="评估中发现的问题" />
      </Form.Item>
      <Form.Item name="requirement" label="整改要求" rules={[zodRule(shape.requirement)]}>
        <Input.TextArea rows={3} maxLength={1000} showCount placeholder="需要达到的整改要求（选填）" />
      </Form.Item>
      <Form.Item name="deadline" label="整改期限" rules={[{ required: true, message: '请选择整改期限' }]}>
        <DatePicker
          style={{ width: '100%', maxWidth: 240 }}
          disabledDate={(d) => d.isBefore(dayjs(today), 'day')}
          placeholder="选择日期"
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={create.isPending}>
        登记
      </Button>
      <Button style={{ marginLeft: 8 }} onClick={onDone}>
        取消
      </Button>
    </Form>
  );
}
