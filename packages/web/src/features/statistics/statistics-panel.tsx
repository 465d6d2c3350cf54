import { lazy, Suspense, useMemo, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { Alert, Card, Col, DatePicker, Flex, Row, Spin, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  CATEGORY_LABELS,
  SERVICE_FORM_LABELS,
  VISIT_COMPLETION_DEFINITION,
  type ServiceStatistics,
} from '@shegong/shared';
import { useCatalogue } from '../services/services.api';
import { useServiceStatistics } from './statistics.api';
import { BreakdownTable, hours } from './breakdown-table';

// ECharts (≈ 150 KB gzipped) is fetched only when a statistics panel draws its charts, never with the home page.
const StatisticsCharts = lazy(() => import('./statistics-charts').then((m) => ({ default: m.StatisticsCharts })));

const yuan = (fen: number) => `¥${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2 })}`;

function Kpi({ title, value, note, to }: { title: string; value: ReactNode; note?: ReactNode; to?: string }) {
  const body = (
    <>
      <Typography.Text type="secondary">{title}</Typography.Text>
      <div style={{ fontSize: 24, lineHeight: 1.4 }}>{value}</div>
      {note && <Typography.Text type="secondary">{note}</Typography.Text>}
    </>
  );
  return (
    <Col xs={12} md={8} xl={6}>
      <Card size="small" style={{ height: '100%' }}>
        {to ? <Link to={to}>{body}</Link> : body}
      </Card>
    </Col>
  );
}

/**
 * 服务统计 (R-SVC-2…5) of a station, an organisation, a unit or the city (`scope`; the caller's whole scope without
 * it): a period picker in months, figures first, then charts and the comparison of units or stations. Individual
 * workers are never compared.
 */
export function StatisticsPanel({ scope, compact }: { scope?: string; compact?: boolean }) {
  // Until a period is picked the server chooses it (the year to date by its own clock, not the browser's).
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const q = range ? { scope, from: range[0].format('YYYY-MM'), to: range[1].format('YYYY-MM') } : { scope };
  const { data: s, error, isLoading } = useServiceStatistics(q);
  const catalogue = useCatalogue();
  const domainNames = useMemo(
    () => new Map((catalogue.data?.items ?? []).map((i) => [i.domainCode, i.domainName])),
    [catalogue.data],
  );
  const itemNames = new Map((catalogue.data?.items ?? []).map((i) => [i.code, `${i.domainName}·${i.itemName}`]));
  const records =
    s && s.scope.kind === 'station' && s.scope.id
      ? `/services?stationId=${s.scope.id}&from=${s.from}&to=${s.to}`
      : '/services';

  return (
    <section aria-label="服务统计">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Text strong>
          {s ? `${s.scope.name}：${s.from.slice(0, 7)} 至 ${s.to.slice(0, 7)}` : '服务统计'}
        </Typography.Text>
        <DatePicker.RangePicker
          picker="month"
          allowClear={false}
          value={range ?? (s ? [dayjs(s.from), dayjs(s.to)] : null)}
          aria-label="统计期"
          onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
        />
      </Flex>
      {error && <Alert type="error" showIcon title={(error as Error).message} />}
      {isLoading && <Spin />}
      {s && (
        <>
          <Row gutter={[12, 12]}>
            <Kpi
              title="服务记录"
              value={`${s.totals.records} 条`}
              note={`${hours(s.totals.minutes)} 小时`}
              to={records}
            />
            <Kpi
              title="服务人次 / 人数"
              value={`${s.totals.personServices} / ${s.totals.peopleServed}`}
              note={s.totals.headCount ? `另有活动参与 ${s.totals.headCount} 人次` : '按服务对象去重计人数'}
            />
            <Kpi
              title="走访完成"
              value={s.visits.percent == null ? '—' : `${s.visits.percent}%`}
              note={
                <Tooltip title={VISIT_COMPLETION_DEFINITION}>
                  已访 {s.visits.done} / 应访 {s.visits.due} 人 ⓘ
                </Tooltip>
              }
              to="/visits"
            />
            <Kpi
              title="个案"
              value={`${s.cases.active} 个在案`}
              note={`新开 ${s.cases.opened}，结案 ${s.cases.closed}`}
            />
            {!compact && (
              <>
                <Kpi
                  title="预警"
                  value={`${s.alerts.raised} 起`}
                  note={`已处置 ${s.alerts.handled}${s.alerts.meanHoursToAcknowledge == null ? '' : `，平均 ${s.alerts.meanHoursToAcknowledge} 小时响应`}`}
                />
                <Kpi
                  title="转介与资源链接"
                  value={`${s.referrals.submitted} 件`}
                  note={`已获得 ${s.referrals.obtained} 件，${yuan(s.referrals.amountFen)}`}
                />
              </>
            )}
          </Row>
          {!compact && <Details s={s} domainNames={domainNames} itemNames={itemNames} />}
        </>
      )}
    </section>
  );
}

function Details({
  s,
  domainNames,
  itemNames,
}: {
  s: ServiceStatistics;
  domainNames: Map<number, string>;
  itemNames: Map<string, string>;
}) {
  return (
    <>
      <Card size="small" title="按服务领域与月份" style={{ marginTop: 12 }}>
        {s.byDomain.length ? (
          <Suspense fallback={<Spin />}>
            <StatisticsCharts s={s} domainNames={domainNames} />
          </Suspense>
        ) : (
          <Typography.Text type="secondary">统计期内暂无服务记录</Typography.Text>
        )}
      </Card>
      <Card size="small" title="按服务形式" style={{ marginTop: 12 }}>
        <Flex wrap gap={4}>
          {s.byForm.map((f) => (
            <Tag key={f.form}>
              {SERVICE_FORM_LABELS[f.form]} {f.records}
            </Tag>
          ))}
        </Flex>
      </Card>
      {s.byItem.length > 0 && (
        <Card size="small" title="按服务项目（附件2）" style={{ marginTop: 12 }}>
          <Table
            size="small"
            rowKey="code"
            pagination={false}
            dataSource={s.byItem}
            columns={[
              { title: '项目', dataIndex: 'code', render: (c: string) => itemNames.get(c) ?? c },
              { title: '记录', dataIndex: 'records', align: 'right' },
              { title: '人次', dataIndex: 'personServices', align: 'right' },
            ]}
          />
        </Card>
      )}
      <Card size="small" title="服务对象（按统计期内所属类别）" style={{ marginTop: 12 }}>
        {s.byCategory.length ? (
          <Flex wrap gap={4}>
            {s.byCategory.map((c) => (
              <Tag key={c.category} color="blue">
                {CATEGORY_LABELS[c.category]} {c.people} 人
              </Tag>
            ))}
          </Flex>
        ) : (
          <Typography.Text type="secondary">统计期内暂无服务对象</Typography.Text>
        )}
      </Card>
      {s.breakdown.length > 0 && (
        <Card
          size="small"
          title={s.breakdown[0].kind === 'unit' ? '各县（区）对比' : '各社工站对比'}
          style={{ marginTop: 12 }}
        >
          <BreakdownTable
            rows={s.breakdown}
            nameOf={(r) => (r.kind === 'station' ? <Link to={`/stations/${r.id}`}>{r.name}</Link> : r.name)}
          />
        </Card>
      )}
    </>
  );
}
