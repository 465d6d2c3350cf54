import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { App, Button, Card, Empty, Form, Input, Select, Space, Table, Tag } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { STATION_STATUS_LABELS, STATION_STATUSES, type StationQuery, type StationView } from '@shegong/shared';
import { useAuth } from '../../app/auth';
import { PageHeader } from '../../components/page-header';
import { StationStatusTag } from '../../components/status-tag';
import { unitsFor, useDivisions } from '../../lib/divisions';
import { fmtArea } from '../../lib/format';
import { usePaging } from '../../lib/paging';
import { downloadStations, useStations } from './stations.api';

const YEARS = [2021, 2022, 2023, 2024, 2025];

export function StationsPage() {
  const { user, can } = useAuth();
  const nav = useNavigate();
  const { message } = App.useApp();
  const divisions = useDivisions();
  const [filters, setFilters] = useState<Partial<StationQuery>>({});
  const paging = usePaging({ unit: '个社工站' });
  const { data, isLoading } = useStations({ ...filters, ...paging.query });
  const units = unitsFor(divisions.data, user?.divisionCode);

  // 城关镇 exists in five counties: whoever sees several counties reads the county first, at every width.
  const county = { title: '县（区）', dataIndex: 'countyName' };
  const columns = [
    ...(units.length > 1 ? [county] : []),
    {
      title: '站点名称',
      dataIndex: 'name',
      render: (_: string, s: StationView) => <Link to={`/stations/${s.id}`}>{s.name}</Link>,
    },
    ...(units.length > 1 ? [] : [{ ...county, responsive: ['md' as const] }]),
    { title: '批次', dataIndex: 'batchYear', render: (y: number) => `${y}年` },
    { title: '状态', dataIndex: 'status', render: (st: StationView['status']) => <StationStatusTag status={st} /> },
    { title: '办公用房', dataIndex: 'officeAreaM2', render: fmtArea, responsive: ['lg' as const] },
    {
      title: '驻站社工',
      dataIndex: 'residentWorkers',
      render: (n: number | null) => (n == null ? '—' : `${n} 名`),
      responsive: ['md' as const],
    },
    {
      title: '承接主体',
      key: 'contract',
      render: (_: unknown, s: StationView) => s.contract?.contractorName ?? '—',
      responsive: ['xl' as const],
    },
    {
      title: '合规提示',
      key: 'findings',
      render: (_: unknown, s: StationView) => {
        const n = s.findings.filter((f) => f.severity !== 'info').length;
        return n ? <Tag color="error">{n} 项待处理</Tag> : <Tag color="success">无</Tag>;
      },
    },
  ];

  return (
    <>
      <PageHeader
        title="社工站"
        crumbs={[{ title: '工作台', to: '/' }, { title: '社工站' }]}
        extra={
          <Space wrap>
            {can('export') && (
              <Button
                icon={<DownloadOutlined />}
                onClick={() => downloadStations(filters).catch((e) => message.error(e.message))}
              >
                导出 Excel
              </Button>
            )}
            {can('stations:write') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => nav('/stations/new')}>
                登记社工站
              </Button>
            )}
          </Space>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Form
          name="filter"
          layout="inline"
          onValuesChange={(_, all) => {
            setFilters(all);
            paging.reset();
          }}
          style={{ rowGap: 8 }}
        >
          {units.length > 1 && (
            <Form.Item name="county" label="县（区）">
              <Select
                allowClear
                placeholder="全部"
                style={{ width: 140 }}
                options={units.map((u) => ({ value: u.code, label: u.name }))}
              />
            </Form.Item>
          )}
          <Form.Item name="status" label="状态">
            <Select
              allowClear
              placeholder="全部"
              style={{ width: 120 }}
              options={STATION_STATUSES.map((s) => ({ value: s, label: STATION_STATUS_LABELS[s] }))}
            />
          </Form.Item>
          <Form.Item name="batchYear" label="批次">
            <Select
              allowClear
              placeholder="全部"
              style={{ width: 110 }}
              options={YEARS.map((y) => ({ value: y, label: `${y}年` }))}
            />
          </Form.Item>
          <Form.Item name="q" label="名称">
            <Input allowClear placeholder="输入站点名称" style={{ width: 180 }} />
          </Form.Item>
        </Form>
      </Card>
      <Card>
        <Table
          rowKey="id"
          loading={isLoading}
          columns={columns}
          dataSource={data?.items}
          scroll={{ x: 'max-content' }}
          locale={{
            emptyText: (
              <Empty description={can('stations:write') ? '尚未登记社工站，点击“登记社工站”开始' : '暂无社工站'} />
            ),
          }}
          pagination={paging.pagination(data?.total)}
        />
      </Card>
    </>
  );
}
