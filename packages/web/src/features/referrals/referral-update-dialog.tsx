import { useEffect } from 'react';
import dayjs, { type Dayjs } from 'dayjs';
import { App, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import { REFERRAL_NEXT, REFERRAL_STATUS_LABELS, type ReferralStatus, type ReferralView } from '@shegong/shared';
import { showServerErrors } from '../beneficiaries/form-errors';
import { useUpdateReferral } from './referrals.api';

interface Values {
  status: ReferralStatus;
  decidedOn?: Dayjs;
  amountYuan?: number | null;
  outcome?: string;
}

/** A status step (已提交 → 已受理 → 已获得／未获得) with the decision date, the amount obtained and the outcome. */
export function ReferralUpdateDialog({ r, onClose }: { r: ReferralView | null; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const update = useUpdateReferral(r?.id ?? '');
  const status = Form.useWatch('status', form);
  const decided = status === 'obtained' || status === 'not_obtained';
  useEffect(() => {
    if (r) form.setFieldsValue({ status: REFERRAL_NEXT[r.status][0], outcome: r.outcome });
  }, [r, form]);
  if (!r) return null;

  async function submit(v: Values) {
    try {
      await update.mutateAsync({
        version: r!.version,
        status: v.status,
        decidedOn: decided && v.decidedOn ? v.decidedOn.format('YYYY-MM-DD') : null,
        amountFen: v.status === 'obtained' && v.amountYuan != null ? Math.round(v.amountYuan * 100) : null,
        outcome: v.outcome ?? '',
      });
      message.success('已更新转介状态');
      onClose();
    } catch (e) {
      showServerErrors(form, e, message.error);
    }
  }

  return (
    <Modal
      open
      title="更新转介状态"
      okText="保存"
      confirmLoading={update.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="status" label="状态" rules={[{ required: true, message: '请选择状态' }]}>
          <Select options={REFERRAL_NEXT[r.status].map((s) => ({ value: s, label: REFERRAL_STATUS_LABELS[s] }))} />
        </Form.Item>
        {decided && (
          <Form.Item name="decidedOn" label="办结日期" rules={[{ required: true, message: '请选择办结日期' }]}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
        )}
        {status === 'obtained' && (
          <Form.Item name="amountYuan" label="获得金额（元，非资金类可不填）">
            <InputNumber min={0} precision={2} style={{ width: '100%' }} />
          </Form.Item>
        )}
        <Form.Item name="outcome" label="结果说明" rules={[{ max: 1000 }]}>
          <Input.TextArea rows={3} placeholder="如：每月低保金 620 元，自 12 月起发放" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
