import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Button, Card, Empty, List, Select, Space, theme, Typography } from 'antd';
import {
  COMPLAINT_STATUS_LABELS,
  COMPLAINT_STATUSES,
  type ComplaintQuery,
  type ComplaintStatus,
} from '@shegong/shared';
import { useAuth } from '../../app/auth';
import { PageHeader } from '../../components/page-header';
import { usePaging } from '../../lib/paging';
import { ComplaintForm } from './complaint-form';
import { ComplaintSourceTag, ComplaintStatusTag } from './satisfaction-tags';
import { useComplaints } from './satisfaction.api';

const isStatus = (v: string | null): v is ComplaintStatus =>
  !!v && (COMPLAINT_STATUSES as readonly string[]).includes(v);

/**
 * 投诉 (R-EVAL-3, 《实施方案》四（四）): complaints from the public form, by phone, visit or letter, routed to the station's
 * project lead and the county; open ones first. The status filter lives in the address (`?status=`).
 */
export function ComplaintsPage() {
  const { token } = theme.useToken();
  const { can } = useAuth();
  const [open, setOpen] = useState(false);
  const [params, setParams] = useSearchParams();
  const status = params.get('status');
  const filters: Partial<ComplaintQuery> = isStatus(status) ? { status } : {};
  const paging = usePaging({ unit: '件' });
  const { data, isLoading } = useComplaints({ ...filters, ...paging.query });
  return (
    <>
      <PageHeader
        title="投诉"
        crumbs={[{ title: '工作台', to: '/' }, { title: '投诉' }]}
        extra={
          can('complaints:handle') && (
            <Button type="primary" onClick={() => setOpen(true)}>
              登记投诉
            </Button>
          )
        }
      />
      <Typography.Paragraph type="secondary">
        投诉送达社工站项目负责人和县（区）民政部门：项目负责人或县（区）答复，县（区）确认办结（《实施方案》四（四））。
      </Typography.Paragraph>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Select
          allowClear
          aria-label="状态"
          placeholder="状态"
          style={{ width: 140 }}
          value={filters.status}
          options={COMPLAINT_STATUSES.map((s) => ({ value: s, label: COMPLAINT_STATUS_LABELS[s] }))}
          onChange={(v?: string) => {
            const next = new URLSearchParams(params);
            if (v) next.set('status', v);
            else next.delete('status');
            setParams(next, { replace: true });
            paging.reset();
          }}
        />
      </Card>
      <List
        loading={isLoading}
        dataSource={data?.items}
        locale={{ emptyText: <Empty description={filters.status ? '没有该状态的投诉' : '暂无投诉'} /> }}
        pagination={data?.total ? { ...paging.pagination(data.total), simple: true, align: 'center' } : false}
        renderItem={(c) => (
          <List.Item style={{ padding: 0, border: 'none', marginBottom: 8 }}>
            <Card size="small" style={{ width: '100%' }}>
              <Space wrap size={4}>
                <ComplaintStatusTag status={c.status} />
                <ComplaintSourceTag source={c.source} />
                <span style={{ color: token.colorTextDescription }}>
                  {c.receivedOn} · {c.stationName}
                </span>
              </Space>
              <div style={{ marginTop: 4, overflowWrap: 'anywhere' }}>
                <Link to={`/complaints/${c.id}`}>{c.content}</Link>
              </div>
            </Card>
          </List.Item>
        )}
      />
      <ComplaintForm open={open} onClose={() => setOpen(false)} />
    </>
  );
}
