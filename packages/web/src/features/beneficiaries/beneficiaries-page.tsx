import { useState, type ReactNode } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Button, Card, Empty, Flex, Grid, Input, List, Space, Table, Tag, theme } from 'antd';
import { ImportOutlined, PlusOutlined, SwapOutlined } from '@ant-design/icons';
import { BENEFICIARY_CATEGORIES, type BeneficiaryListItem } from '@shegong/shared';
import { useAuth } from '../../app/auth';
import { ExportButton } from '../../components/export-button';
import { PageHeader } from '../../components/page-header';
import { usePaging } from '../../lib/paging';
import { beneficiaryExportUrl, useBeneficiaries } from './beneficiaries.api';
import { BeneficiaryFilterForm, type BeneficiaryFilters } from './beneficiary-filters';
import { CategoryTags, RiskTag, SensitiveTag, genderAge } from './beneficiary-tags';

/** 服务对象 (R-SVC-1): search and filter the people the caller's stations serve; a table at desks, cards on phones. */
export function BeneficiariesPage() {
  const { can } = useAuth();
  const nav = useNavigate();
  const narrow = Grid.useBreakpoint().md === false;
  const [q, setQ] = useState<string | undefined>();
  const [params] = useSearchParams();
  const [filters, setFilters] = useState<BeneficiaryFilters>(() => ({
    category: BENEFICIARY_CATEGORIES.find((c) => c === params.get('category')),
    stationId: params.get('stationId') ?? undefined,
  }));
  const paging = usePaging({ unit: '人' });
  const all = { ...filters, q };
  const { data, isLoading } = useBeneficiaries({ ...all, ...paging.query });
  const filtered = Object.values(all).some((v) => v !== undefined);
  const empty = (
    <Empty
      description={
        filtered
          ? '没有符合条件的服务对象，请调整搜索或筛选条件'
          : can('beneficiaries:write')
            ? '尚未登记服务对象，点击“登记服务对象”开始，或从低保、特困等名册导入'
            : '暂无服务对象'
      }
    />
  );

  return (
    <>
      <PageHeader
        title="服务对象"
        crumbs={[{ title: '工作台', to: '/' }, { title: '服务对象' }]}
        extra={
          <Space wrap>
            {can('beneficiaries:write') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => nav('/beneficiaries/new')}>
                登记服务对象
              </Button>
            )}
            {can('beneficiaries:write') && (
              <Button icon={<ImportOutlined />} onClick={() => nav('/beneficiaries/import')}>
                导入
              </Button>
            )}
            <ExportButton url={beneficiaryExportUrl} query={all} fileName="服务对象.xlsx" />
            <Button icon={<SwapOutlined />} onClick={() => nav('/beneficiaries/handover')}>
              交接清单
            </Button>
          </Space>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          enterButton="查找"
          aria-label="查找服务对象"
          placeholder="姓名、身份证号或电话"
          title="姓名、身份证号（全部或后几位）或电话"
          style={{ marginBottom: 12, maxWidth: 480 }}
          onSearch={(v) => {
            setQ(v.trim() || undefined);
            paging.reset();
          }}
        />
        <BeneficiaryFilterForm
          initial={{ category: filters.category, stationId: filters.stationId }}
          onChange={(f) => {
            setFilters(f);
            paging.reset();
          }}
        />
      </Card>
      {narrow ? (
        <BeneficiaryCards
          items={data?.items}
          loading={isLoading}
          empty={empty}
          pagination={paging.pagination}
          total={data?.total}
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

/** A restricted row says only that the record exists (R-SCOPE-2). */
const unlessRestricted = (render: (b: BeneficiaryListItem) => ReactNode) => (_: unknown, b: BeneficiaryListItem) =>
  b.restricted ? null : render(b);

const COLUMNS = [
  {
    title: '姓名',
    key: 'name',
    render: (_: unknown, b: BeneficiaryListItem) =>
      b.restricted ? (
        <Tag color="purple">敏感记录</Tag>
      ) : (
        <Space size={4} wrap>
          <Link to={`/beneficiaries/${b.id}`}>{b.name}</Link>
          <SensitiveTag sensitive={b.sensitive} />
        </Space>
      ),
  },
  { title: '性别 / 年龄', key: 'ga', render: unlessRestricted(genderAge) },
  { title: '身份证号', key: 'id', render: unlessRestricted((b) => b.idNumber ?? '无') },
  { title: '村（社区）', key: 'village', render: unlessRestricted((b) => b.village || '—') },
  { title: '社工站', key: 'station', render: unlessRestricted((b) => `${b.countyName}·${b.stationName}`) },
  { title: '负责社工', key: 'worker', render: unlessRestricted((b) => b.workerName ?? '未指定') },
  { title: '类别', key: 'cat', render: unlessRestricted((b) => <CategoryTags categories={b.categories} />) },
  {
    title: '风险',
    key: 'risk',
    render: unlessRestricted((b) => (b.riskLevel ? <RiskTag level={b.riskLevel} /> : '—')),
  },
  { title: '最近服务', key: 'last', render: unlessRestricted((b) => b.lastServiceOn ?? '—') },
];

/** Phones: one card a person, no sideways scrolling at 390 px. */
function BeneficiaryCards({
  items,
  loading,
  empty,
  pagination,
  total,
}: {
  items: BeneficiaryListItem[] | undefined;
  loading: boolean;
  empty: ReactNode;
  pagination: ReturnType<typeof usePaging>['pagination'];
  total: number | undefined;
}) {
  const { token } = theme.useToken();
  return (
    <List
      loading={loading}
      dataSource={items}
      locale={{ emptyText: empty }}
      pagination={total ? { ...pagination(total), simple: true, align: 'center' } : false}
      renderItem={(b) => (
        <List.Item key={b.id} style={{ padding: 0, border: 'none', marginBottom: 12 }}>
          <Card size="small" style={{ width: '100%' }}>
            {b.restricted ? (
              <Tag color="purple">敏感记录</Tag>
            ) : (
              <>
                <Flex align="center" gap={8} wrap>
                  <Link to={`/beneficiaries/${b.id}`} style={{ fontSize: token.fontSizeLG, fontWeight: 600 }}>
                    {b.name}
                  </Link>
                  <span style={{ color: token.colorTextSecondary }}>{genderAge(b)}</span>
                  <RiskTag level={b.riskLevel} />
                  <SensitiveTag sensitive={b.sensitive} />
                </Flex>
                <div style={{ color: token.colorTextSecondary, marginTop: 4 }}>
                  {[b.village, b.stationName, b.workerName ? `负责社工 ${b.workerName}` : null]
                    .filter(Boolean)
                    .join(' · ')}
                </div>
                {b.categories.length > 0 && (
                  <div style={{ marginTop: 6 }}>
                    <CategoryTags categories={b.categories} />
                  </div>
                )}
              </>
            )}
          </Card>
        </List.Item>
      )}
    />
  );
}
