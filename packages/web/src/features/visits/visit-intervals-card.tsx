import { App, Button, Card, Flex, Form, InputNumber, Typography } from 'antd';
import { useState } from 'react';
import { RISK_LABELS, VISIT_INTERVAL_BOUNDS, type UpdateVisitIntervalsInput } from '@shegong/shared';
import { ApiError } from '../../lib/api';
import { useUpdateVisitIntervals, useVisitIntervals } from './visits.api';

/** 走访周期 (R-SVC-5): the interval of each risk level; the city changes them here. */
export function VisitIntervalsCard() {
  const { message } = App.useApp();
  const { data } = useVisitIntervals();
  const update = useUpdateVisitIntervals();
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<Record<string, number>>();
  if (!data) return null;

  async function save(v: Record<string, number>) {
    const body = Object.fromEntries(
      data!.items.map((i) => [i.riskLevel, { days: v[i.riskLevel], version: i.version }]),
    ) as UpdateVisitIntervalsInput;
    try {
      await update.mutateAsync(body);
      message.success('走访周期已保存');
      setEditing(false);
    } catch (e) {
      const fields = e instanceof ApiError ? e.fieldErrors : undefined;
      if (fields) form.setFields(Object.entries(fields).map(([name, err]) => ({ name, errors: [err] })));
      message.error(e instanceof Error ? e.message : '保存失败');
    }
  }

  return (
    <Card size="small" title="走访周期" style={{ marginTop: 16 }}>
      {!editing ? (
        <Flex justify="space-between" align="center" wrap gap={8}>
          <span>
            {data.items.map((i) => `${RISK_LABELS[i.riskLevel]}每 ${i.days} 天`).join('，')}
            {data.items.every((i) => i.isDefault) && <Typography.Text type="secondary">（默认）</Typography.Text>}
          </span>
          {data.abilities.update && (
            <Button
              onClick={() => {
                form.setFieldsValue(Object.fromEntries(data.items.map((i) => [i.riskLevel, i.days])));
                setEditing(true);
              }}
            >
              修改
            </Button>
          )}
        </Flex>
      ) : (
        <Form form={form} layout="inline" onFinish={save}>
          {data.items.map((i) => (
            <Form.Item
              key={i.riskLevel}
              name={i.riskLevel}
              label={RISK_LABELS[i.riskLevel]}
              rules={[{ required: true }]}
            >
              <InputNumber min={VISIT_INTERVAL_BOUNDS.min} max={VISIT_INTERVAL_BOUNDS.max} suffix="天" />
            </Form.Item>
          ))}
          <Button type="primary" htmlType="submit" loading={update.isPending}>
            保存
          </Button>
          <Button onClick={() => setEditing(false)}>取消</Button>
        </Form>
      )}
    </Card>
  );
}
