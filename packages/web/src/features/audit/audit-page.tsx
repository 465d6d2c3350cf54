import { useState } from 'react';
import { Card, DatePicker, Form, Input, Select, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import {
  AUDIT_ACTION_LABELS,
  ENTITY_LABELS,
  type AuditEntityType,
  type AuditAction,
  type AuditEventView,
  type AuditQuery,
} from '@shegong/shared';
import { PageHeader } from '../../components/page-header';
import { fmtDateTime } from '../../lib/format';
import { usePaging } from '../../lib/paging';
import { useAuditEvents } from './audit.api';

const COLORS: Partial<Record<AuditAction, string>> = {
  login_failed: 'error',
  create: 'success',
  update: 'processing',
  export: 'purple',
  upload: 'cyan',
};

function Changes({ e }: { e: AuditEventView }) {
  if (!e.before && !e.after) return null;
  return (
    <pre style={{ margin: 0, whiteSpace: 'pre-wrap', fontSize: 12 }}>
      {e.before ? `修改前：${JSON.stringify(e.before, null, 1)}\n` : ''}
      {e.after ? `修改后：${JSON.stringify(e.after, null, 1)}` : ''}
    </pre>
  );
}

/** The audit log for administrators: logins, failed logins, changes with before/after, exports. */
export function AuditPage() {
  const [filters, setFilters] = useState<Partial<AuditQuery>>({});
  const paging = usePaging();
  const { data, isLoading } = useAuditEvents({ ...filters, ...paging.query });
  return (
    <>
      <PageHeader title="审计日志" crumbs={[{ title: '系统管理' }, { title: '审计日志' }]} />
      <Card style={{ marginBottom: 16 }}>
        <Form
          name="filter"
          layout="inline"
          style={{ rowGap: 8 }}
          onValuesChange={(_, all: Record<string, unknown>) => {
            const range = all.range as [Dayjs, Dayjs] | undefined;
            setFilters({
              action: all.action as AuditAction | undefined,
              entityType: all.entityType as string | undefined,
              username: all.username as string | undefined,
              from: range?.[0]?.format('YYYY-MM-DD'),
              to: range?.[1]?.format('YYYY-MM-DD'),
            });
            paging.reset();
          }}
        >
          <Form.Item name="action" label="操作">
            <Select
              allowClear
              placeholder="全部"
              style={{ width: 120 }}
              options={Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
          <Form.Item name="entityType" label="对象">
            <Select
              allowClear
              placeholder="全部"
              style={{ width: 140 }}
              options={Object.entries(ENTITY_LABELS).map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
          <Form.Item name="username" label="用户">
            <Input allowClear style={{ width: 130 }} />
          </Form.Item>
          <Form.Item name="range" label="日期">
            <DatePicker.RangePicker />
          </Form.Item>
        </Form>
      </Card>
      <Card>
        <Table
          rowKey="id"
          size="small"
          loading={isLoading}
          dataSource={data?.items}
          scroll={{ x: 'max-content' }}
          expandable={{ expandedRowRender: (e) => <Changes e={e} />, rowExpandable: (e) => !!(e.before || e.after) }}
          pagination={paging.pagination(data?.total)}
          columns={[
            { title: '时间', dataIndex: 'at', render: fmtDateTime },
            { title: '用户', dataIndex: 'username', render: (u: string | null) => u ?? '—' },
            {
              title: '操作',
              dataIndex: 'action',
              render: (a: AuditAction) => <Tag color={COLORS[a]}>{AUDIT_ACTION_LABELS[a]}</Tag>,
            },
            {
              title: '对象',
              key: 'entity',
              // The kind in Chinese and the record's name (a station, a contract's title, a worker).
              render: (_: unknown, e: AuditEventView) =>
                e.entityType ? (
                  <>
                    {ENTITY_LABELS[e.entityType as AuditEntityType] ?? '其他'}
                    {e.entityName && <Typography.Text strong>{` ${e.entityName}`}</Typography.Text>}
                  </>
                ) : (
                  '—'
                ),
            },
            { title: '摘要', dataIndex: 'summary', render: (s: string) => <Typography.Text>{s}</Typography.Text> },
            { title: 'IP', dataIndex: 'ip', responsive: ['lg' as const] },
          ]}
        />
      </Card>
    </>
  );
}
