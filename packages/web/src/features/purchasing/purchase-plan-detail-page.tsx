import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import {
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Space,
  Spin,
  Timeline,
  Typography,
} from 'antd';
import {
  PLAN_REQUIRED_FIELDS,
  PURCHASE_METHOD_LABELS,
  PURCHASE_METHODS,
  formatFen,
  type PurchasePlanView,
  type UpdatePurchasePlanBody,
} from '@shegong/shared';
import { PageHeader } from '../../components/page-header';
import { fmtDateTime } from '../../lib/format';
import { showFormError } from '../../lib/zod-rule';
import { useStations } from '../stations/stations.api';
import { PlanStatusTag } from './plan-status-tag';
import { usePlanTransition, usePurchasePlan, useUpdatePurchasePlan } from './purchasing.api';

const TEXTS = [
  'background',
  'goals',
  'serviceContent',
  'schedule',
  'qualityStandards',
  'quantityStandards',
  'performanceEvaluation',
] as const;
const EVENT_LABELS = { create: '编制', submit: '报送', file: '备案', return: '退回', update: '修改' } as const;

export function PurchasePlanDetailPage() {
  const { planId = '' } = useParams();
  const { data, error } = usePurchasePlan(planId);
  if (error) return <Empty description={(error as Error).message} />;
  return data ? <PlanDetail p={data} /> : <Spin />;
}

function PlanDetail({ p }: { p: PurchasePlanView }) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState('');
  const stations = useStations({ county: p.countyCode, page: 1, pageSize: 200 });
  const transition = usePlanTransition(p.id);
  const update = useUpdatePurchasePlan(p.id);

  useEffect(() => {
    form.setFieldsValue({
      ...p,
      budget: p.budgetFen == null ? undefined : p.budgetFen / 100,
      stationIds: p.stations.map((s) => s.id),
    });
  }, [p, form]);

  async function act(action: 'submit' | 'file' | 'return', body: { comment?: string }, done: string) {
    try {
      await transition.mutateAsync({ action, version: p.version, ...body });
      message.success(done);
      return true;
    } catch (e) {
      showFormError(form, e, message.error);
      return false;
    }
  }
  async function save(v: Record<string, unknown>) {
    try {
      await update.mutateAsync({
        ...(v as UpdatePurchasePlanBody),
        budget: v.budget == null ? undefined : String(v.budget),
        version: p.version,
      });
      message.success('已保存');
    } catch (e) {
      showFormError(form, e, message.error);
    }
  }

  return (
    <>
      <PageHeader
        title={p.title}
        tags={<PlanStatusTag status={p.status} />}
        crumbs={[{ title: '年度购买计划', to: '/purchase-plans' }, { title: p.title }]}
        extra={
          <Space wrap>
            {p.abilities.submit && (
              <Popconfirm
                title="报送市民政局备案？报送后不能修改，除非被退回"
                onConfirm={() => act('submit', {}, '已报送')}
              >
                <Button type="primary">报送备案</Button>
              </Popconfirm>
            )}
            {p.abilities.file && (
              <Popconfirm title="确认备案该计划？" onConfirm={() => act('file', { comment: '同意备案' }, '已备案')}>
                <Button type="primary">备案</Button>
              </Popconfirm>
            )}
            {p.abilities.return && (
              <Button danger onClick={() => setReturning(true)}>
                退回
              </Button>
            )}
          </Space>
        }
      />
      <Card title={`${p.countyName} · ${p.year} 年度`} style={{ marginBottom: 16 }}>
        {p.abilities.update ? (
          <Form form={form} layout="vertical" onFinish={save}>
            <Space wrap>
              <Form.Item label="预算（元）" name="budget">
                <InputNumber min={0} precision={2} style={{ width: 200 }} />
              </Form.Item>
              <Form.Item label="购买方式" name="purchaseMethod">
                <Select
                  style={{ width: 200 }}
                  options={PURCHASE_METHODS.map((m) => ({ value: m, label: PURCHASE_METHOD_LABELS[m] }))}
                />
              </Form.Item>
            </Space>
            <Form.Item label="覆盖的社工站" name="stationIds">
              <Select
                mode="multiple"
                showSearch={{ optionFilterProp: 'label' }}
                options={(stations.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
              />
            </Form.Item>
            {TEXTS.map((k) => (
              <Form.Item key={k} label={PLAN_REQUIRED_FIELDS[k]} name={k}>
                <Input.TextArea rows={2} />
              </Form.Item>
            ))}
            <Button htmlType="submit">保存草稿</Button>
          </Form>
        ) : (
          <Descriptions bordered size="small" column={1}>
            <Descriptions.Item label="预算">{formatFen(p.budgetFen)}</Descriptions.Item>
            <Descriptions.Item label="购买方式">
              {p.purchaseMethod ? PURCHASE_METHOD_LABELS[p.purchaseMethod] : '—'}
            </Descriptions.Item>
            <Descriptions.Item label="覆盖的社工站">
              {p.stations.map((s) => s.name).join('、') || '—'}
            </Descriptions.Item>
            {TEXTS.map((k) => (
              <Descriptions.Item key={k} label={PLAN_REQUIRED_FIELDS[k]}>
                <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{p[k] || '—'}</Typography.Text>
              </Descriptions.Item>
            ))}
          </Descriptions>
        )}
      </Card>
      <Card title="流转记录">
        <Timeline
          items={p.events.map((e) => ({
            content: (
              <div>
                <Typography.Text strong>{EVENT_LABELS[e.action]}</Typography.Text> · {e.username} · {fmtDateTime(e.at)}
                {e.comment && <div>意见：{e.comment}</div>}
              </div>
            ),
          }))}
        />
      </Card>
      <Modal
        title="退回计划"
        open={returning}
        onCancel={() => setReturning(false)}
        okText="退回"
        okButtonProps={{ danger: true, disabled: !comment.trim() }}
        onOk={async () => {
          if (await act('return', { comment }, '已退回')) setReturning(false);
        }}
      >
        <Input.TextArea
          rows={3}
          placeholder="请填写退回意见（必填）"
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          aria-label="退回意见"
        />
      </Modal>
    </>
  );
}
