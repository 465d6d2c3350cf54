import { useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { Button, Card, Empty, List, Select, Space, theme } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { SupervisionSessionQuery, SupervisionSessionView } from '@shegong/shared';
import { useAuth } from '../../app/auth';
import { usePaging } from '../../lib/paging';
import { useStations } from '../stations/stations.api';
import { SupervisionSessionForm } from './supervision-session-form';
import { useSupervisionSessions } from './supervision.api';
import { fmtHours, recentYears, SupervisorKindTag } from './supervision-words';

/** 督导记录: the sessions in reach, filtered by station and year (in the address), with 新增督导记录 for the contractor. */
export function SupervisionSessionsTab() {
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const [adding, setAdding] = useState(false);
  const thisYear = dayjs().year();
  const year = Number(params.get('year')) || undefined;
  const filters: Partial<SupervisionSessionQuery> = {
    ...(params.get('station') ? { stationId: params.get('station')! } : {}),
    ...(year ? { year } : {}),
  };
  const paging = usePaging({ unit: '次督导' });
  const { data, isLoading } = useSupervisionSessions({ ...filters, ...paging.query });
  const stations = useStations({ page: 1, pageSize: 200 });
  const set = (k: string, v: string | undefined) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
    paging.reset();
  };
  return (
    <>
      <Card style={{ marginBottom: 16 }}>
        <Space wrap>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            aria-label="社工站"
            placeholder="社工站"
            style={{ width: 200 }}
            value={filters.stationId}
            options={stations.data?.items.map((s) => ({ value: s.id, label: s.name }))}
            onChange={(v?: string) => set('station', v)}
          />
          <Select
            allowClear
            aria-label="年度"
            placeholder="年度"
            style={{ width: 120 }}
            value={year}
            options={recentYears(thisYear).map((y) => ({ value: y, label: `${y} 年` }))}
            onChange={(v?: number) => set('year', v ? String(v) : undefined)}
          />
          {can('supervision:write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              新增督导记录
            </Button>
          )}
        </Space>
      </Card>
      <List
        loading={isLoading}
        dataSource={data?.items}
        locale={{
          emptyText: (
            <Empty
              description={can('supervision:write') ? '尚无督导记录，点击“新增督导记录”登记一次督导' : '暂无督导记录'}
            />
          ),
        }}
        pagination={data?.total ? { ...paging.pagination(data.total), align: 'center' } : false}
        renderItem={(s) => (
          <List.Item key={s.id} style={{ padding: 0, border: 'none', marginBottom: 12 }}>
            <Card size="small" style={{ width: '100%' }}>
              <SessionItem s={s} />
            </Card>
          </List.Item>
        )}
      />
      <SupervisionSessionForm open={adding} onClose={() => setAdding(false)} />
    </>
  );
}

/** One session as a card's body: when, who supervised, how long, where, who attended, what was covered. */
export function SessionItem({ s }: { s: SupervisionSessionView }) {
  const { token } = theme.useToken();
  const line = (label: string, value: ReactNode) => (
    <div style={{ marginTop: token.marginXXS, overflowWrap: 'anywhere' }}>
      <span style={{ color: token.colorTextDescription }}>{label}：</span>
      {value}
    </div>
  );
  return (
    <div>
      <Space wrap size={4}>
        <span style={{ fontWeight: token.fontWeightStrong }}>{s.heldOn}</span>
        <SupervisorKindTag kind={s.supervisorKind} />
        <span>{s.supervisorName}</span>
        <span style={{ color: token.colorTextDescription }}>{fmtHours(s.hours)}</span>
      </Space>
      {line('社工站', `${s.stationName}（${s.organisationName}）`)}
      {line('参加社工', s.workers.map((w) => w.name).join('、'))}
      {line('督导内容', s.topics)}
      {s.followUp && line('跟进事项', s.followUp)}
    </div>
  );
}
