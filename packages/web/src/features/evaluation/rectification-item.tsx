import { useState, type ReactNode } from 'react';
import { App, Button, Form, Input, Modal, Popconfirm, Space, theme } from 'antd';
import { EVALUATION_KIND_LABELS, type RectificationView } from '@shegong/shared';
import { useQueryClient } from '@tanstack/react-query';
import { AttachmentsList } from '../../components/attachments-list';
import { ApiError } from '../../lib/api';
import { fmtDateTime } from '../../lib/format';
import { fieldErrorsToAntd } from '../../lib/zod-rule';
import { OverdueTag, RectificationStatusTag } from './rectification-tags';
import { rectificationKeys, useRectificationStep } from './rectifications.api';

/** One item as a card's body: what was found, what must be done by when, whose, the answer and the actions. */
export function RectificationItem({ r, showSubject = true }: { r: RectificationView; showSubject?: boolean }) {
  const { token } = theme.useToken();
  const line = (label: string, value: ReactNode) => (
    <div style={{ marginTop: token.marginXXS, overflowWrap: 'anywhere' }}>
      <span style={{ color: token.colorTextDescription }}>{label}：</span>
      {value}
    </div>
  );
  return (
    <div>
      <Space wrap size={4}>
        <RectificationStatusTag status={r.status} />
        <OverdueTag days={r.overdueDays} />
        <span style={{ color: token.colorTextDescription }}>
          {EVALUATION_KIND_LABELS[r.roundKind]} · 第 {r.yearNo} 年度
        </span>
      </Space>
      <div style={{ marginTop: token.marginXS, fontWeight: token.fontWeightStrong, overflowWrap: 'anywhere' }}>
        {r.finding}
      </div>
      {r.requirement && line('整改要求', r.requirement)}
      {line('整改期限', r.deadline)}
      {showSubject && line('合同', `${r.contractTitle}（${r.unitName}）`)}
      {showSubject && line('承接机构', r.organisationName)}
      {r.correction && line('整改情况', r.correction)}
      {r.submittedAt && line('提交时间', fmtDateTime(r.submittedAt))}
      {r.status === 'open' && r.returnComment && (
        <div style={{ marginTop: token.marginXXS, color: token.colorWarningText, overflowWrap: 'anywhere' }}>
          退回意见：{r.returnComment}
        </div>
      )}
      {r.verifiedAt && line('核实时间', fmtDateTime(r.verifiedAt))}
      <Evidence r={r} />
      <RectificationActions r={r} />
    </div>
  );
}

/** 整改佐证材料: the contractor adds photos and documents while the item is open; readers download them. */
function Evidence({ r }: { r: RectificationView }) {
  const { token } = theme.useToken();
  const qc = useQueryClient();
  if (!r.attachments.length && !r.abilities.submit) return null;
  return (
    <div style={{ marginTop: token.marginXS }}>
      <div style={{ color: token.colorTextDescription }}>佐证材料：</div>
      <AttachmentsList
        files={r.attachments}
        hrefOf={(f) => `/api/v1/rectifications/${r.id}/files/${f.fileId}`}
        uploadUrl={r.abilities.submit ? `/api/v1/rectifications/${r.id}/files` : undefined}
        onUploaded={() => void qc.invalidateQueries({ queryKey: rectificationKeys.all })}
      />
    </div>
  );
}

const ASK = {
  submit: {
    title: '提交整改情况',
    label: '整改情况',
    field: 'correction',
    ok: '提交',
    hint: '请写明采取的整改措施和完成情况',
    max: 2000,
  },
  return: {
    title: '退回整改',
    label: '退回意见',
    field: 'comment',
    ok: '退回',
    hint: '请写明仍需整改的内容',
    max: 500,
  },
} as const;
type Ask = keyof typeof ASK;

/** The steps the server allows now (`abilities`): submit and return ask for their text, verifying asks to confirm. */
function RectificationActions({ r }: { r: RectificationView }) {
  const { message } = App.useApp();
  const step = useRectificationStep();
  const [asking, setAsking] = useState<Ask | null>(null);
  const { submit, verify } = r.abilities;
  if (!submit && !verify) return null;

  async function verifyIt() {
    try {
      await step.mutateAsync({ id: r.id, step: 'verify', version: r.version });
      message.success('已核实通过，整改事项完成');
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '操作失败');
    }
  }

  async function answer(text: string) {
    const body =
      asking === 'submit'
        ? { id: r.id, step: 'submit' as const, version: r.version, correction: text }
        : { id: r.id, step: 'return' as const, version: r.version, comment: text };
    try {
      await step.mutateAsync(body);
      message.success(asking === 'submit' ? '整改情况已提交，等待核实' : '已退回，等待承接机构重新整改');
      setAsking(null);
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '操作失败');
      throw e;
    }
  }

  return (
    <Space wrap style={{ marginTop: 8 }}>
      {submit && (
        <Button type="primary" onClick={() => setAsking('submit')}>
          提交整改情况
        </Button>
      )}
      {verify && (
        <Popconfirm title="确认整改已到位并核实通过？" okText="确定" cancelText="取消" onConfirm={() => verifyIt()}>
          <Button type="primary" loading={step.isPending}>
            核实通过
          </Button>
        </Popconfirm>
      )}
      {verify && <Button onClick={() => setAsking('return')}>退回</Button>}
      <AskModal
        kind={asking}
        initial={asking === 'submit' ? r.correction : ''}
        onCancel={() => setAsking(null)}
        onOk={answer}
      />
    </Space>
  );
}

/** Asks for the correction or the return comment; the server's objection shows on the field, the text stays. */
function AskModal(p: {
  kind: Ask | null;
  initial: string;
  onCancel: () => void;
  onOk: (text: string) => Promise<void>;
}) {
  const [form] = Form.useForm<{ text: string }>();
  const [busy, setBusy] = useState(false);
  const w = p.kind ? ASK[p.kind] : null;
  async function ok() {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    try {
      await p.onOk(v.text.trim());
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
      <Form form={form} layout="vertical" preserve={false} initialValues={{ text: p.initial }}>
        <Form.Item
          name="text"
          label={w?.label}
          rules={[{ required: true, whitespace: true, message: `请填写${w?.label ?? ''}` }]}
        >
          <Input.TextArea rows={5} maxLength={w?.max} showCount placeholder={w?.hint} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
