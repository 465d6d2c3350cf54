import { useSearchParams } from 'react-router';
import { Card, Checkbox, Empty, List, Select, Space } from 'antd';
import {
  RECTIFICATION_STATUS_LABELS,
  RECTIFICATION_STATUSES,
  type RectificationQuery,
  type RectificationStatus,
} from '@shegong/shared';
import { PageHeader } from '../../components/page-header';
import { Paragraph } from '../../components/text';
import { usePaging } from '../../lib/paging';
import { RectificationItem } from './rectification-item';
import { useRectifications } from './rectifications.api';

const isStatus = (v: string | null): v is RectificationStatus =>
  !!v && (RECTIFICATION_STATUSES as readonly string[]).includes(v);

/**
 * 整改 (R-EVAL-4, 《实施方案》五（三）): the items found by evaluations in reach — what to correct, by when, whose — with
 * the steps the reader may take. Filters live in the address (`?status=`, `?overdue=true`), so the 工作台 links here.
 * One card per item at every width: contractor staff answer from their phones, and the texts are long.
 */
export function RectificationsPage() {
  const [params, setParams] = useSearchParams();
  const status = params.get('status');
  const filters: Partial<RectificationQuery> = {
    ...(isStatus(status) ? { status } : {}),
    ...(params.get('overdue') === 'true' ? { overdue: 'true' as const } : {}),
    ...(params.get('roundId') ? { roundId: params.get('roundId')! } : {}),
  };
  const paging = usePaging({ unit: '项' });
  const { data, isLoading } = useRectifications({ ...filters, ...paging.query });
  const set = (k: string, v: string | undefined) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
    paging.reset();
  };
  return (
    <>
      <PageHeader title="整改" crumbs={[{ title: '工作台', to: '/' }, { title: '整改' }]} />
      <Paragraph type="secondary">
        评估发现的问题由组织评估的民政部门登记为整改事项，承接机构在期限内整改并提交整改情况，经核实通过后完成（《实施方案》五（三））。
      </Paragraph>
      <Card style={{ marginBottom: 16 }}>
        <Space wrap>
          <Select
            allowClear
            aria-label="状态"
            placeholder="状态"
            style={{ width: 140 }}
            value={filters.status}
            options={RECTIFICATION_STATUSES.map((s) => ({ value: s, label: RECTIFICATION_STATUS_LABELS[s] }))}
            onChange={(v?: string) => set('status', v)}
          />
          <Checkbox
            checked={filters.overdue === 'true'}
            onChange={(e) => set('overdue', e.target.checked ? 'true' : undefined)}
          >
            仅看逾期
          </Checkbox>
        </Space>
      </Card>
      <List
        loading={isLoading}
        dataSource={data?.items}
        locale={{ emptyText: <Empty description={filters.overdue ? '没有逾期的整改事项' : '暂无整改事项'} /> }}
        pagination={data?.total ? { ...paging.pagination(data.total), simple: true, align: 'center' } : false}
        renderItem={(r) => (
          <List.Item key={r.id} style={{ padding: 0, border: 'none', marginBottom: 12 }}>
            <Card size="small" style={{ width: '100%' }}>
              <RectificationItem r={r} />
            </Card>
          </List.Item>
        )}
      />
    </>
  );
}
