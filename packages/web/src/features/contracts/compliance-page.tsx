import { App, Button, Card, Table } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { PageHeader } from '../../components/page-header';
import { downloadCompliance, useContractCompliance } from './contracts.api';

const n = (v: number) => (v ? <span style={{ color: '#cf1322', fontWeight: 600 }}>{v}</span> : 0);

/** Contract compliance per unit (R-CON-1…3) for the city and counties. */
export function CompliancePage() {
  const { message } = App.useApp();
  const { data, isLoading } = useContractCompliance();
  return (
    <>
      <PageHeader
        title="合同合规"
        crumbs={[{ title: '购买服务' }, { title: '合同合规' }]}
        extra={
          <Button
            icon={<DownloadOutlined />}
            onClick={() => downloadCompliance().catch((e) => message.error(e.message))}
          >
            导出 Excel
          </Button>
        }
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
            { title: '合同数', dataIndex: 'contracts' },
            { title: '超期签订（通知书发出 30 日后）', dataIndex: 'lateSigning', render: n },
            { title: '合同或协议未公告', dataIndex: 'unpublished', render: n },
            { title: '60 日内到期或终止', dataIndex: 'endingSoon', render: n },
            { title: '无有效合同的已建成站点', dataIndex: 'stationsWithoutContract', render: n },
          ]}
        />
      </Card>
    </>
  );
}
