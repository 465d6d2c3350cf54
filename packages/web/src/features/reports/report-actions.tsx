import { useState } from 'react';
import { App, Button, Form, Input, Modal, Popconfirm, Space } from 'antd';
import type { ReportView } from '@shegong/shared';
import { ApiError } from '../../lib/api';
import { fieldErrorsToAntd } from '../../lib/zod-rule';
import { useReportAction, type ReportAction } from './reports.api';

const DONE: Record<ReportAction, string> = {
  submit: '报告已提交',
  accept: '报告已接收，数字已锁定',
  return: '报告已退回',
  reopen: '报告已重新打开，可以更正',
};

/**
 * The workflow steps the server allows now (`abilities`, R-REP-3): submit and accept each with a confirm step; a return
 * asks for the comment, a correction for its reason. `beforeSubmit` saves unsaved writing first and gives the version.
 */
export function ReportActions({ r, beforeSubmit }: { r: ReportView; beforeSubmit: () => Promise<number | null> }) {
  const { message } = App.useApp();
  const act = useReportAction(r.id);
  const [asking, setAsking] = useState<'return' | 'reopen' | null>(null);
  const a = r.abilities;
  // The city's report goes to the province, outside the platform: once sent it is final.
  const final = r.kind === 'city_half_year';

  async function run(action: ReportAction, extra: { comment?: string; reason?: string } = {}) {
    let version = r.version;
    if (action === 'submit') {
      const saved = await beforeSubmit();
      if (saved === null) return false;
      version = saved;
    }
    try {
      await act.mutateAsync({ action, version, ...extra });
      message.success(DONE[action]);
      return true;
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '操作失败');
      throw e;
    }
  }

  return (
    <Space wrap>
      {a.submit && (
        <Popconfirm
          title={
            final ? '提交后报告即报送省民政厅，不能再修改。确定提交？' : '提交后等待上级接收，期间不能修改。确定提交？'
          }
          okText="确定"
          cancelText="取消"
          onConfirm={() => run('submit').catch(() => undefined)}
        >
          <Button type="primary" loading={act.isPending}>
            提交
          </Button>
        </Popconfirm>
      )}
      {a.accept && (
        <Popconfirm
          title="接收后报告锁定，数字按接收时冻结。确定接收？"
          okText="确定"
          cancelText="取消"
          onConfirm={() => run('accept').catch(() => undefined)}
        >
          <Button type="primary" loading={act.isPending}>
            接收
          </Button>
        </Popconfirm>
      )}
      {a.return && <Button onClick={() => setAsking('return')}>退回</Button>}
      {a.reopen && <Button onClick={() => setAsking('reopen')}>重新打开更正</Button>}
      <AskModal
        kind={asking}
        onCancel={() => setAsking(null)}
        onOk={async (text) => {
          await run(asking!, asking === 'return' ? { comment: text } : { reason: text });
          setAsking(null);
        }}
      />
    </Space>
  );
}

const ASK = {
  return: { title: '退回报告', label: '退回意见', field: 'comment', ok: '退回', hint: '请写明需要修改或补充的内容' },
  reopen: {
    title: '重新打开更正',
    label: '更正原因',
    field: 'reason',
    ok: '重新打开',
    hint: '请写明为什么更正；原来接收的版本会保留，可随时查看',
  },
} as const;

/** Asks for the return comment or the correction's reason; the server's objection shows on the field, the text stays. */
function AskModal(p: {
  kind: 'return' | 'reopen' | null;
  onCancel: () => void;
  onOk: (text: string) => Promise<void>;
}) {
  const [form] = Form.useForm<{ text: string }>();
  const [busy, setBusy] = useState(false);
  const w = p.kind ? ASK[p.kind] : null;
  async function ok() {
    const v = await form.validateFields().catch(() => null); // the form shows what is missing
    if (!v) return;
    setBusy(true);
    try {
      await p.onOk(v.text);
    } catch (e) {
      if (e instanceof ApiError && w) {
        const errs = fieldErrorsToAntd(e.fieldErrors).filter((f) => f.name === w.field);
        if (errs.length) form.setFields(errs.map((f) => ({ name: 'text', errors: f.errors })));
      }
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal
      open={!!p.kind}
      title={w?.title}
      okText={w?.ok}
      cancelText="取消"
      onCancel={p.onCancel}
      onOk={ok}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="text"
          label={w?.label}
          rules={[{ required: true, whitespace: true, message: `请填写${w?.label ?? ''}` }]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount placeholder={w?.hint} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
