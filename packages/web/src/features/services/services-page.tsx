import { useState, type ReactNode } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Button, Card, Empty, Grid, List, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { SERVICE_FORM_LABELS, SERVICE_FORMS, type ServiceRecordListItem } from '@shegong/shared';
import { useAuth } from '../../app/auth';
import { PageHeader } from '../../components/page-header';
import { Text } from '../../components/text';
import { usePaging } from '../../lib/paging';
import { ServiceFilterForm, type ServiceFilters } from './service-filters';
import { peopleText } from './people-text';
import { useServiceRecords } from './services.api';

const itemText = (r: ServiceRecordListItem) => `${r.domainName} · ${r.itemName}`;

/**
 * 服务记录 (R-SVC-2): records in the caller's scope, newest first, filtered by station, dates, form, domain or item,
 * worker and person; a table at desks, cards on phones. People come masked from the server for officers.
 */
export function ServicesPage() {
  const { can } = useAuth();
  const nav = useNavigate();
  const [params] = useSearchParams();
  const narrow = Grid.useBreakpoint().md === false;
  const [filters, setFilters] = useState<ServiceFilters>({
    beneficiaryId: params.get('beneficiaryId') ?? undefined,
    caseId: params.get('caseId') ?? undefined,
    stationId: params.get('stationId') ?? undefined,
    // A county's or an agreement year's report links to its unit's or its contractor's records.
    unit: params.get('unit') ?? undefined,
    organisationId: params.get('organisationId') ?? undefined,
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
    // A report's figure links to its records by form, 附件2 domain or item too.
    form: SERVICE_FORMS.find((f) => f === params.get('form')),
    domain: Number(params.get('domain')) || undefined,
    item: params.get('item') ?? undefined,
  });
  const paging = usePaging({ unit: '条' });
  const { data, isLoading } = useServiceRecords({ ...filters, ...paging.query });
  const empty = (
    <Empty description={Object.values(filters).some(Boolean) ? '没有符合条件的服务记录' : '暂无服务记录'} />
  );
  return (
    <>
      <PageHeader
        title="服务记录"
        crumbs={[{ title: '工作台', to: '/' }, { title: '服务记录' }]}
        extra={
          can('services:write') && (
            <Space wrap>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => nav('/services/new')}>
                记一条服务
              </Button>
              <Button onClick={() => nav('/services/outbox')}>待发送</Button>
            </Space>
          )
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <ServiceFilterForm
          initial={filters}
          onChange={(f) => {
            setFilters((old) => ({ ...f, beneficiaryId: old.beneficiaryId, caseId: old.caseId }));
            paging.reset();
          }}
        />
      </Card>
      {narrow ? (
        <List
          loading={isLoading}
          dataSource={data?.items}
          locale={{ emptyText: empty }}
          pagination={data?.total ? { ...paging.pagination(data.total), simple: true, align: 'center' } : false}
          renderItem={(r) => (
            <List.Item key={r.id} style={{ padding: 0, border: 'none', marginBottom: 12 }}>
              <Card size="small" style={{ width: '100%' }}>
                <Link to={`/services/${r.id}`} style={{ fontSize: 16 }}>
                  {r.servedOn} {SERVICE_FORM_LABELS[r.form]}
                </Link>
                {r.alertRaised && (
                  <Tag color="red" style={{ marginLeft: 8 }}>
                    已预警
                  </Tag>
                )}
                <div style={{ overflowWrap: 'anywhere' }}>{peopleText(r)}</div>
                <Text type="secondary">
                  {itemText(r)} · {r.stationName}
                </Text>
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

const COLUMNS: { title: string; key: string; render: (_: unknown, r: ServiceRecordListItem) => ReactNode }[] = [
  { title: '服务日期', key: 'day', render: (_, r) => <Link to={`/services/${r.id}`}>{r.servedOn}</Link> },
  {
    title: '服务形式',
    key: 'form',
    render: (_, r) => (
      <Space size={4}>
        {SERVICE_FORM_LABELS[r.form]}
        {r.alertRaised && <Tag color="red">已预警</Tag>}
      </Space>
    ),
  },
  { title: '服务内容', key: 'item', render: (_, r) => itemText(r) },
  { title: '服务对象', key: 'people', render: (_, r) => peopleText(r) },
  { title: '社工', key: 'workers', render: (_, r) => r.workers.map((w) => w.name).join('、') || '—' },
  { title: '社工站', key: 'station', render: (_, r) => r.stationName },
  { title: '时长', key: 'min', render: (_, r) => `${r.durationMinutes} 分钟` },
];
