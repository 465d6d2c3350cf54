import { useState } from 'react';
import dayjs, { type Dayjs } from 'dayjs';
import { Alert, App, Button, Card, DatePicker, Form, Input, List, Modal, Select, Tag, theme } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import {
  CONSENT_BY,
  CONSENT_BY_LABELS,
  CONSENT_DECISION_LABELS,
  CONSENT_DECISIONS,
  CONSENT_KIND_LABELS,
  CONSENT_KINDS,
  RISK_GRADED_CATEGORIES,
  RISK_LABELS,
  RISK_LEVELS,
  consentInputSchema,
  riskInputSchema,
  type BeneficiaryView,
  type ConsentInput,
  type RiskInput,
} from '@shegong/shared';
import { zodRule } from '../../lib/zod-rule';
import { useAssessRisk, useRecordConsent, useRiskHistory } from './beneficiaries.api';
import { Nothing, RiskTag } from './beneficiary-tags';
import { showServerErrors } from './form-errors';

const DECISION_COLOURS = { given: 'success', refused: 'error', withdrawn: 'warning' } as const;

/** A dialog form whose dates are dayjs values until sent. */
function useDialog<T>(send: (v: T) => Promise<unknown>, done: string) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [open, setOpen] = useState(false);
  const close = () => {
    setOpen(false);
    form.resetFields();
  };
  async function submit(v: Record<string, unknown>) {
    try {
      const date = (k: string) => (v[k] as Dayjs).format('YYYY-MM-DD');
      await send({
        ...v,
        ...('assessedOn' in v ? { assessedOn: date('assessedOn') } : {}),
        ...('recordedOn' in v ? { recordedOn: date('recordedOn') } : {}),
      } as T);
      message.success(done);
      close();
    } catch (e) {
      showServerErrors(form, e, message.error);
    }
  }
  return { form, open, setOpen, close, submit };
}

/** R-SVC-5: the latest grade with its reason and date, every earlier one, and a new assessment. */
export function RiskSection({ b }: { b: BeneficiaryView }) {
  const { token } = theme.useToken();
  const assess = useAssessRisk(b.id);
  const history = useRiskHistory(b.id, !!b.risk);
  const d = useDialog<RiskInput>((v) => assess.mutateAsync(v), '已记录风险评估');
  const graded = b.minor || b.categories.some((c) => RISK_GRADED_CATEGORIES.includes(c));
  const items = history.data?.items ?? (b.risk ? [b.risk] : []);
  return (
    <Card
      title="风险评估"
      style={{ marginBottom: 16 }}
      extra={
        b.abilities.assessRisk && (
          <Button
            icon={<PlusOutlined />}
            onClick={() => {
              d.form.setFieldsValue({ assessedOn: dayjs() });
              d.setOpen(true);
            }}
          >
            评估风险
          </Button>
        )
      }
    >
      {!b.risk && graded && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="尚未评估风险等级"
          description="特殊困难老人和儿童应评估风险等级（高、中、低），写明依据和评估日期。"
        />
      )}
      {items.length === 0 && !graded && <Nothing>暂无风险评估</Nothing>}
      {items.length > 0 && (
        <List
          dataSource={items}
          renderItem={(r) => (
            <List.Item key={r.id}>
              <div>
                <RiskTag level={r.level} /> {r.assessedOn} · 评估人 {r.assessedBy}
                <div style={{ color: token.colorTextSecondary }}>依据：{r.reason}</div>
              </div>
            </List.Item>
          )}
        />
      )}
      <Modal title="评估风险" open={d.open} onCancel={d.close} onOk={() => d.form.submit()} okText="确定" forceRender>
        <Form form={d.form} layout="vertical" onFinish={d.submit}>
          <Form.Item label="风险等级" name="level" rules={[{ required: true, message: '请选择风险等级' }]}>
            <Select options={RISK_LEVELS.map((l) => ({ value: l, label: RISK_LABELS[l] }))} />
          </Form.Item>
          <Form.Item
            label="评估依据"
            name="reason"
            rules={[{ required: true, message: '请写明评估依据' }, zodRule(riskInputSchema.shape.reason)]}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item label="评估日期" name="assessedOn" rules={[{ required: true, message: '请选择评估日期' }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

/** 同意记录: what the person (or the guardian) agreed to, refused or withdrew, when, and who recorded it. */
export function ConsentSection({ b }: { b: BeneficiaryView }) {
  const { token } = theme.useToken();
  const record = useRecordConsent(b.id);
  const d = useDialog<ConsentInput>((v) => record.mutateAsync(v), '已记录');
  const consents = [...b.consents].sort((x, y) => y.recordedOn.localeCompare(x.recordedOn));
  return (
    <Card
      title="同意记录"
      style={{ marginBottom: 16 }}
      extra={
        b.abilities.recordConsent && (
          <Button
            icon={<PlusOutlined />}
            onClick={() => {
              d.form.setFieldsValue({ recordedOn: dayjs(), givenBy: b.minor ? 'guardian' : 'self' });
              d.setOpen(true);
            }}
          >
            记录同意
          </Button>
        )
      }
    >
      <List
        dataSource={consents}
        locale={{ emptyText: <Nothing>尚无同意记录</Nothing> }}
        renderItem={(c) => (
          <List.Item key={c.id}>
            <div>
              <Tag color={DECISION_COLOURS[c.decision]}>{CONSENT_DECISION_LABELS[c.decision]}</Tag>
              {CONSENT_KIND_LABELS[c.kind]} · {CONSENT_BY_LABELS[c.givenBy]}表示 · {c.recordedOn}
              <div style={{ color: token.colorTextSecondary }}>
                范围：{c.scope}；记录人 {c.recordedBy}
              </div>
            </div>
          </List.Item>
        )}
      />
      <Modal title="记录同意" open={d.open} onCancel={d.close} onOk={() => d.form.submit()} okText="确定" forceRender>
        <Form form={d.form} layout="vertical" onFinish={d.submit}>
          <Form.Item label="同意事项" name="kind" rules={[{ required: true, message: '请选择同意事项' }]}>
            <Select options={CONSENT_KINDS.map((k) => ({ value: k, label: CONSENT_KIND_LABELS[k] }))} />
          </Form.Item>
          <Form.Item label="意见" name="decision" rules={[{ required: true, message: '请选择意见' }]}>
            <Select options={CONSENT_DECISIONS.map((k) => ({ value: k, label: CONSENT_DECISION_LABELS[k] }))} />
          </Form.Item>
          <Form.Item label="由谁表示" name="givenBy" rules={[{ required: true, message: '请选择' }]}>
            <Select options={CONSENT_BY.map((k) => ({ value: k, label: CONSENT_BY_LABELS[k] }))} />
          </Form.Item>
          <Form.Item
            label="同意的范围"
            name="scope"
            rules={[{ required: true, message: '请写明同意的范围' }, zodRule(consentInputSchema.shape.scope)]}
            extra="哪些信息、提供给哪个机构、用于什么"
          >
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item label="日期" name="recordedOn" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
