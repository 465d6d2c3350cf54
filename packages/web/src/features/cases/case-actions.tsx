import { useState } from 'react';
import { App, Button, Form, Input, Modal, Popconfirm, Select, Space } from 'antd';
import { CASE_ACTION_LABELS, type CaseAction, type CaseView } from '@shegong/shared';
import { ApiError } from '../../lib/api';
import { useCaseAction, useStationWorkers, useTransferCase } from './cases.api';

const CONFIRM: Partial<Record<CaseAction, string>> = {
  'submit-plan': '提交后计划将锁定，等待项目主管审核。确定提交？',
  'approve-plan': '批准后个案进入介入阶段。确定批准？',
  'submit-closure': '提交结案申请，等待项目主管审核。确定提交？',
  'approve-closure': '批准后个案结案，不能再添加服务记录。确定批准结案？',
};

/** The steps the caller may take now (the case's `abilities`), each with a confirm step; a return asks why. */
export function CaseActions({ c }: { c: CaseView }) {
  const { message } = App.useApp();
  const act = useCaseAction(c.id);
  const [returning, setReturning] = useState<CaseAction | null>(null);
  const [transferring, setTransferring] = useState(false);
  const a = c.abilities;
  const shown: [CaseAction, boolean][] = [
    ['submit-plan', a.submitPlan],
    ['approve-plan', a.approvePlan],
    ['submit-closure', a.submitClosure && c.status === 'intervention'],
    ['approve-closure', a.approveClosure],
  ];

  async function run(action: CaseAction, note = '') {
    try {
      await act.mutateAsync({ action, version: c.version, note });
      message.success(`已${CASE_ACTION_LABELS[action]}`);
      return true;
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '操作失败');
      return false;
    }
  }

  return (
    <Space wrap>
      {shown
        .filter(([, ok]) => ok)
        .map(([action]) => (
          <Popconfirm
            key={action}
            title={CONFIRM[action]}
            okText="确定"
            cancelText="取消"
            onConfirm={() => run(action)}
          >
            <Button type="primary" loading={act.isPending}>
              {CASE_ACTION_LABELS[action]}
            </Button>
          </Popconfirm>
        ))}
      {a.returnPlan && <Button onClick={() => setReturning('return-plan')}>退回服务计划</Button>}
      {a.returnClosure && <Button onClick={() => setReturning('return-closure')}>退回结案申请</Button>}
      {a.transfer && <Button onClick={() => setTransferring(true)}>转移个案</Button>}
      <ReturnModal
        action={returning}
        onCancel={() => setReturning(null)}
        onOk={async (note) => {
          if (returning && (await run(returning, note))) setReturning(null);
        }}
      />
      {transferring && <TransferModal c={c} onClose={() => setTransferring(false)} />}
    </Space>
  );
}

function ReturnModal(p: { action: CaseAction | null; onCancel: () => void; onOk: (note: string) => Promise<void> }) {
  const [form] = Form.useForm<{ note: string }>();
  return (
    <Modal
      open={!!p.action}
      title={p.action ? CASE_ACTION_LABELS[p.action] : ''}
      okText="退回"
      cancelText="取消"
      onCancel={p.onCancel}
      onOk={() => form.validateFields().then((v) => p.onOk(v.note))}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="note" label="退回原因" rules={[{ required: true, min: 2, message: '请写明退回的原因' }]}>
          <Input.TextArea rows={3} maxLength={500} placeholder="请说明需要修改或补充的内容" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function TransferModal({ c, onClose }: { c: CaseView; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ workerId: string; note: string }>();
  const workers = useStationWorkers(c.stationId);
  const transfer = useTransferCase(c.id);
  async function ok() {
    const v = await form.validateFields();
    try {
      await transfer.mutateAsync({ version: c.version, workerId: v.workerId, note: v.note ?? '' });
      message.success('个案已转移');
      onClose();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '转移失败');
    }
  }
  return (
    <Modal
      open
      title="转移个案"
      okText="转移"
      cancelText="取消"
      onCancel={onClose}
      onOk={ok}
      confirmLoading={transfer.isPending}
    >
      <Form form={form} layout="vertical">
        <Form.Item name="workerId" label="接手社工（本站）" rules={[{ required: true, message: '请选择接手的社工' }]}>
          <Select
            loading={workers.isLoading}
            options={workers.data?.items
              .filter((w) => w.id !== c.workerId)
              .map((w) => ({ value: w.id, label: w.name }))}
          />
        </Form.Item>
        <Form.Item name="note" label="交接说明">
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
