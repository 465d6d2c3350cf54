import { Link } from 'react-router';
import { Card, Empty, Table, Tag } from 'antd';
import { CONTRACT_STATUS_LABELS, type ContractView } from '@shegong/shared';
import { useAuth } from '../../app/auth';
import { FindingCount } from '../../components/finding-count';
import { ExportButton } from '../../components/export-button';
import { PageHeader } from '../../components/page-header';
import { usePaging } from '../../lib/paging';
import { useContracts } from './contracts.api';

const COLORS = { active: 'success', ending: 'error', ended: 'default' } as const;

/** 合同: the county's contracts, the city's filing list, a contractor's own. */
export function ContractsPage() {
  const { can } = useAuth();
  const paging = usePaging({ unit: '份' });
  const { data, isLoading } = useContracts(paging.query);
  return (
    <>
      <PageHeader
        title={can('purchase:file') ? '合同备案' : '政府购买服务合同'}
        crumbs={[{ title: '购买服务' }, { title: '合同' }]}
        extra={<ExportButton url="/api/v1/contracts/export" fileName="合同台账.xlsx" />}
      />
      <Card>
        <Table
          rowKey="id"
          loading={isLoading}
          dataSource={data?.items}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty description="尚无合同：在已确定承接主体的采购项目中签订" /> }}
          pagination={paging.pagination(data?.total)}
          columns={[
            {
              title: '合同',
              dataIndex: 'title',
              render: (_: string, c: ContractView) => <Link to={`/contracts/${c.id}`}>{c.title}</Link>,
            },
            { title: '单位', dataIndex: 'countyName' },
            { title: '承接主体', dataIndex: 'contractorName' },
            {
              title: '周期',
              key: 'cycle',
              render: (_: unknown, c: ContractView) => `${c.cycleStart} 至 ${c.cycleEnd}`,
            },
            { title: '当前年度', dataIndex: 'currentYearNo', render: (n: number | null) => (n ? `第 ${n} 年` : '—') },
            {
              title: '状态',
              dataIndex: 'status',
              render: (s: ContractView['status']) => <Tag color={COLORS[s]}>{CONTRACT_STATUS_LABELS[s]}</Tag>,
            },
            {
              title: '合规提示',
              key: 'f',
              render: (_: unknown, c: ContractView) => <FindingCount findings={c.findings} />,
            },
          ]}
        />
      </Card>
    </>
  );
}
