import { lazy, Suspense } from 'react';
import { App, Button, Card, Col, Progress, Row, Spin, Statistic, Table } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { ProgressCell, ProgressRow } from '@shegong/shared';
import { PageHeader } from '../../components/page-header';
import { fmtDateTime, fmtPercent } from '../../lib/format';
import { downloadProgress, useProgress } from './plan.api';

const ProgressChart = lazy(() => import('./progress-chart').then((m) => ({ default: m.ProgressChart })));

const cell = (c: ProgressCell) => (
  <span>
    {c.built}/{c.planned}
    <span style={{ color: '#595959', marginLeft: 4 }}>{fmtPercent(c.percent)}</span>
  </span>
);

/** 建设进度 (R-PLAN-1): planned vs built per unit and year, the city sees all units, a county its own. */
export function ProgressPage() {
  const { message } = App.useApp();
  const { data } = useProgress();
  if (!data) return <Spin />;
  const t = data.total.total;
  const columns = [
    { title: '单位', dataIndex: 'name', fixed: 'left' as const },
    ...data.years.map((y) => ({
      title: `${y}年 建成/计划`,
      key: String(y),
      render: (_: unknown, r: ProgressRow) => cell(r.years[String(y)]),
    })),
    { title: '已登记', key: 'reg', render: (_: unknown, r: ProgressRow) => r.total.registered },
    { title: '运营中', key: 'op', render: (_: unknown, r: ProgressRow) => r.total.operating },
    { title: '合计 建成/计划', key: 'total', render: (_: unknown, r: ProgressRow) => cell(r.total) },
    {
      title: '完成率',
      key: 'pct',
      render: (_: unknown, r: ProgressRow) => (
        <Progress
          percent={r.total.percent ?? 0}
          size="small"
          style={{ minWidth: 100 }}
          aria-label={`${r.name}完成率`}
        />
      ),
    },
  ];
  return (
    <>
      <PageHeader
        title="建设进度"
        crumbs={[{ title: '工作台', to: '/' }, { title: '建设进度' }]}
        extra={
          <Button icon={<DownloadOutlined />} onClick={() => downloadProgress().catch((e) => message.error(e.message))}>
            导出 Excel
          </Button>
        }
      />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title="计划建设（个）" value={t.planned} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title="已登记（个）" value={t.registered} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title="建成（个）" value={t.built} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title="完成率" value={t.percent ?? 0} suffix="%" />
          </Card>
        </Col>
      </Row>
      <Card title="各单位建成与计划" style={{ marginBottom: 16 }}>
        <Suspense fallback={<Spin />}>
          <ProgressChart report={data} />
        </Suspense>
      </Card>
      <Card title={`进度明细（统计时间 ${fmtDateTime(data.generatedAt)}）`} extra="建成 = 运营中 + 暂停">
        <Table
          rowKey="name"
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={columns}
          dataSource={[...data.rows, data.total]}
        />
      </Card>
    </>
  );
}
