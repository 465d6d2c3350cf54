import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { Dayjs } from 'dayjs';
import { App, Button, Card, DatePicker, Form, Input, InputNumber, Radio, Result, Select, Typography } from 'antd';
import { EVALUATION_KIND_LABELS, type CreateEvaluationRoundsInput, type EvaluationKind } from '@shegong/shared';
import { useAuth } from '../../app/auth';
import { PageHeader } from '../../components/page-header';
import { ApiError } from '../../lib/api';
import { useDesk } from '../home/home.api';
import { useIndicatorSets } from './indicator-sets.api';
import { openableKinds } from './round-kinds';
import { RoundSubjectsSelect } from './round-subjects';
import { RoundKindTag, yearText } from './round-tags';
import { useCreateRounds, type CreatedRounds } from './rounds.api';

interface Values {
  kind: EvaluationKind;
  setId: string;
  subjects?: string[];
  evaluators?: string;
  mode?: 'random' | 'chosen';
  size?: number;
  seed?: string;
  on?: Dayjs;
  reason?: string;
}

/** `contractId/yearNo` in the form, `{ contractId, yearNo }` in the request. */
const toSubjects = (keys: string[] = []) =>
  keys.map((k) => {
    const [contractId, yearNo] = k.split('/');
    return { contractId: contractId!, yearNo: Number(yearNo) };
  });

/** The server's field paths (`sample.size`, `subjects.0.contractId`) on this form's fields. */
const FIELD: Record<string, string> = {
  'sample.size': 'size',
  'sample.seed': 'seed',
  'sample.on': 'on',
  'sample.reason': 'reason',
  'sample.subjects': 'subjects',
};
const fieldOf = (path: string) => FIELD[path] ?? FIELD[path.split('.').slice(0, 2).join('.')] ?? path.split('.')[0]!;

/**
 * 开展评估 (R-EVAL-1): the kinds the user's level runs, the indicator set in use, and the agreement years — the county's
 * live contracts with their current year chosen; the city's spot check drawn at random (seed recorded) or chosen with
 * a reason. Shows the rounds made, and for a random draw the seed and pool, so anyone can draw it again.
 */
