import type { FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import { App, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { ContractView, CreateEvaluationBody } from '@shegong/shared';
import { showFormError } from '../../lib/zod-rule';
import { useAddAgreement, useAddEvaluation, usePublishContract } from './contracts.api';

/** Which dialog of the contract page is open: a new agreement, an evaluation, or a publication date. */
export type Dialog = null | 'agreement' | 'evaluation' | { publish: string | null };

const day = (v: unknown) => (v ? (v as Dayjs).format('YYYY-MM-DD') : null);
const required = (v: unknown) => day(v) as string;

/** The contract page's dialog: renew (R-CON-2), record an evaluation (R-CON-2) or a publication date (R-CON-3). */
export function ContractDialog({
  c,
  dialog,
  form,
  onClose,
}: {
  c: ContractView;
  dialog: Dialog;
  form: FormInstance;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const addAgreement = useAddAgreement(c.id);
  const addEvaluation = useAddEvaluation(c.id);
  const publish = usePublishContract(c.id);

  async function submit(v: Record<string, unknown>) {
    try {
      if (dialog === 'agreement')
        await addAgreement.mutateAsync({
          yearNo: v.yearNo as number,
          amount: String(v.amount),
          signedOn: required(v.signedOn),
          publishedOn: day(v.publishedOn),
        });
      else if (dialog === 'evaluation')
        await addEvaluation.mutateAsync({
          yearNo: v.yearNo as number,
          result: v.result as CreateEvaluationBody['result'],
          evaluatedOn: required(v.evaluatedOn),
          evaluator: v.evaluator as string,
          summary: (v.summary as string | undefined) ?? '',
        });
      else if (dialog) await publish.mutateAsync({ agreementId: dialog.publish, publishedOn: required(v.publishedOn) });
      message.success('已保存');
      onClose();
      form.resetFields();
    } catch (e) {
      showFormError(form, e, message.error);
    }
  }

  return (
    <Modal
      title={dialog === 'agreement' ? '续签年度协议' : dialog === 'evaluation' ? '补录纸质评估结果' : '登记公告日期'}
      open={!!dialog}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="保存"
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        {(dialog === 'agreement' || dialog === 'evaluation') && (
          <Form.Item label="协议年度" name="yearNo" rules={[{ required: true, message: '请输入' }]}>
            <InputNumber min={1} max={4} style={{ width: '100%' }} />
          </Form.Item>
        )}
        {dialog === 'agreement' && (
          <>
            <Form.Item label="金额（元）" name="amount" rules={[{ required: true, message: '请输入' }]}>
              <InputNumber min={0} precision={2} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item label="签订日期" name="signedOn" rules={[{ required: true, message: '请选择' }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item label="公告日期" name="publishedOn">
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </>
        )}
        {dialog === 'evaluation' && (
          <>
            <Form.Item label="结果" name="result">
              <Select
                options={[
                  { value: 'passed', label: '合格' },
                  { value: 'failed', label: '不合格（合同于当年协议期满终止）' },
                ]}
              />
            </Form.Item>
            <Form.Item label="评估日期" name="evaluatedOn" rules={[{ required: true, message: '请选择' }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item label="评估单位" name="evaluator" rules={[{ required: true, message: '请填写' }]}>
              <Input />
            </Form.Item>
            <Form.Item label="说明" name="summary">
              <Input.TextArea rows={2} />
            </Form.Item>
          </>
        )}
        {dialog && typeof dialog === 'object' && (
          <Form.Item label="公告日期" name="publishedOn" rules={[{ required: true, message: '请选择' }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
