import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { Button, Card, Empty, List, Select, Space } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import {
  REVIEW_STATUS_LABELS,
  REVIEW_STATUSES,
  REVIEW_TARGET_LABELS,
  REVIEW_TARGETS,
  type ReviewStatus,
  type ReviewTarget,
  type SupervisionReviewQuery,
} from '@shegong/shared';
import { useAuth } from '../../app/auth';
import { usePaging } from '../../lib/paging';
import { ReviewForm } from './review-form';
import { ReviewItem } from './review-item';
import { useSupervisionReviews } from './supervision.api';

const isStatus = (v: string | null): v is ReviewStatus => !!v && (REVIEW_STATUSES as readonly string[]).includes(v);
const isTarget = (v: string | null): v is ReviewTarget => !!v && (REVIEW_TARGETS as readonly string[]).includes(v);

/** 督导意见: comments on sampled case files and service records, waiting ones first; filters in the address. */
export function SupervisionReviewsTab() {
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const [adding, setAdding] = useState(false);
  const status = params.get('status');
  const kind = params.get('kind');
  const filters: Partial<SupervisionReviewQuery> = {
    ...(isStatus(status) ? { status } : {}),
    ...(isTarget(kind) ? { targetKind: kind } : {}),
  };
  const paging = usePaging({ unit: '条意见' });
  const { data, isLoading } = useSupervisionReviews({ ...filters, ...paging.query });
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
            aria-label="状态"
            placeholder="状态"
            style={{ width: 140 }}
            value={filters.status}
            options={REVIEW_STATUSES.map((s) => ({ value: s, label: REVIEW_STATUS_LABELS[s] }))}
            onChange={(v?: string) => set('status', v)}
          />
          <Select
            allowClear
            aria-label="抽查对象"
            placeholder="抽查对象"
            style={{ width: 140 }}
            value={filters.targetKind}
            options={REVIEW_TARGETS.map((t) => ({ value: t, label: REVIEW_TARGET_LABELS[t] }))}
            onChange={(v?: string) => set('kind', v)}
          />
          {can('supervision:write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              新增督导意见
            </Button>
          )}
        </Space>
      </Card>
      <List
        loading={isLoading}
        dataSource={data?.items}
        locale={{ emptyText: <Empty description="暂无督导意见" /> }}
        pagination={data?.total ? { ...paging.pagination(data.total), align: 'center' } : false}
        renderItem={(r) => (
          <List.Item key={r.id} style={{ padding: 0, border: 'none', marginBottom: 12 }}>
            <Card size="small" style={{ width: '100%' }}>
              <ReviewItem r={r} />
            </Card>
          </List.Item>
        )}
      />
      <ReviewForm open={adding} onClose={() => setAdding(false)} />
    </>
  );
}
