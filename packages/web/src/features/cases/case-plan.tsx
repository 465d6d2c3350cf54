import { useMemo } from 'react';
import {
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  List,
  Radio,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { CASE_SOURCE_LABELS, CASE_SOURCES, type CaseSource, type CaseView } from '@shegong/shared';
import { showServerErrors } from '../beneficiaries/form-errors';
import { useCatalogue } from '../services/services.api';
import { useUpdateCase } from './cases.api';

const RISK = [
  { value: 'high', label: '高' },
  { value: 'medium', label: '中' },
  { value: 'low', label: '低' },
];
const RISK_COLORS = { high: 'red', medium: 'orange', low: 'green' } as const;

interface Values {
  source: CaseSource;
  intakeNote: string;
  needs: { domainCode: number; note: string }[];
  riskLevel: 'high' | 'medium' | 'low' | null;
  strengths: string;
  goals: { id: string; title: string; scoreBefore: number | null }[];
  tasks: { id: string; goalId: string | null; title: string; dueOn: Dayjs }[];
}

/** The 附件2 domains (一 … 九) for needs, from the catalogue the server serves. */
export function useDomains() {
  const catalogue = useCatalogue();
  return useMemo(() => {
    const m = new Map<number, string>();
    for (const i of catalogue.data?.items ?? []) m.set(i.domainCode, i.domainName);
    return [...m].map(([value, label]) => ({ value, label }));
  }, [catalogue.data]);
}

/**
 * 预估 and 服务计划 (R-SVC-3): needs by 附件2 domain, risk, strengths; goals rated before, tasks with due dates. Written
 * by the case worker until the plan is submitted; read-only afterwards.
 */
export function CasePlan({ c }: { c: CaseView }) {
  const editable = c.abilities.edit && (c.status === 'intake' || c.status === 'assessment');
  return editable ? <PlanForm c={c} /> : <PlanView c={c} />;
}

function PlanForm({ c }: { c: CaseView }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const update = useUpdateCase(c.id);
  const domains = useDomains();
  const goals: Values['goals'] = Form.useWatch('goals', form) ?? [];
  const initial: Values = {
    source: c.source,
    intakeNote: c.intakeNote ?? '',
    needs: c.needs,
    riskLevel: c.riskLevel,
    strengths: c.strengths ?? '',
    goals: c.goals.map((g) => ({ id: g.id, title: g.title, scoreBefore: g.scoreBefore })),
    tasks: c.tasks.map((t) => ({ id: t.id, goalId: t.goalId, title: t.title, dueOn: dayjs(t.dueOn) })),
  };

  async function save(v: Values) {
    try {
      await update.mutateAsync({
        version: c.version,
        source: v.source,
        intakeNote: v.intakeNote,
        needs: v.needs ?? [],
        riskLevel: v.riskLevel ?? null,
        strengths: v.strengths ?? '',
        goals: (v.goals ?? []).map((g) => ({ ...g, scoreBefore: g.scoreBefore ?? null, scoreAfter: null })),
        tasks: (v.tasks ?? []).map((t) => ({
          ...t,
          goalId: t.goalId ?? null,
          dueOn: t.dueOn.format('YYYY-MM-DD'),
          doneOn: null,
        })),
      });
      message.success('已保存');
    } catch (e) {
      showServerErrors(form, e, message.error);
    }
  }

  return (
    <Form form={form} layout="vertical" initialValues={initial} onFinish={save}>
      <Card title="接案与预估" size="small" style={{ marginBottom: 16 }}>
        <Form.Item name="source" label="个案来源">
          <Select options={CASE_SOURCES.map((s) => ({ value: s, label: CASE_SOURCE_LABELS[s] }))} />
        </Form.Item>
        <Form.Item
          name="intakeNote"
          label="求助问题"
          rules={[{ required: true, min: 2, message: '请简要记录求助问题' }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.List name="needs">
          {(fields, { add, remove }) => (
            <Form.Item label="需求（按附件2服务领域）">
              {fields.map((f) => (
                <Space key={f.key} align="start" wrap style={{ display: 'flex', marginBottom: 8 }}>
                  <Form.Item name={[f.name, 'domainCode']} noStyle rules={[{ required: true, message: '请选择领域' }]}>
                    <Select aria-label="需求领域" placeholder="服务领域" options={domains} style={{ width: 180 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'note']} noStyle rules={[{ required: true, message: '请填写需求说明' }]}>
                    <Input aria-label="需求说明" placeholder="需求说明" style={{ width: 260, maxWidth: '100%' }} />
                  </Form.Item>
                  <Button aria-label="删除需求" icon={<DeleteOutlined />} onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ note: '' })}>
                添加需求
              </Button>
            </Form.Item>
          )}
        </Form.List>
        <Form.Item name="riskLevel" label="风险等级">
          <Radio.Group options={RISK} optionType="button" />
        </Form.Item>
        <Form.Item name="strengths" label="优势与资源">
          <Input.TextArea rows={2} maxLength={2000} placeholder="本人、家庭和社区可以依靠的力量" />
        </Form.Item>
      </Card>
      <Card title="服务计划" size="small" style={{ marginBottom: 16 }}>
        <Form.List name="goals">
          {(fields, { add, remove }) => (
            <Form.Item label="目标（介入前评分 1–10）">
              {fields.map((f, i) => (
                <Space key={f.key} align="start" wrap style={{ display: 'flex', marginBottom: 8 }}>
                  <Form.Item name={[f.name, 'id']} hidden>
                    <Input />
                  </Form.Item>
                  <Form.Item name={[f.name, 'title']} noStyle rules={[{ required: true, message: '请填写目标' }]}>
                    <Input aria-label={`目标 ${i + 1}`} placeholder="目标" style={{ width: 300, maxWidth: '100%' }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'scoreBefore']} noStyle>
                    <InputNumber aria-label={`目标 ${i + 1} 介入前评分`} placeholder="评分" min={1} max={10} />
                  </Form.Item>
                  <Button aria-label="删除目标" icon={<DeleteOutlined />} onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ id: crypto.randomUUID(), title: '' })}>
                添加目标
              </Button>
            </Form.Item>
          )}
        </Form.List>
        <Form.List name="tasks">
          {(fields, { add, remove }) => (
            <Form.Item label="任务与完成期限">
              {fields.map((f, i) => (
                <Space key={f.key} align="start" wrap style={{ display: 'flex', marginBottom: 8 }}>
                  <Form.Item name={[f.name, 'id']} hidden>
                    <Input />
                  </Form.Item>
                  <Form.Item name={[f.name, 'title']} noStyle rules={[{ required: true, message: '请填写任务' }]}>
                    <Input aria-label={`任务 ${i + 1}`} placeholder="任务" style={{ width: 260, maxWidth: '100%' }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'goalId']} noStyle>
                    <Select
                      aria-label={`任务 ${i + 1} 所属目标`}
                      allowClear
                      placeholder="所属目标"
                      style={{ width: 160 }}
                      options={goals.filter((g) => g?.title).map((g) => ({ value: g.id, label: g.title }))}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'dueOn']} noStyle rules={[{ required: true, message: '请选择期限' }]}>
                    <DatePicker aria-label={`任务 ${i + 1} 完成期限`} placeholder="完成期限" />
                  </Form.Item>
                  <Button aria-label="删除任务" icon={<DeleteOutlined />} onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ id: crypto.randomUUID(), title: '', goalId: goals[0]?.id ?? null })}
              >
                添加任务
              </Button>
            </Form.Item>
          )}
        </Form.List>
      </Card>
      <Button type="primary" htmlType="submit" block size="large" loading={update.isPending}>
        保存预估和计划
      </Button>
    </Form>
  );
}

