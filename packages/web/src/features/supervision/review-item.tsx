import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { App, Button, Form, Input, Popconfirm, Space, theme } from 'antd';
import { REVIEW_TARGET_LABELS, type SupervisionReviewView } from '@shegong/shared';
import { useAuth } from '../../app/auth';
import { ApiError } from '../../lib/api';
import { fmtDateTime } from '../../lib/format';
import { fieldErrorsToAntd } from '../../lib/zod-rule';
import { useReviewStep } from './supervision.api';
import { ReviewStatusTag } from './supervision-words';

/** One review comment as a card's body: on what, whose, the comment, the answer, and the steps the server allows. */
export function ReviewItem({ r, showStation = true }: { r: SupervisionReviewView; showStation?: boolean }) {
  const { token } = theme.useToken();
  const { can } = useAuth();
  const line = (label: string, value: ReactNode) => (
    <div style={{ marginTop: token.marginXXS, overflowWrap: 'anywhere' }}>
      <span style={{ color: token.colorTextDescription }}>{label}：</span>
      {value}
    </div>
  );
  const target = REVIEW_TARGET_LABELS[r.targetKind];
  const href = r.targetKind === 'case' ? `/cases/${r.targetId}` : `/services/${r.targetId}`;
  return (
    <div>
      <Space wrap size={4}>
        <ReviewStatusTag status={r.status} />
        <span>{can('services:read') ? <Link to={href}>查看{target}</Link> : target}</span>
        <span style={{ color: token.colorTextDescription }}>{fmtDateTime(r.createdAt)}</span>
      </Space>
      <div style={{ marginTop: token.marginXS, fontWeight: token.fontWeightStrong, overflowWrap: 'anywhere' }}>
        {r.comment}
      </div>
      {line('督导', r.reviewerName)}
      {showStation && line('社工站', `${r.stationName}（${r.organisationName}）`)}
      {line('回复人', r.workerName || '项目主管')}
      {r.answer && line('回复', r.answer)}
      {r.answeredAt && line('回复时间', fmtDateTime(r.answeredAt))}
      {r.closedAt && line('关闭时间', fmtDateTime(r.closedAt))}
      <ReviewActions r={r} />
    </div>
  );
}

/** 回复 opens a short form in the card (one thumb on a phone); 关闭 asks to confirm. */
function ReviewActions({ r }: { r: SupervisionReviewView }) {
  const { message } = App.useApp();
  const step = useReviewStep();
  const [form] = Form.useForm();
  const [answering, setAnswering] = useState(false);
  if (!r.abilities.answer && !r.abilities.close) return null;

  async function answer(v: { answer: string }) {
    try {
      await step.mutateAsync({ id: r.id, step: 'answer', version: r.version, answer: v.answer.trim() });
      message.success('已回复督导意见');
      setAnswering(false);
    } catch (e) {
      if (e instanceof ApiError) form.setFields(fieldErrorsToAntd(e.fieldErrors ?? {}));
      message.error(e instanceof ApiError ? e.message : '操作失败');
    }
  }
  async function close() {
    try {
      await step.mutateAsync({ id: r.id, step: 'close', version: r.version });
      message.success('督导意见已关闭');
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '操作失败');
    }
  }

  if (answering)
    return (
      <Form form={form} layout="vertical" onFinish={answer} style={{ marginTop: 12 }}>
        <Form.Item
          name="answer"
          label="回复督导意见"
          rules={[{ required: true, whitespace: true, message: '请填写对督导意见的回复' }]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount placeholder="写明已如何改进或补充" />
        </Form.Item>
        <Space wrap>
          <Button type="primary" htmlType="submit" size="large" loading={step.isPending}>
            提交回复
          </Button>
          <Button size="large" onClick={() => setAnswering(false)}>
            取消
          </Button>
        </Space>
      </Form>
    );
  return (
    <Space wrap style={{ marginTop: 8 }}>
      {r.abilities.answer && (
        <Button type="primary" size="large" onClick={() => setAnswering(true)}>
          回复
        </Button>
      )}
      {r.abilities.close && (
        <Popconfirm title="确认社工的回复已落实，关闭这条督导意见？" okText="关闭" cancelText="取消" onConfirm={close}>
          <Button loading={step.isPending}>关闭</Button>
        </Popconfirm>
      )}
    </Space>
  );
}
