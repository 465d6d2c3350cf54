import { useMemo } from 'react';
import dayjs, { type Dayjs } from 'dayjs';
import { App, Button, Card, DatePicker, Flex, Form, Input, Popconfirm, Space, theme } from 'antd';
import type { EvaluationRoundView, SaveScoresInput, ScoredItem } from '@shegong/shared';
import { ApiError } from '../../lib/api';
import { Heading } from '../../components/text';
import { useDesk } from '../home/home.api';
import { RoundItem } from './round-item';
import { useSaveScores, useSignOff } from './rounds.api';

interface Values {
  items: { score: number | null; reason: string; note: string }[];
  evaluators: string;
  visitOn: Dayjs | null;
  visitNotes: string;
  findings: string;
}

/** The items under their 一级 and 二级 headings, each with its index in the round's list (the request's order). */
function grouped(items: ScoredItem[]) {
  const dims: { name: string; groups: { name: string; items: { it: ScoredItem; i: number }[] }[] }[] = [];
  items.forEach((it, i) => {
    let d = dims.at(-1);
    if (d?.name !== it.dimension) dims.push((d = { name: it.dimension, groups: [] }));
    let g = d.groups.at(-1);
    if (g?.name !== it.group) d.groups.push((g = { name: it.group, items: [] }));
    g.items.push({ it, i });
  });
  return dims;
}

const tenths = (n: number) => Math.round(n * 10);

/**
 * Scoring a round (R-EVAL-1, R-EVAL-2): every item's score, the reason where it departs from the platform's suggestion
 * and the evidence looked at; the on-site visit and the findings; 保存评分, and 签署 after a confirm (final). The
 * server's objections show on their item. Read-only once signed off or for those who do not run this kind.
 */
