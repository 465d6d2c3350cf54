import { Link, useNavigate, useSearchParams } from 'react-router';
import { App, Button, Card, Empty, Grid, List, Select, Space, Table } from 'antd';
import {
  INDICATOR_SET_STATUS_LABELS,
  INDICATOR_SET_STATUSES,
  type IndicatorSetListItem,
  type IndicatorSetStatus,
} from '@shegong/shared';
import { useAuth } from '../../app/auth';
import { PageHeader } from '../../components/page-header';
import { fmtDate } from '../../lib/format';
import { usePaging } from '../../lib/paging';
import { useCreateIndicatorSet, useIndicatorSets } from './indicator-sets.api';
import { ExampleTag, IndicatorSetStatusTag, versionText } from './indicator-set-tags';

const Tags = ({ s }: { s: IndicatorSetListItem }) => (
  <Space size={4} wrap>
    <IndicatorSetStatusTag status={s.status} />
    <ExampleTag example={s.isExample} />
  </Space>
);

/**
 * 评估指标体系 (R-EVAL-2): the city's sets, newest first, each version with its state, total and pass line. Everyone
 * scored or scoring reads them; the city makes a new version of a set in use (a set in use is frozen).
 */
export function IndicatorSetsPage() {
  const narrow = Grid.useBreakpoint().md === false;
  const { can } = useAuth();
  const city = can('evaluations:configure');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') ?? undefined) as IndicatorSetStatus | undefined;
  const paging = usePaging({ unit: '个版本' });
  const { data, isLoading } = useIndicatorSets({ status, ...paging.query });
  const create = useCreateIndicatorSet();
  // A family with a draft already has its next version being prepared.
  const drafting = new Set((data?.items ?? []).filter((s) => s.status === 'draft').map((s) => s.familyId));

  async function newVersion(s: IndicatorSetListItem) {
    try {
      const v = await create.mutateAsync({ basedOn: s.id });
      message.success(`已新建${versionText(v.versionNo)}（草稿），请修改后启用`);
      void navigate(`/indicator-sets/${v.id}`);
    } catch (e) {
      message.error((e as Error).message);
    }
  }
  const newVersionButton = (s: IndicatorSetListItem) =>
    city && s.status !== 'draft' && !drafting.has(s.familyId) ? (
      <Button size="small" loading={create.isPending} onClick={() => newVersion(s)}>
        新建版本
      </Button>
    ) : null;

  const empty = (
    <Empty
      description={
        status
          ? `暂无“${INDICATOR_SET_STATUS_LABELS[status]}”的指标体系，可清除状态筛选查看全部`
          : city
            ? '尚无指标体系：平台示例在系统启动时自动提供，请刷新页面'
            : '市民政局尚未设置评估指标体系'
      }
    />
  );
  const columns = [
    {
      title: '名称',
      key: 'name',
      render: (_: unknown, s: IndicatorSetListItem) => <Link to={`/indicator-sets/${s.id}`}>{s.name}</Link>,
    },
    { title: '版本', dataIndex: 'versionNo', render: versionText },
    { title: '状态', key: 'status', render: (_: unknown, s: IndicatorSetListItem) => <Tags s={s} /> },
    { title: '总分', dataIndex: 'totalPoints', render: (n: number) => `${n} 分` },
    { title: '三级指标', dataIndex: 'itemCount', render: (n: number) => `${n} 项` },
    { title: '合格线', dataIndex: 'passLine', render: (n: number) => `${n} 分` },
    { title: '启用日期', dataIndex: 'adoptedAt', render: fmtDate },
    {
      title: '操作',
      key: 'op',
      render: (_: unknown, s: IndicatorSetListItem) => (
        <Space size={4} wrap>
          <Link to={`/indicator-sets/${s.id}`}>查看</Link>
          {newVersionButton(s)}
        </Space>
      ),
    },
  ];
  return (
    <>
      <PageHeader title="评估指标体系" crumbs={[{ title: '工作台', to: '/' }, { title: '评估指标体系' }]} />
      <Card style={{ marginBottom: 16 }}>
        <Select
          allowClear
          aria-label="状态"
          placeholder="状态"
          style={{ width: 160 }}
          value={status}
          options={INDICATOR_SET_STATUSES.map((k) => ({ value: k, label: INDICATOR_SET_STATUS_LABELS[k] }))}
          onChange={(v?: IndicatorSetStatus) => {
            setParams(v ? { status: v } : {}, { replace: true });
            paging.reset();
          }}
        />
      </Card>
      {narrow ? (
        <List
          loading={isLoading}
          dataSource={data?.items}
          locale={{ emptyText: empty }}
          pagination={data?.total ? { ...paging.pagination(data.total), simple: true } : false}
          renderItem={(s) => (
            <List.Item key={s.id} style={{ padding: 0, border: 'none', marginBottom: 8 }}>
              <Card size="small" style={{ width: '100%' }}>
                <Link to={`/indicator-sets/${s.id}`}>{s.name}</Link>
                <div style={{ marginTop: 4 }}>
                  <Space size={4} wrap>
                    <span>{versionText(s.versionNo)}</span>
                    <Tags s={s} />
                  </Space>
                </div>
                <div style={{ fontSize: 12, marginTop: 4 }}>
                  总分 {s.totalPoints} 分 · 合格线 {s.passLine} 分 · 启用日期 {fmtDate(s.adoptedAt)}
                </div>
                {newVersionButton(s) && <div style={{ marginTop: 8 }}>{newVersionButton(s)}</div>}
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
            columns={columns}
          />
        </Card>
      )}
    </>
  );
}
