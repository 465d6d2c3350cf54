import type { ReactNode } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Button, Card, Empty, Grid, List, Table, Tag, theme } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { EVALUATION_KINDS, EVALUATION_STATUSES, type EvaluationRoundListItem } from '@shegong/shared';
import { useAuth } from '../../app/auth';
import { PageHeader } from '../../components/page-header';
import { usePaging } from '../../lib/paging';
import { RoundFilterForm } from './round-filters';
import { openableKinds } from './round-kinds';
import { RoundKindTag, RoundResult, RoundStatusTag, YearPeriod, yearText } from './round-tags';
import { useRounds, type RoundFilters } from './rounds.api';

const KEYS = ['kind', 'status', 'year', 'passed', 'contractId', 'unit', 'organisationId'] as const;

/** The filters in the address, so other pages link here (`/evaluations?contractId=…`); unknown values are dropped. */
function filtersFrom(params: URLSearchParams): RoundFilters {
  const get = (k: string) => params.get(k) || undefined;
  const year = Number(get('year'));
  return {
    kind: EVALUATION_KINDS.find((k) => k === get('kind')),
    status: EVALUATION_STATUSES.find((s) => s === get('status')),
    year: Number.isInteger(year) && year >= 2000 && year <= 2099 ? year : undefined,
    passed: get('passed') === 'true' ? 'true' : get('passed') === 'false' ? 'false' : undefined,
    contractId: get('contractId'),
    unit: get('unit'),
    organisationId: get('organisationId'),
  };
}

/**
 * 评估 (R-EVAL-1): the rounds in the caller's scope — the county's 中期 and 末期, the city's 抽查, the contractor's 自评 —
 * with their state, total and grade and the open 整改 items. A table at desks, cards on phones.
 */
export function RoundsPage() {
  const { user, can } = useAuth();
  const nav = useNavigate();
  const narrow = Grid.useBreakpoint().md === false;
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const paging = usePaging({ unit: '次评估' });
  const { data, isLoading, error } = useRounds({ ...filters, ...paging.query });
  const kinds = openableKinds(user, can);
  const filtered = Object.values(filters).some(Boolean);
  const empty = (
    <Empty
      description={
        error
          ? (error as Error).message
          : filtered
            ? '没有符合条件的评估，可以放宽筛选条件再看'
            : kinds.length
              ? '暂无评估。点击“开展评估”，选择指标体系和要评估的年度协议开始'
              : '暂无评估。县级民政部门每年对社工站项目开展中期、末期评估，开展后会出现在这里'
      }
    />
  );
  function change(f: RoundFilters) {
    const next = new URLSearchParams();
    for (const k of KEYS) if (f[k]) next.set(k, String(f[k]));
    setParams(next, { replace: true });
    paging.reset();
  }
  return (
    <>
      <PageHeader
        title="评估"
        crumbs={[{ title: '工作台', to: '/' }, { title: '评估' }]}
        extra={
          kinds.length > 0 && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => nav('/evaluations/new')}>
              开展评估
            </Button>
          )
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <RoundFilterForm value={filters} onChange={change} />
      </Card>
      {narrow ? (
        <RoundCards items={data?.items} loading={isLoading} empty={empty} total={data?.total} paging={paging} />
      ) : (
        <Card>
          <Table
            rowKey="id"
            loading={isLoading}
            dataSource={data?.items}
            pagination={data?.total ? paging.pagination(data.total) : false}
            scroll={{ x: 960 }}
            locale={{ emptyText: empty }}
            columns={COLUMNS}
          />
        </Card>
      )}
    </>
  );
}

const COLUMNS: {
  title: string;
  key: string;
  width?: number | string;
  render: (_: unknown, r: EvaluationRoundListItem) => ReactNode;
}[] = [
  { title: '类型', key: 'kind', width: 100, render: (_, r) => <RoundKindTag kind={r.kind} /> },
  {
    title: '合同',
    key: 'contract',
    render: (_, r) => <Link to={`/evaluations/${r.id}`}>{r.contractTitle}</Link>,
  },
  { title: '承接机构', key: 'organisation', render: (_, r) => r.organisationName },
  { title: '县区', key: 'unit', width: 90, render: (_, r) => r.unitName },
  { title: '评估期间', key: 'year', width: 190, render: (_, r) => <YearPeriod {...r} /> },
  { title: '状态', key: 'status', width: 90, render: (_, r) => <RoundStatusTag status={r.status} /> },
  { title: '总分/等次', key: 'total', width: 170, render: (_, r) => <RoundResult {...r} /> },
  { title: '待整改', key: 'rect', width: 80, render: (_, r) => <OpenCount n={r.openRectifications} /> },
];

const OpenCount = ({ n }: { n: number }) => (n ? <Tag color="warning">{n} 项</Tag> : <span>无</span>);

/** Phones: one card a round, no sideways scrolling at 390 px. */
function RoundCards(p: {
  items: EvaluationRoundListItem[] | undefined;
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
            <div style={{ marginBottom: 4 }}>
              <RoundKindTag kind={r.kind} />
              <RoundStatusTag status={r.status} />
            </div>
            <Link to={`/evaluations/${r.id}`} style={{ fontSize: token.fontSizeLG, fontWeight: 600 }}>
              {r.contractTitle}
            </Link>
            <div style={{ color: token.colorTextSecondary, marginTop: 4, overflowWrap: 'anywhere' }}>
              {[r.organisationName, r.unitName, yearText(r)].join(' · ')}
            </div>
            <div style={{ marginTop: 4 }}>
              <RoundResult {...r} />
              {r.openRectifications > 0 && <span style={{ marginLeft: 8 }}>待整改 {r.openRectifications} 项</span>}
            </div>
          </Card>
        </List.Item>
      )}
    />
  );
}