export function RoundScoring({ r }: { r: EvaluationRoundView }) {
  const { token } = theme.useToken();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveScores(r.id);
  const sign = useSignOff(r.id);
  const desk = useDesk();
  const editable = r.abilities.score;
  const dims = useMemo(() => grouped(r.items), [r.items]);
  const watched = Form.useWatch('items', form) as Values['items'] | undefined;
  const current = watched ?? r.items;
  const scored = current.filter((x) => x?.score !== null && x?.score !== undefined);
  const sum = scored.reduce((a, x) => a + tenths(x.score!), 0) / 10;

  const initial: Values = {
    items: r.items.map((it) => ({ score: it.score, reason: it.reason, note: it.note })),
    evaluators: r.evaluators,
    visitOn: r.visitOn ? dayjs(r.visitOn) : null,
    visitNotes: r.visitNotes,
    findings: r.findings,
  };

  /** Saves everything on the form; answers the round's new version, or null when something is wrong (shown). */
  async function store(): Promise<number | null> {
    const v = await form.validateFields().catch(() => null);
    if (!v) {
      message.error('请先改正标红的内容');
      return null;
    }
    const input: SaveScoresInput = {
      version: r.version,
      scores: r.items.map((it, i) => ({
        key: it.key,
        score: v.items[i]?.score ?? null,
        reason: v.items[i]?.reason?.trim() ?? '',
        note: v.items[i]?.note?.trim() ?? '',
      })),
      evaluators: v.evaluators?.trim() ?? '',
      visitOn: v.visitOn ? v.visitOn.format('YYYY-MM-DD') : null,
      visitNotes: v.visitNotes ?? '',
      findings: v.findings ?? '',
    };
    try {
      return (await save.mutateAsync(input)).version;
    } catch (e) {
      showServerErrors(e);
      return null;
    }
  }

  function showServerErrors(e: unknown) {
    const errs = e instanceof ApiError ? e.fieldErrors : {};
    const fields = Object.entries(errs).map(([k, msg]) => {
      const m = /^scores\.(\d+)\.(\w+)$/.exec(k);
      return { name: m ? ['items', Number(m[1]), m[2]!] : [k], errors: [msg] };
    });
    form.setFields(fields as Parameters<typeof form.setFields>[0]);
    if (fields[0]) form.scrollToField(fields[0].name, { block: 'center' });
    message.error(e instanceof Error ? e.message : '保存失败');
  }

  async function saveOnly() {
    if ((await store()) !== null) message.success('评分已保存');
  }

  async function signOff() {
    const version = await store();
    if (version === null) return;
    try {
      await sign.mutateAsync({ version });
      message.success('评估已签署');
    } catch (e) {
      showServerErrors(e);
    }
  }

  const unscored = r.items.length - scored.length;
  return (
    <Form form={form} layout="vertical" initialValues={initial} aria-label="评分">
      {dims.map((d) => (
        <Card
          key={d.name}
          size="small"
          style={{ marginBottom: 16 }}
          title={
            <Heading level={2} style={{ margin: 0, fontSize: token.fontSizeHeading5 }}>
              一级指标：{d.name}
            </Heading>
          }
        >
          {d.groups.map((g) => (
            <div key={g.name} style={{ marginBottom: token.marginSM }}>
              <Heading level={3} style={{ margin: `${token.marginSM}px 0 4px`, fontSize: token.fontSizeLG }}>
                二级指标：{g.name}
              </Heading>
              {g.items.map(({ it, i }) => (
                <RoundItem key={it.key} it={it} index={i} editable={editable} />
              ))}
            </div>
          ))}
        </Card>
      ))}
      <Card title="实地评估与发现的问题" size="small" style={{ marginBottom: 16 }}>
        {editable ? (
          <>
            <Form.Item name="evaluators" label="评估人员">
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="visitOn" label="实地评估日期">
              <DatePicker
                style={{ width: '100%', maxWidth: 240 }}
                disabledDate={(d) => !!desk.data && d.format('YYYY-MM-DD') > desk.data.today}
              />
            </Form.Item>
            <Form.Item name="visitNotes" label="实地评估记录">
              <Input.TextArea rows={3} maxLength={5000} />
            </Form.Item>
            <Form.Item
              name="findings"
              label="发现的问题"
              extra="需要整改的问题请在下方“整改事项”中逐项登记并确定整改期限"
            >
              <Input.TextArea rows={3} maxLength={5000} />
            </Form.Item>
          </>
        ) : (
          <div style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
            <div>实地评估日期：{r.visitOn ?? '未填写'}</div>
            <div>实地评估记录：{r.visitNotes || '无'}</div>
            <div>发现的问题：{r.findings || '无'}</div>
          </div>
        )}
      </Card>
      {editable && (
        <Card size="small" style={{ position: 'sticky', bottom: 0, zIndex: 2 }}>
          <Flex justify="space-between" align="center" wrap gap={8}>
            <span aria-live="polite">
              已评 {scored.length}/{r.items.length} 项，合计 {sum} 分（满分 {r.totalPoints} 分，合格线 {r.passLine} 分）
            </span>
            <Space wrap>
              <Button onClick={() => void saveOnly()} loading={save.isPending}>
                保存评分
              </Button>
              {r.abilities.signOff && (
                <Popconfirm
                  title="签署评估"
                  description={
                    unscored
                      ? `还有 ${unscored} 项未评分，全部评分后才能签署`
                      : `签署后总分 ${sum} 分确定，评分不能再修改${r.kind === 'self_assessment' ? '' : '；中期、末期都签署后自动得出年度评估结果'}。确定签署？`
                  }
                  okText="确定签署"
                  cancelText="取消"
                  okButtonProps={{ disabled: unscored > 0 }}
                  onConfirm={() => signOff()}
                >
                  <Button type="primary" loading={sign.isPending}>
                    签署
                  </Button>
                </Popconfirm>
              )}
            </Space>
          </Flex>
        </Card>
      )}
    </Form>
  );
}
