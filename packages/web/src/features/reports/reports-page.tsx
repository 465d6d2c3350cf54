import type { ReactNode } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Button, Card, Empty, Grid, List, Table, theme } from 'antd';
import { SettingOutlined } from '@ant-design/icons';
import { REPORT_KINDS, REPORT_STATUSES, type ReportListItem } from '@shegong/shared';
import { useAuth } from '../../app/auth';
import { PageHeader } from '../../components/page-header';
import { usePaging } from '../../lib/paging';
import { ReportFilterForm } from './report-filters';
import { ReportStatusTags } from './report-words';
import { useReports, type ReportFilters } from './reports.api';

const KEYS = ['kind', 'period', 'unit', 'organisationId', 'stationId', 'status', 'late'] as const;

/** The filters in the address, so other pages link here (`/reports?unit=…&late=true`); unknown values are dropped. */
function filtersFrom(params: URLSearchParams): ReportFilters {
  const get = (k: string) => params.get(k) || undefined;
  return {
    kind: REPORT_KINDS.find((k) => k === get('kind')),
    period: get('period'),
    unit: get('unit'),
    organisationId: get('organisationId') ?? get('organisation'),
    stationId: get('stationId'),
    status: REPORT_STATUSES.find((s) => s === get('status')),
    late: get('late') === 'true' ? 'true' : undefined,
  };
}

/**
 * 报告 (R-REP-1…3): the reports in the caller's scope, owed by the calendar; what is missing, late and by how long.
 * A table at desks, cards on phones.
 */
export function ReportsPage() {
  const { can } = useAuth();
  const nav = useNavigate();
  const narrow = Grid.useBreakpoint().md === false;
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const paging = usePaging({ unit: '份报告' });
  const { data, isLoading, error } = useReports({ ...filters, ...paging.query });
  const filtered = Object.values(filters).some(Boolean);
  const empty = (
    <Empty
      description={
        error
          ? (error as Error).message
          : filtered
            ? '没有符合条件的报告，可以放宽筛选条件再看'
            : '暂无报告。报告按合同和报送日历自动生成，报告期开始后会出现在这里'
      }
    />
  );
  function change(f: ReportFilters) {
    const next = new URLSearchParams();
    for (const k of KEYS) if (f[k]) next.set(k, String(f[k]));
    setParams(next, { replace: true });
    paging.reset();
  }
  return (
    <>
      <PageHeader
        title="报告"
        crumbs={[{ title: '工作台', to: '/' }, { title: '报告' }]}
        extra={
          can('reports:configure') && (
            <Button icon={<SettingOutlined />} onClick={() => nav('/reports/settings')}>
              报告设置
            </Button>
          )
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <ReportFilterForm value={filters} onChange={change} />
      </Card>
      {narrow ? (
        <ReportCards items={data?.items} loading={isLoading} empty={empty} total={data?.total} paging={paging} />
      ) : (
        <Card>
          <Table
            rowKey="id"
            loading={isLoading}
            dataSource={data?.items}
            pagination={data?.total ? paging.pagination(data.total) : false}
            scroll={{ x: 1000 }}
            locale={{ emptyText: empty }}
            columns={COLUMNS}
          />
        </Card>
      )}
    </>
  );
}

// The title holds who and when; the columns say it again to sort by eye, so the title wraps instead of pushing them off.
const COLUMNS: {
  title: string;
  key: string;
  width?: number | string;
  render: (_: unknown, r: ReportListItem) => ReactNode;
}[] = [
  { title: '报告', key: 'title', width: '34%', render: (_, r) => <Link to={`/reports/${r.id}`}>{r.title}</Link> },
  { title: '报告单位', key: 'subject', render: (_, r) => r.subjectName },
  { title: '报告期', key: 'period', width: 180, render: (_, r) => r.periodLabel },
  { title: '截止日期', key: 'due', width: 110, render: (_, r) => r.dueOn },
  { title: '状态', key: 'status', render: (_, r) => <ReportStatusTags {...r} /> },
  { title: '首次提交', key: 'submitted', width: 110, render: (_, r) => r.firstSubmittedOn ?? '未提交' },
];

/** Phones: one card a report, no sideways scrolling at 390 px. */
function ReportCards(p: {
  items: ReportListItem[] | undefined;
  loading: boolean;
  empty: ReactNode;
  total: number | undefined;
  paging: ReturnType<typeof usePaging>;
}) {
  const { token } = theme.useToken();
  return (
    <List
      loading={p.loading}
      dataSource={p.items}
      locale={{ emptyText: p.empty }}
      pagination={p.total ? { ...p.paging.pagination(p.total), simple: true, align: 'center' } : false}
      renderItem={(r) => (
        <List.Item key={r.id} style={{ padding: 0, border: 'none', marginBottom: 12 }}>
          <Card size="small" style={{ width: '100%' }}>
            <Link to={`/reports/${r.id}`} style={{ fontSize: token.fontSizeLG, fontWeight: 600 }}>
              {r.title}
            </Link>
            <div style={{ marginTop: 4 }}>
              <ReportStatusTags {...r} />
            </div>
            <div style={{ color: token.colorTextSecondary, marginTop: 4, overflowWrap: 'anywhere' }}>
              {[
                r.subjectName,
                r.periodLabel,
                `截止 ${r.dueOn}`,
                r.firstSubmittedOn ? `提交 ${r.firstSubmittedOn}` : '未提交',
              ].join(' · ')}
            </div>
          </Card>
        </List.Item>
      )}
    />
  );
}
