import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Alert, Card, Empty, Form, Grid, Select, Spin, Table, theme } from 'antd';
import { REPORT_KIND_LABELS, REPORT_KINDS, type Timeliness, type TimelinessQuery } from '@shegong/shared';
import { PageHeader } from '../../components/page-header';
import { fmtPercent } from '../../lib/format';
import { qs } from '../../lib/api';
import { periodOptions, periodWords } from './circular-periods';
import { useTimeliness } from './circulars.api';

type Figures = Timeliness['total'];
/** Which reports a row is: a unit's or an organisation's. */
type Whose = { unit: string } | { organisationId: string };
type Row = Figures & { key: string; name: string; whose: Whose };

/** The reports list filtered to what a figure counts (R-REP-3: every number links to the records behind it). */
function reportsLink(whose: Whose, q: TimelinessQuery & { period: string }, extra: Record<string, string> = {}) {
  return `/reports${qs({ ...whose, period: q.period, kind: q.kind, ...extra })}`;
}

/**
 * 完成及时率 (R-REP-3, as DHIS2 counts reporting rates): per county-level unit and per contractor organisation, the
 * reports expected in a period, submitted, on time (the due date itself is in time), late and missing.
 */
export function TimelinessPage() {
  const [params, setParams] = useSearchParams();
  const q: TimelinessQuery = {
    period: params.get('period') || undefined,
    kind: REPORT_KINDS.find((k) => k === params.get('kind')),
  };
  const { data, error, isLoading } = useTimeliness(q);
  const narrow = Grid.useBreakpoint().md === false;
  const set = (patch: Partial<TimelinessQuery>) => {
    const next = { ...q, ...patch };
    setParams(new URLSearchParams(qs(next).slice(1)), { replace: true });
  };
  const period = data?.period ?? q.period ?? '';
  const asked = { ...q, period };
  const rows = (d: Timeliness): { units: Row[]; orgs: Row[] } => ({
    units: d.byUnit.map((u) => ({ ...u, key: u.code, whose: { unit: u.code } })),
    orgs: d.byOrganisation.map((o) => ({ ...o, key: o.id, whose: { organisationId: o.id } })),
  });
  return (
    <>
      <PageHeader
        title="完成及时率"
        crumbs={[{ title: '工作台', to: '/' }, { title: '统计分析' }, { title: '完成及时率' }]}
      />
      <Card style={{ marginBottom: 16 }}>
        <Form layout={narrow ? 'vertical' : 'inline'} style={{ rowGap: 8 }}>
          <Form.Item label="期间">
            <Select
              aria-label="期间"
              showSearch={{ optionFilterProp: 'label' }}
              value={period || undefined}
              style={{ width: narrow ? '100%' : 200 }}
              options={periodOptions(Number(period.slice(0, 4)), true)}
              onChange={(v) => set({ period: v })}
            />
          </Form.Item>
          <Form.Item label="报告类型">
            <Select
              aria-label="报告类型"
              allowClear
              placeholder="全部"
              value={q.kind}
              style={{ width: narrow ? '100%' : 260 }}
              options={REPORT_KINDS.map((k) => ({ value: k, label: REPORT_KIND_LABELS[k] }))}
              onChange={(kind) => set({ kind })}
            />
          </Form.Item>
        </Form>
      </Card>
      {error && <Alert type="error" showIcon message={(error as Error).message} style={{ marginBottom: 16 }} />}
      {isLoading && <Spin />}
      {data && (
        <>
          <Alert
            type="info"
            style={{ marginBottom: 16 }}
            message={`${periodWords(data)}：应报 ${data.total.expected} 份，已报 ${data.total.submitted} 份，按时 ${data.total.onTime} 份，逾期 ${data.total.late} 份，未报 ${data.total.missing} 份；完成率 ${fmtPercent(data.total.completeness)}，及时率 ${fmtPercent(data.total.timeliness)}`}
            description="应报：报告期在本期间内开始、截止日期已过或已提交的报告。按时：首次提交不晚于截止日期（截止日当天提交为按时）。完成率 = 已报 ÷ 应报，及时率 = 按时 ÷ 应报。退回后重新提交按首次提交计。"
          />
          <Card title="按县（区）" style={{ marginBottom: 16 }}>
            <FigureRows rows={rows(data).units} q={asked} narrow={narrow} nameTitle="县（区）" />
          </Card>
          <Card title="按承接机构（社工站简报和协议年度报告）">
            <FigureRows rows={rows(data).orgs} q={asked} narrow={narrow} nameTitle="承接机构" />
          </Card>
        </>
      )}
    </>
  );
}

const COUNTS: { key: keyof Figures; title: string; extra?: Record<string, string> }[] = [
  { key: 'expected', title: '应报' },
  { key: 'submitted', title: '已报' },
  { key: 'onTime', title: '按时' },
  { key: 'late', title: '逾期', extra: { late: 'true' } },
  { key: 'missing', title: '未报', extra: { late: 'true', status: 'draft' } },
];

/** The figures as a table at desks, one card a row on phones (no sideways scrolling at 390 px). */
function FigureRows(p: { rows: Row[]; q: TimelinessQuery & { period: string }; narrow: boolean; nameTitle: string }) {
  const { token } = theme.useToken();
  const count = (r: Row, c: (typeof COUNTS)[number]): ReactNode => (
    <Link to={reportsLink(r.whose, p.q, c.extra)} aria-label={`${r.name}${c.title} ${r[c.key]} 份`}>
      {r[c.key]}
    </Link>
  );
  if (!p.rows.length) return <Empty description="本期间没有应报的报告" />;
  if (p.narrow)
    return (
      <div style={{ display: 'grid', gap: 12 }}>
        {p.rows.map((r) => (
          <div key={r.key} style={{ border: `1px solid ${token.colorBorderSecondary}`, borderRadius: 8, padding: 12 }}>
            <div style={{ fontWeight: 600, marginBottom: 8 }}>{r.name}</div>
            <div style={{ display: 'grid', gridTemplateColumns: 'repeat(5, minmax(0, 1fr))', gap: 4 }}>
              {COUNTS.map((c) => (
                <div key={c.key} style={{ textAlign: 'center' }}>
                  <div style={{ color: token.colorTextDescription, fontSize: token.fontSizeSM }}>{c.title}</div>
                  {count(r, c)}
                </div>
              ))}
            </div>
            <div style={{ marginTop: 8, color: token.colorTextDescription }}>
              完成率 {fmtPercent(r.completeness)} · 及时率 {fmtPercent(r.timeliness)}
            </div>
          </div>
        ))}
      </div>
    );
  return (
    <Table<Row>
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={p.rows}
      columns={[
        { title: p.nameTitle, dataIndex: 'name' },
        ...COUNTS.map((c) => ({
          title: c.title,
          key: c.key,
          align: 'right' as const,
          render: (_: unknown, r: Row) => count(r, c),
        })),
        { title: '完成率', key: 'c', align: 'right', render: (_, r) => fmtPercent(r.completeness) },
        { title: '及时率', key: 't', align: 'right', render: (_, r) => fmtPercent(r.timeliness) },
      ]}
    />
  );
}
