import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Card, Empty, Grid, List, Select, Space, Table } from 'antd';
import {
  ALERT_KIND_LABELS,
  ALERT_KINDS,
  ALERT_STATUS_LABELS,
  ALERT_STATUSES,
  type AlertListItem,
  type AlertQuery,
} from '@shegong/shared';
import { PageHeader } from '../../components/page-header';
import { fmtDateTime } from '../../lib/format';
import { usePaging } from '../../lib/paging';
import { useStations } from '../stations/stations.api';
import { useAlerts } from './alerts.api';
import { AlertKindTag, AlertStatusTag, EscalatedTag, ackText } from './alert-tags';

const options = <K extends string>(keys: readonly K[], labels: Record<K, string>) =>
  keys.map((k) => ({ value: k, label: labels[k] }));

/** 预警 (R-SVC-5): the alerts in reach, unhandled first; kind, station, status and times (details on the alert). */
export function AlertsPage() {
  const narrow = Grid.useBreakpoint().md === false;
  const [params] = useSearchParams();
  const [filters, setFilters] = useState<Partial<AlertQuery>>(() => ({
    ...(params.get('active') === 'true' ? { active: true } : {}),
    // A report's figure links to its station's alerts.
    ...(params.get('stationId') ? { stationId: params.get('stationId')! } : {}),
  }));
  const paging = usePaging({ unit: '条' });
  const { data, isLoading } = useAlerts({ ...filters, ...paging.query });
  const stations = useStations({ page: 1, pageSize: 200 });
  const set = (k: keyof AlertQuery) => (v: unknown) => {
    setFilters((f) => ({ ...f, [k]: v ?? undefined }));
    paging.reset();
  };
  const empty = <Empty description="暂无预警" />;
  return (
    <>
      <PageHeader title="预警" crumbs={[{ title: '工作台', to: '/' }, { title: '预警' }]} />
      <Card style={{ marginBottom: 16 }}>
        <Space wrap>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            aria-label="社工站"
            placeholder="社工站"
            style={{ width: 200 }}
            options={(stations.data?.items ?? []).map((x) => ({ value: x.id, label: x.name }))}
            defaultValue={filters.stationId}
            onChange={set('stationId')}
          />
          <Select
            allowClear
            aria-label="状态"
            placeholder="状态"
            style={{ width: 140 }}
            options={options(ALERT_STATUSES, ALERT_STATUS_LABELS)}
            onChange={set('status')}
          />
          <Select
            allowClear
            aria-label="预警类型"
            placeholder="预警类型"
            style={{ width: 140 }}
            options={options(ALERT_KINDS, ALERT_KIND_LABELS)}
            onChange={set('kind')}
          />
          <Select
            allowClear
            aria-label="是否超时"
            placeholder="是否超时上报"
            style={{ width: 160 }}
            options={[
              { value: 'true', label: '超时未响应（已上报市级）' },
              { value: 'false', label: '未超时' },
            ]}
            onChange={set('escalated')}
          />
        </Space>
      </Card>
      {narrow ? (
        <List
          loading={isLoading}
          dataSource={data?.items}
          locale={{ emptyText: empty }}
          pagination={data?.total ? { ...paging.pagination(data.total), simple: true } : false}
          renderItem={(a) => (
            <List.Item key={a.id} style={{ padding: 0, border: 'none', marginBottom: 8 }}>
              <Card size="small" style={{ width: '100%' }}>
                <Link to={`/alerts/${a.id}`}>
                  <Space wrap size={4}>
                    <AlertKindTag kind={a.kind} />
                    <AlertStatusTag status={a.status} />
                    <EscalatedTag escalated={a.escalated} />
                  </Space>
                  <div style={{ marginTop: 4 }}>
                    {a.beneficiaryName ?? '—'} · {a.stationName}
                  </div>
                  <div style={{ fontSize: 12 }}>
                    {fmtDateTime(a.raisedAt)} · {a.status === 'closed' ? '已关闭' : ackText(a)}
                  </div>
                </Link>
              </Card>
            </List.Item>
          )}
        />
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
    title: '类型',
    key: 'kind',
    render: (_: unknown, a: AlertListItem) => (
      <Link to={`/alerts/${a.id}`}>
        <AlertKindTag kind={a.kind} />
      </Link>
    ),
  },
  {
    title: '状态',
    key: 'status',
    render: (_: unknown, a: AlertListItem) => (
      <Space size={4}>
        <AlertStatusTag status={a.status} />
        <EscalatedTag escalated={a.escalated} />
      </Space>
    ),
  },
  { title: '服务对象', dataIndex: 'beneficiaryName', render: (v: string | null) => v ?? '—' },
  { title: '社工站', dataIndex: 'stationName' },
  { title: '发出人', dataIndex: 'raisedByName', render: (v: string | null) => v ?? '—' },
  { title: '发出时间', dataIndex: 'raisedAt', render: fmtDateTime },
  { title: '响应', key: 'ack', render: (_: unknown, a: AlertListItem) => ackText(a) },
  { title: '关闭时间', dataIndex: 'closedAt', render: fmtDateTime },
  { title: '操作', key: 'op', render: (_: unknown, a: AlertListItem) => <Link to={`/alerts/${a.id}`}>查看</Link> },
];
