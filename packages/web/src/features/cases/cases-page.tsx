import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Button, Card, Empty, Flex, Form, Grid, List, Segmented, Select, Space, Table, theme } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import {
  CASE_SOURCE_LABELS,
  CASE_STATUS_LABELS,
  CASE_STATUSES,
  type CaseListItem,
  type CaseQuery,
} from '@shegong/shared';
import { useAuth } from '../../app/auth';
import { PageHeader } from '../../components/page-header';
import { usePaging } from '../../lib/paging';
import { useMyStations } from '../services/services.api';
import { useCases } from './cases.api';
import { CaseStatusTag } from './case-tags';

type View = CaseQuery['view'];

/** 个案 (R-SVC-3): the cases of the caller's stations; "待我审核" for the project lead; cards on phones. */
export function CasesPage() {
  const { can, user } = useAuth();
  const nav = useNavigate();
  const narrow = Grid.useBreakpoint().md === false;
  const approver = can('cases:approve');
  const [params] = useSearchParams();
  const [view, setView] = useState<View>(
    params.get('stationId') ? 'all' : approver ? 'awaiting' : user?.role === 'social_worker' ? 'mine' : 'all',
  );
  // A report's figure links to its station's cases (all of them, not only those awaiting the lead).
  const [filters, setFilters] = useState<{ status?: CaseQuery['status']; stationId?: string }>(() => ({
    stationId: params.get('stationId') ?? undefined,
  }));
  const paging = usePaging({ unit: '个个案' });
  const { data, isLoading } = useCases({ view, ...filters, ...paging.query });
  const stations = useMyStations();
  const views = [
    ...(approver ? [{ value: 'awaiting', label: '待我审核' }] : []),
    ...(user?.role === 'social_worker' ? [{ value: 'mine', label: '我的个案' }] : []),
    { value: 'all', label: '全部' },
  ];
  const empty = (
    <Empty
      description={
        view === 'awaiting'
          ? '没有等待审核的服务计划或结案申请'
          : can('services:write')
            ? '暂无个案，点击“开案”为服务对象建立个案'
            : '暂无个案'
      }
    />
  );

  return (
    <>
      <PageHeader
        title="个案"
        crumbs={[{ title: '工作台', to: '/' }, { title: '个案' }]}
        extra={
          can('services:write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => nav('/cases/new')}>
              开案
            </Button>
          )
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap align="center">
          {views.length > 1 && (
            <Segmented
              aria-label="列表范围"
              options={views}
              value={view}
              onChange={(v) => {
                setView(v as View);
                paging.reset();
              }}
            />
          )}
          <Form layout="inline" style={{ rowGap: 8 }}>
            <Form.Item label="阶段" style={{ minWidth: 180 }}>
              <Select
                aria-label="阶段"
                allowClear
                placeholder="全部阶段"
                options={CASE_STATUSES.map((s) => ({ value: s, label: CASE_STATUS_LABELS[s] }))}
                onChange={(status) => {
                  setFilters((f) => ({ ...f, status }));
                  paging.reset();
                }}
              />
            </Form.Item>
            {(stations.data?.items.length ?? 0) > 1 && (
              <Form.Item label="社工站" style={{ minWidth: 220 }}>
                <Select
                  aria-label="社工站"
                  allowClear
                  placeholder="全部社工站"
                  options={stations.data?.items.map((s) => ({ value: s.id, label: s.name }))}
                  defaultValue={filters.stationId}
                  onChange={(stationId) => {
                    setFilters((f) => ({ ...f, stationId }));
                    paging.reset();
                  }}
                />
              </Form.Item>
            )}
          </Form>
        </Flex>
      </Card>
      {narrow ? (
        <CaseCards items={data?.items} loading={isLoading} empty={empty} total={data?.total} paging={paging} />
      ) : (
        <Card>
          <Table
            rowKey="id"
            loading={isLoading}
            dataSource={data?.items}
            pagination={data?.total ? paging.pagination(data.total) : false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: empty }}
            columns={COLUMNS}
          />
        </Card>
      )}
    </>
  );
}

const COLUMNS = [
  {
    title: '服务对象',
    key: 'person',
    render: (_: unknown, c: CaseListItem) => <Link to={`/cases/${c.id}`}>{c.personName}</Link>,
  },
  { title: '阶段', key: 'status', render: (_: unknown, c: CaseListItem) => <CaseStatusTag status={c.status} /> },
  { title: '个案社工', key: 'worker', render: (_: unknown, c: CaseListItem) => c.workerName ?? '未指定' },
  { title: '社工站', dataIndex: 'stationName', key: 'station' },
  { title: '来源', key: 'source', render: (_: unknown, c: CaseListItem) => CASE_SOURCE_LABELS[c.source] },
  { title: '开案日期', dataIndex: 'openedOn', key: 'openedOn' },
  { title: '结案日期', key: 'closedOn', render: (_: unknown, c: CaseListItem) => c.closedOn ?? '—' },
];

/** Phones: one card a case, no sideways scrolling at 390 px. */
function CaseCards(p: {
  items: CaseListItem[] | undefined;
  loading: boolean;
  empty: React.ReactNode;
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
      renderItem={(c) => (
        <List.Item key={c.id} style={{ padding: 0, border: 'none', marginBottom: 12 }}>
          <Card size="small" style={{ width: '100%' }}>
            <Space align="center" wrap>
              <Link to={`/cases/${c.id}`} style={{ fontSize: token.fontSizeLG, fontWeight: 600 }}>
                {c.personName}
              </Link>
              <CaseStatusTag status={c.status} />
            </Space>
            <div style={{ color: token.colorTextSecondary, marginTop: 4 }}>
              {[c.stationName, c.workerName ? `个案社工 ${c.workerName}` : null, `开案 ${c.openedOn}`]
                .filter(Boolean)
                .join(' · ')}
            </div>
          </Card>
        </List.Item>
      )}
    />
  );
}
