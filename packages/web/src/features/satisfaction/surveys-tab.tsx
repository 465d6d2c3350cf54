import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  App,
  Button,
  Card,
  DatePicker,
  Empty,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Select,
  Space,
  theme,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { showFormError } from '../../lib/zod-rule';
import { usePaging } from '../../lib/paging';
import { useStations } from '../stations/stations.api';
import { useCreateSurvey, useSurveys } from './satisfaction.api';

/** The call-back samples in reach, and 抽取回访样本 (county and city). */
export function SurveysTab() {
  const { token } = theme.useToken();
  const [open, setOpen] = useState(false);
  const paging = usePaging({ unit: '次抽样' });
  const { data, isLoading } = useSurveys(paging.query);
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Button type="primary" onClick={() => setOpen(true)}>
          抽取回访样本
        </Button>
        <span style={{ color: token.colorTextDescription }}>
          从期间内在该站有服务记录的服务对象中随机抽取，记录随机种子，可复核。
        </span>
      </Space>
      <List
        loading={isLoading}
        dataSource={data?.items}
        locale={{ emptyText: <Empty description="尚未抽取回访样本，点击“抽取回访样本”开始" /> }}
        pagination={data?.total ? { ...paging.pagination(data.total), simple: true, align: 'center' } : false}
        renderItem={(s) => (
          <List.Item style={{ padding: 0, border: 'none', marginBottom: 8 }}>
            <Card size="small" style={{ width: '100%' }}>
              <Link to={`/satisfaction/surveys/${s.id}`} style={{ fontWeight: token.fontWeightStrong }}>
                {s.stationName}：{s.periodStart} 至 {s.periodEnd}
              </Link>
              <div style={{ color: token.colorTextSecondary, marginTop: 4 }}>
                {s.poolSize} 人中抽取 {s.sampleSize} 人 · 已回访 {s.counts.answered} · 无法联系 {s.counts.unreachable} ·
                拒绝 {s.counts.declined} · 待回访 {s.counts.pending}
              </div>
            </Card>
          </List.Item>
        )}
      />
      <DrawForm open={open} onClose={() => setOpen(false)} />
    </>
  );
}

interface Values {
  stationId?: string;
  period?: [Dayjs, Dayjs];
  sampleSize?: number;
  seed?: string;
}

function DrawForm({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const nav = useNavigate();
  const [form] = Form.useForm();
  const create = useCreateSurvey();
  const stations = useStations({ page: 1, pageSize: 200, status: 'operating' }, { enabled: open });
  async function ok() {
    const v = (await form.validateFields().catch(() => null)) as Values | null;
    if (!v) return;
    try {
      const s = await create.mutateAsync({
        stationId: v.stationId!,
        periodStart: v.period![0].format('YYYY-MM-DD'),
        periodEnd: v.period![1].format('YYYY-MM-DD'),
        sampleSize: v.sampleSize!,
        ...(v.seed?.trim() ? { seed: v.seed.trim() } : {}),
      });
      message.success(`已抽取 ${s.sampleSize} 人，随机种子 ${s.seed}`);
      onClose();
      nav(`/satisfaction/surveys/${s.id}`);
    } catch (e) {
      // The period is one field here: its two ends' errors show on it.
      const err = e as { fieldErrors?: Record<string, string> };
      if (err.fieldErrors) {
        const { periodStart, periodEnd, ...rest } = err.fieldErrors;
        const period = periodStart ?? periodEnd;
        err.fieldErrors = { ...rest, ...(period ? { period } : {}) };
      }
      showFormError(form, err, message.error);
    }
  }
  return (
    <Modal
      open={open}
      title="抽取回访样本"
      okText="抽取"
      cancelText="取消"
      onOk={ok}
      onCancel={onClose}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={{ sampleSize: 10 }}>
        <Form.Item name="stationId" label="社工站" rules={[{ required: true, message: '请选择社工站' }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={stations.isLoading}
            options={stations.data?.items.map((s) => ({ value: s.id, label: s.name }))}
          />
        </Form.Item>
        <Form.Item name="period" label="服务期间" rules={[{ required: true, message: '请选择服务期间' }]}>
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="sampleSize" label="抽取人数" rules={[{ required: true, message: '请填写抽取人数' }]}>
          <InputNumber min={1} max={200} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="seed" label="随机种子（选填）" extra="不填由系统生成并记录；填入已有的种子可复核同一次抽取。">
          <Input maxLength={64} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
