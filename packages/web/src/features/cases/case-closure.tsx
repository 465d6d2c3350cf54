import {
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Rate,
  Select,
  Space,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { CLOSURE_REASON_LABELS, CLOSURE_REASONS, type CaseView, type ClosureReason } from '@shegong/shared';
import { showServerErrors } from '../beneficiaries/form-errors';
import { useUpdateCase } from './cases.api';

interface Values {
  scores: (number | null)[];
  done: (Dayjs | null)[];
  reason: ClosureReason | null;
  note: string;
  followUpOn: Dayjs | null;
  satisfaction: number | null;
}

/**
 * 介入 → 评估 → 结案 (R-SVC-3): each goal rated after the work (kept apart from the person's satisfaction), tasks done,
 * and the closure prepared: reason, note, follow-up date. The approved goals themselves do not change.
 */
export function CaseClosure({ c }: { c: CaseView }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const update = useUpdateCase(c.id);
  if (c.status !== 'intervention' || !c.abilities.edit) return <ClosureView c={c} />;

  async function save(v: Values) {
    try {
      await update.mutateAsync({
        version: c.version,
        goals: c.goals.map((g, i) => ({ ...g, scoreAfter: v.scores[i] ?? null })),
        tasks: c.tasks.map((t, i) => ({ ...t, doneOn: v.done[i]?.format('YYYY-MM-DD') ?? null })),
        closure: {
          reason: v.reason ?? null,
          note: v.note ?? '',
          followUpOn: v.followUpOn?.format('YYYY-MM-DD') ?? null,
          satisfaction: v.satisfaction || null,
        },
      });
      message.success('已保存');
    } catch (e) {
      showServerErrors(form, e, message.error);
    }
  }

  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={save}
      initialValues={{
        scores: c.goals.map((g) => g.scoreAfter),
        done: c.tasks.map((t) => (t.doneOn ? dayjs(t.doneOn) : null)),
        reason: c.closure.reason,
        note: c.closure.note ?? '',
        followUpOn: c.closure.followUpOn ? dayjs(c.closure.followUpOn) : null,
        satisfaction: c.closure.satisfaction,
      }}
    >
      <Card title="评估（目标介入后评分 1–10）" size="small" style={{ marginBottom: 16 }}>
        {c.goals.map((g, i) => (
          <Form.Item key={g.id} name={['scores', i]} label={`${g.title}（介入前 ${g.scoreBefore ?? '—'}）`}>
            <InputNumber aria-label={`${g.title} 介入后评分`} min={1} max={10} />
          </Form.Item>
        ))}
        {c.tasks.map((t, i) => (
          <Form.Item key={t.id} name={['done', i]} label={`${t.title}（期限 ${t.dueOn}）完成日期`}>
            <DatePicker aria-label={`${t.title} 完成日期`} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
        ))}
      </Card>
      <Card title="结案" size="small" style={{ marginBottom: 16 }}>
        <Form.Item name="reason" label="结案原因">
          <Select allowClear options={CLOSURE_REASONS.map((r) => ({ value: r, label: CLOSURE_REASON_LABELS[r] }))} />
        </Form.Item>
        <Form.Item name="note" label="结案说明">
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="followUpOn" label="回访日期">
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="satisfaction" label="服务对象满意度（可不填）">
          <Rate />
        </Form.Item>
      </Card>
      <Button htmlType="submit" block size="large" loading={update.isPending}>
        保存评估和结案信息
      </Button>
    </Form>
  );
}

function ClosureView({ c }: { c: CaseView }) {
  if (!c.notesVisible || (!c.closure.reason && !c.closure.followUpOn)) return null;
  return (
    <Card title="结案" size="small" style={{ marginBottom: 16 }}>
      <Descriptions column={1} size="small">
        <Descriptions.Item label="结案原因">
          {c.closure.reason ? CLOSURE_REASON_LABELS[c.closure.reason] : '—'}
        </Descriptions.Item>
        <Descriptions.Item label="结案说明">{c.closure.note || '—'}</Descriptions.Item>
        <Descriptions.Item label="回访日期">{c.closure.followUpOn ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="满意度">
          <Space>
            {c.closure.satisfaction ? (
              <Rate disabled value={c.closure.satisfaction} />
            ) : (
              <Typography.Text>未填</Typography.Text>
            )}
          </Space>
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
