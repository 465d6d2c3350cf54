import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Button, Card, Empty, Grid, List, Select, Space, Table } from 'antd';
import {
  formatFen,
  REFERRAL_STATUS_LABELS,
  REFERRAL_STATUSES,
  REFERRAL_TARGET_LABELS,
  REFERRAL_TARGETS,
  type ReferralQuery,
  type ReferralView,
} from '@shegong/shared';
import { PageHeader } from '../../components/page-header';
import { fmtDate } from '../../lib/format';
import { usePaging } from '../../lib/paging';
import { useStations } from '../stations/stations.api';
import { useReferrals } from './referrals.api';
import { ReferralStatusTag } from './referral-tags';
import { ReferralUpdateDialog } from './referral-update-dialog';

const options = <K extends string>(keys: readonly K[], labels: Record<K, string>) =>
  keys.map((k) => ({ value: k, label: labels[k] }));

/** 转介与资源链接 (附件2 (一)3): the referrals in reach with their status and what they obtained. */
export function ReferralsPage() {
  const narrow = Grid.useBreakpoint().md === false;
  const [params] = useSearchParams();
  // A report's figure links to its station's referrals.
  const [filters, setFilters] = useState<Partial<ReferralQuery>>(() => ({
    stationId: params.get('stationId') ?? undefined,
  }));
  const [editing, setEditing] = useState<ReferralView | null>(null);
  const paging = usePaging({ unit: '条' });
  const { data, isLoading } = useReferrals({ ...filters, ...paging.query });
  const stations = useStations({ page: 1, pageSize: 200 });
  const set = (k: keyof ReferralQuery) => (v: unknown) => {
    setFilters((f) => ({ ...f, [k]: v ?? undefined }));
    paging.reset();
  };
  const update = (r: ReferralView) =>
    r.abilities.update ? (
      <Button size="small" onClick={() => setEditing(r)}>
        更新状态
      </Button>
    ) : null;
  const person = (r: ReferralView) => <Link to={`/beneficiaries/${r.beneficiaryId}`}>{r.beneficiaryName}</Link>;
  const columns = [
    { title: '服务对象', key: 'person', render: (_: unknown, r: ReferralView) => person(r) },
    { title: '转介去向', dataIndex: 'target', render: (t: ReferralView['target']) => REFERRAL_TARGET_LABELS[t] },
    { title: '对接部门', dataIndex: 'agency' },
    { title: '社工站', dataIndex: 'stationName' },
    { title: '提交日期', dataIndex: 'submittedOn', render: fmtDate },
    { title: '状态', dataIndex: 'status', render: (s: ReferralView['status']) => <ReferralStatusTag status={s} /> },
    { title: '办结日期', dataIndex: 'decidedOn', render: fmtDate },
    { title: '获得金额', dataIndex: 'amountFen', align: 'right' as const, render: (f: number | null) => formatFen(f) },
    { title: '结果', dataIndex: 'outcome', render: (o: string) => o || '—' },
    { title: '操作', key: 'op', render: (_: unknown, r: ReferralView) => update(r) },
  ];
  return (
    <>
      <PageHeader
        title="转介与资源链接"
        crumbs={[{ title: '工作台', to: '/' }, { title: '转介与资源链接' }]}
        extra={<span style={{ opacity: 0.65 }}>新的转介请从服务对象页面发起（须先记录同意转介）</span>}
      />
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
            aria-label="转介去向"
            placeholder="转介去向"
            style={{ width: 160 }}
            options={options(REFERRAL_TARGETS, REFERRAL_TARGET_LABELS)}
            onChange={set('target')}
          />
          <Select
            allowClear
            aria-label="状态"
            placeholder="状态"
            style={{ width: 120 }}
            options={options(REFERRAL_STATUSES, REFERRAL_STATUS_LABELS)}
            onChange={set('status')}
          />
        </Space>
      </Card>
      {narrow ? (
        <List
          loading={isLoading}
          dataSource={data?.items}
          locale={{ emptyText: <Empty description="暂无转介记录" /> }}
          pagination={data?.total ? { ...paging.pagination(data.total), simple: true } : false}
          renderItem={(r) => (
            <List.Item key={r.id} style={{ padding: 0, border: 'none', marginBottom: 8 }}>
              <Card size="small" style={{ width: '100%' }}>
                <Space wrap size={4}>
                  {person(r)}
                  <span>{REFERRAL_TARGET_LABELS[r.target]}</span>
                  <ReferralStatusTag status={r.status} />
                </Space>
                <div style={{ fontSize: 12 }}>
                  {r.agency} · {fmtDate(r.submittedOn)}
                  {r.amountFen != null && ` · ${formatFen(r.amountFen)}`}
                </div>
                {update(r)}
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
            locale={{ emptyText: <Empty description="暂无转介记录" /> }}
            columns={columns}
          />
        </Card>
      )}
      <ReferralUpdateDialog r={editing} onClose={() => setEditing(null)} />
    </>
  );
}