/** The assessment and plan as written (after submission, or for a reader who may see the notes). */
function PlanView({ c }: { c: CaseView }) {
  const domains = useDomains();
  const domain = (code: number) => domains.find((d) => d.value === code)?.label ?? `领域 ${code}`;
  return (
    <Card title="预估与服务计划" size="small" style={{ marginBottom: 16 }}>
      <Descriptions column={1} size="small">
        <Descriptions.Item label="求助问题">{c.intakeNote || '—'}</Descriptions.Item>
        <Descriptions.Item label="需求">
          {c.needs.length ? c.needs.map((n) => `${domain(n.domainCode)}：${n.note}`).join('；') : '—'}
        </Descriptions.Item>
        <Descriptions.Item label="风险等级">
          {c.riskLevel ? (
            <Tag color={RISK_COLORS[c.riskLevel]}>{RISK.find((r) => r.value === c.riskLevel)?.label}</Tag>
          ) : (
            '—'
          )}
        </Descriptions.Item>
        <Descriptions.Item label="优势与资源">{c.strengths || '—'}</Descriptions.Item>
      </Descriptions>
      <List
        size="small"
        header="目标"
        dataSource={c.goals}
        locale={{ emptyText: <Typography.Text type="secondary">尚无目标</Typography.Text> }}
        renderItem={(g) => (
          <List.Item>
            {g.title}（介入前 {g.scoreBefore ?? '—'}，介入后 {g.scoreAfter ?? '—'}）
          </List.Item>
        )}
      />
      <List
        size="small"
        header="任务"
        dataSource={c.tasks}
        locale={{ emptyText: <Typography.Text type="secondary">尚无任务</Typography.Text> }}
        renderItem={(t) => (
          <List.Item>
            {t.title}（期限 {t.dueOn}
            {t.doneOn ? `，${t.doneOn} 完成` : ''}）
          </List.Item>
        )}
      />
    </Card>
  );
}
