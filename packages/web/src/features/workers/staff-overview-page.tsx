import { Link } from 'react-router';
import { Card, Table } from 'antd';
import { ExportButton } from '../../components/export-button';
import { PageHeader } from '../../components/page-header';
import { useStaffOverview } from './workers.api';

const alarm = (v: number) => (v ? <span style={{ color: '#cf1322', fontWeight: 600 }}>{v}</span> : 0);

/** 队伍概况: staffing and qualification per unit for counties and the city (R-STAFF-1, R-STAFF-4, R-STAFF-6). */
export function StaffOverviewPage() {
  const { data, isLoading } = useStaffOverview();
  return (
    <>
      <PageHeader
        title="队伍概况"
        crumbs={[{ title: '社工队伍' }, { title: '队伍概况' }]}
        extra={<ExportButton url="/api/v1/workers/overview/export" fileName="队伍概况.xlsx" />}
      />
      <Card>
        <Table
          rowKey="countyCode"
          loading={isLoading}
          pagination={false}
          dataSource={data?.items}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: '单位', dataIndex: 'countyName' },
            { title: '运营中社工站', dataIndex: 'operatingStations' },
            { title: '驻站社工不足 2 名的社工站', dataIndex: 'understaffedStations', render: alarm },
            { title: '社工人数', dataIndex: 'workers', render: (v: number) => <Link to="/workers">{v}</Link> },
            { title: '已具备资质', dataIndex: 'qualified' },
            { title: '90 日内须具备资质', dataIndex: 'atRisk', render: alarm },
            { title: '逾期未具备', dataIndex: 'overdue', render: alarm },
            { title: '已备案', dataIndex: 'filed' },
          ]}
        />
      </Card>
    </>
  );
}