export function NewRoundsPage() {
  const { user, can } = useAuth();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const kinds = openableKinds(user, can);
  const sets = useIndicatorSets({ status: 'in_use', page: 1, pageSize: 50 });
  const create = useCreateRounds();
  const desk = useDesk();
  const [created, setCreated] = useState<CreatedRounds | null>(null);
  const kind = Form.useWatch('kind', form);
  const mode = Form.useWatch('mode', form);
  const inUse = sets.data?.items ?? [];
  // One set in use (the usual case): chosen already.
  const only = inUse.length === 1 ? inUse[0]!.id : undefined;
  useEffect(() => {
    if (only && !form.getFieldValue('setId')) form.setFieldValue('setId', only);
  }, [form, only]);

  async function save(v: Values) {
    const setId = v.setId;
    const evaluators = v.evaluators?.trim() ?? '';
    const input: CreateEvaluationRoundsInput =
      v.kind === 'spot_check'
        ? {
            kind: 'spot_check',
            setId,
            evaluators,
            sample:
              v.mode === 'chosen'
                ? { mode: 'chosen', subjects: toSubjects(v.subjects), reason: v.reason ?? '' }
                : {
                    mode: 'random',
                    size: v.size ?? 1,
                    ...(v.seed?.trim() ? { seed: v.seed.trim() } : {}),
                    ...(v.on ? { on: v.on.format('YYYY-MM-DD') } : {}),
                  },
          }
        : { kind: v.kind, setId, evaluators, subjects: toSubjects(v.subjects) };
    try {
      setCreated(await create.mutateAsync(input));
      message.success(`已开展${EVALUATION_KIND_LABELS[v.kind]}`);
    } catch (e) {
      const errs = e instanceof ApiError ? e.fieldErrors : {};
      form.setFields(Object.entries(errs).map(([k, msg]) => ({ name: fieldOf(k) as keyof Values, errors: [msg] })));
      message.error(e instanceof Error ? e.message : '操作失败');
    }
  }

  const header = (
    <PageHeader
      title="开展评估"
      crumbs={[{ title: '工作台', to: '/' }, { title: '评估', to: '/evaluations' }, { title: '开展评估' }]}
    />
  );
  if (created)
    return (
      <>
        {header}
        <CreatedView created={created} onAgain={() => setCreated(null)} />
      </>
    );
  if (!kinds.length)
    return (
      <>
        {header}
        <Result
          status="info"
          title="您所在的层级不开展评估"
          subTitle="评估由县级民政部门（中期、末期）、市级民政部门（抽查）和承接机构（自评）开展"
        />
      </>
    );
  return (
    <>
      {header}
      <Card style={{ maxWidth: 760 }}>
        <Form
          form={form}
          layout="vertical"
          onFinish={save}
          initialValues={{ kind: kinds[0], mode: 'random', size: 1 }}
          aria-label="开展评估"
        >
          <Form.Item name="kind" label="评估类型" rules={[{ required: true, message: '请选择评估类型' }]}>
            <Radio.Group
              options={kinds.map((k) => ({ value: k, label: EVALUATION_KIND_LABELS[k] }))}
              optionType="button"
            />
          </Form.Item>
          <Form.Item
            name="setId"
            label="指标体系"
            extra={
              inUse.length === 0 && !sets.isLoading ? '暂无使用中的指标体系，请市级民政部门先启用指标体系' : undefined
            }
            rules={[{ required: true, message: '请选择指标体系' }]}
          >
            <Select
              aria-label="指标体系"
              loading={sets.isLoading}
              placeholder="选择使用中的指标体系"
              options={inUse.map((s) => ({ value: s.id, label: `${s.name}（第 ${s.versionNo} 版）` }))}
            />
          </Form.Item>
          {kind === 'spot_check' && (
            <Form.Item name="mode" label="抽查方式">
              <Radio.Group
                options={[
                  { value: 'random', label: '随机抽取' },
                  { value: 'chosen', label: '指定抽查' },
                ]}
              />
            </Form.Item>
          )}
          {kind === 'spot_check' && mode !== 'chosen' ? (
            <>
              <Form.Item name="size" label="抽查数量" rules={[{ required: true, message: '请填写抽查数量' }]}>
                <InputNumber min={1} max={500} precision={0} style={{ width: 160 }} addonAfter="个年度协议" />
              </Form.Item>
              <Form.Item
                name="on"
                label="抽取基准日"
                extra="从这一天正在履行、尚未得出年度结果的年度协议中抽取；不填为今天"
              >
                <DatePicker
                  style={{ width: 200 }}
                  disabledDate={(d) => !!desk.data && d.format('YYYY-MM-DD') > desk.data.today}
                />
              </Form.Item>
              <Form.Item
                name="seed"
                label="随机种子"
                extra="不填由系统生成；抽取后显示并记录，用同一种子、基准日和数量可以复核抽取结果"
                rules={[{ pattern: /^[0-9A-Za-z-]*$/, message: '随机种子只能包含字母、数字和连字符' }]}
              >
                <Input maxLength={64} style={{ maxWidth: 280 }} />
              </Form.Item>
            </>
          ) : (
            <Form.Item
              name="subjects"
              label="评估的年度协议"
              extra={kind === 'spot_check' ? undefined : '可多选；已为正在履行的合同选好当前协议年度'}
              rules={[{ required: true, message: '请至少选择一个年度协议' }]}
            >
              <RoundSubjectsSelect preselect={kind !== 'spot_check'} />
            </Form.Item>
          )}
          {kind === 'spot_check' && mode === 'chosen' && (
            <Form.Item
              name="reason"
              label="抽查理由"
              rules={[{ required: true, whitespace: true, message: '请说明选择这些项目抽查的理由' }]}
            >
              <Input.TextArea rows={3} maxLength={500} showCount />
            </Form.Item>
          )}
          <Form.Item name="evaluators" label="评估人员" extra="如：县民政局社会工作科王晓燕、第三方评估机构李明">
            <Input maxLength={200} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            开展评估
          </Button>
        </Form>
      </Card>
    </>
  );
}

/** The rounds just made, each a link; a random draw's seed, pool and day, so the sample can be drawn again. */
function CreatedView({ created, onAgain }: { created: CreatedRounds; onAgain: () => void }) {
  const s = created.sample;
  return (
    <Card style={{ maxWidth: 760 }}>
      <Result
        status="success"
        title={`已开展 ${created.items.length} 次评估`}
        subTitle="点击评估进入评分；全部指标评分后签署"
        style={{ padding: '16px 0' }}
      />
      {s?.mode === 'random' && (
        <Typography.Paragraph>
          随机抽取：从 {s.on} 正在履行的 {s.poolSize} 个年度协议中抽取 {created.items.length} 个，随机种子
          <Typography.Text code copyable>
            {s.seed}
          </Typography.Text>
          。用同一种子、基准日和数量可以复核抽取结果。
        </Typography.Paragraph>
      )}
      {s?.mode === 'chosen' && <Typography.Paragraph>指定抽查，理由：{s.reason}</Typography.Paragraph>}
      <ul style={{ paddingInlineStart: 20 }}>
        {created.items.map((r) => (
          <li key={r.id} style={{ marginBottom: 8 }}>
            <RoundKindTag kind={r.kind} />
            <Link to={`/evaluations/${r.id}`}>{r.contractTitle}</Link>
            <span style={{ marginLeft: 8 }}>
              {r.organisationName} · {yearText(r)}
            </span>
          </li>
        ))}
      </ul>
      <Button onClick={onAgain}>继续开展评估</Button>
      <Link to="/evaluations" style={{ marginLeft: 16 }}>
        返回评估列表
      </Link>
    </Card>
  );
}
