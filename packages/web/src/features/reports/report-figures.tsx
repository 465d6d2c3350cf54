import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Card, Col, Row, Table, Typography } from 'antd';
import { CATEGORY_LABELS, SERVICE_FORM_LABELS, type ReportFigures, type ReportView } from '@shegong/shared';
import { qs } from '../../lib/api';
import { fmtDateTime } from '../../lib/format';
import { useCatalogue } from '../services/services.api';
import { BreakdownTable, hours } from '../statistics/breakdown-table';

const yuan = (fen: number) => `¥${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2 })}`;
const LATER = '该模块上线后自动生成';

/** Where a figure's records are: the lists, narrowed to the report's station, unit or contractor and period (the reader's scope does the rest). */
function linksFor(r: ReportView) {
  const station = r.stationId ?? undefined;
  const period = { from: r.figures.from, to: r.figures.to };
  // A county's report: its unit's records; an agreement year's: its contractor's; the city's: the reader's city.
  const unit = r.kind === 'county_quarterly' ? r.unitCode : undefined;
  const organisationId = r.kind.startsWith('agreement_') ? (r.organisationId ?? undefined) : undefined;
  return {
    services: (extra: Record<string, unknown> = {}) =>
      `/services${qs({ stationId: station, unit, organisationId, ...period, ...extra })}`,
    workers: (extra: Record<string, unknown> = {}) => `/workers${qs({ stationId: station, ...extra })}`,
    visits: '/visits',
    cases: `/cases${qs({ stationId: station })}`,
    alerts: `/alerts${qs({ stationId: station })}`,
    referrals: `/referrals${qs({ stationId: station })}`,
    trainings: '/trainings',
    plan: '/progress',
    beneficiaries: (category: string) => `/beneficiaries${qs({ stationId: station, category })}`,
  };
}

function Figure({ label, value, to, note }: { label: string; value: ReactNode; to?: string; note?: ReactNode }) {
  return (
    <Col xs={12} md={8} xl={6}>
      <Typography.Text type="secondary">{label}</Typography.Text>
      <div style={{ fontSize: 20, lineHeight: 1.5 }}>{to ? <Link to={to}>{value}</Link> : value}</div>
      {note && <Typography.Text type="secondary">{note}</Typography.Text>}
    </Col>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card size="small" title={<h3 style={{ margin: 0, fontSize: 'inherit' }}>{title}</h3>} style={{ marginBottom: 12 }}>
      {children}
    </Card>
  );
}

/**
 * The computed figures of a report (R-REP-3), section by section; every figure links to the records behind it. Health
 * categories never reach report figures (R-SCOPE-2); modules not yet built say so instead of a zero.
 */
export function ReportFiguresView({ r }: { r: ReportView }) {
  const f: ReportFigures = r.figures;
  const s = f.services;
  const to = linksFor(r);
  const catalogue = useCatalogue();
  const items = new Map((catalogue.data?.items ?? []).map((i) => [i.code, i]));
  const domains = new Map((catalogue.data?.items ?? []).map((i) => [i.domainCode, i.domainName]));
  const groups = s.byForm.find((x) => x.form === 'group_work');
  const community = s.byForm.find((x) => x.form === 'community_activity');
  return (
    <>
      <Typography.Paragraph type="secondary">
        统计期 {f.from} 至 {f.to}（按整月汇总）。
        {r.frozen
          ? `数字已于 ${fmtDateTime(f.computedAt).slice(0, 16)} 锁定。`
          : `数字按现有记录实时计算（${fmtDateTime(f.computedAt).slice(0, 16)}）。`}
        点击数字查看对应记录。
      </Typography.Paragraph>
      {f.plan && (
        <Section title="社工站建设">
          <Row gutter={[12, 12]}>
            <Figure label="计划建站" value={`${f.plan.planned} 个`} to={to.plan} />
            <Figure label="已建成" value={`${f.plan.built} 个`} to={to.plan} />
            <Figure label="运营中" value={`${f.plan.operating} 个`} to="/stations" />
          </Row>
        </Section>
      )}
      <Section title={`人员配备（截至 ${f.staffing.asOf}）`}>
        <Row gutter={[12, 12]}>
          <Figure label="运营站点" value={`${f.staffing.operatingStations} 个`} to="/stations" />
          <Figure label="未配齐两名驻站社工" value={`${f.staffing.understaffedStations} 个`} to="/staff-overview" />
          <Figure label="在岗社工" value={`${f.staffing.workers} 人`} to={to.workers()} />
          <Figure label="具备专业资质" value={`${f.staffing.qualified} 人`} to={to.workers()} />
          <Figure label="已备案" value={`${f.staffing.filed} 人`} to={to.workers({ filingStatus: 'filed' })} />
        </Row>
      </Section>
      <Section title="服务记录">
        <Row gutter={[12, 12]}>
          <Figure
            label="服务记录"
            value={`${s.totals.records} 条`}
            to={to.services()}
            note={`${hours(s.totals.minutes)} 小时`}
          />
          <Figure label="服务人次" value={`${s.totals.personServices} 人次`} to={to.services()} />
          <Figure label="服务人数" value={`${s.totals.peopleServed} 人`} to={to.services()} note="按服务对象去重" />
          <Figure
            label="活动参与（不记名）"
            value={`${s.totals.headCount} 人次`}
            to={to.services({ form: 'community_activity' })}
          />
        </Row>
        <FigureTable
          caption="按服务领域与项目（附件2）"
          rows={[
            ...s.byDomain.map((d) => ({
              key: `d${d.domainCode}`,
              name: <strong>{domains.get(d.domainCode) ?? `领域 ${d.domainCode}`}</strong>,
              to: to.services({ domain: d.domainCode }),
              ...d,
            })),
            ...s.byItem.map((i) => ({
              key: `i${i.code}`,
              name: (
                <span style={{ paddingInlineStart: 16 }}>
                  {items.get(i.code) ? `${items.get(i.code)!.itemNumber}. ${items.get(i.code)!.itemName}` : i.code}
                </span>
              ),
              to: to.services({ item: i.code }),
              ...i,
            })),
          ].sort((a, b) => a.domainCode - b.domainCode || (a.key[0] === 'd' ? -1 : b.key[0] === 'd' ? 1 : 0))}
        />
        <FigureTable
          caption="按服务形式"
          rows={s.byForm
            .filter((x) => x.records > 0)
            .map((x) => ({
              key: x.form,
              name: SERVICE_FORM_LABELS[x.form],
              to: to.services({ form: x.form }),
              ...x,
            }))}
        />
      </Section>
      <Section title="服务对象（按统计期内所属类别）">
        {s.byCategory.length ? (
          <Row gutter={[12, 12]}>
            {s.byCategory.map((c) => (
              <Figure
                key={c.category}
                label={CATEGORY_LABELS[c.category]}
                value={`${c.people} 人`}
                to={to.beneficiaries(c.category)}
              />
            ))}
          </Row>
        ) : (
          <Typography.Text type="secondary">统计期内暂无服务对象</Typography.Text>
        )}
      </Section>
      <Section title="走访、个案、预警与转介">
        <Row gutter={[12, 12]}>
          <Figure
            label="走访完成（已访 / 应访）"
            value={`${s.visits.done} / ${s.visits.due} 人`}
            to={to.visits}
            note={s.visits.percent == null ? '统计期内无应访' : `完成率 ${s.visits.percent}%`}
          />
          <Figure
            label="个案（新开 / 在案 / 结案）"
            value={`${s.cases.opened} / ${s.cases.active} / ${s.cases.closed}`}
            to={to.cases}
          />
          <Figure
            label="预警（发生 / 已处置）"
            value={`${s.alerts.raised} / ${s.alerts.handled} 起`}
            to={to.alerts}
            note={
              s.alerts.meanHoursToAcknowledge == null ? undefined : `平均 ${s.alerts.meanHoursToAcknowledge} 小时响应`
            }
          />
          <Figure
            label="转介（提交 / 获得）"
            value={`${s.referrals.submitted} / ${s.referrals.obtained} 件`}
            to={to.referrals}
            note={yuan(s.referrals.amountFen)}
          />
        </Row>
      </Section>
      <Section title="小组与社区活动、培训">
        <Row gutter={[12, 12]}>
          <Figure label="小组工作" value={`${groups?.records ?? 0} 次`} to={to.services({ form: 'group_work' })} />
          <Figure
            label="社区活动"
            value={`${community?.records ?? 0} 次`}
            to={to.services({ form: 'community_activity' })}
          />
          <Figure label="培训场次" value={`${f.trainings.sessions} 场`} to={to.trainings} />
          <Figure
            label="培训人次 / 学时"
            value={`${f.trainings.participants} 人次 / ${f.trainings.hours} 小时`}
            to={to.trainings}
          />
        </Row>
      </Section>
      <Section title="志愿服务、年度服务目标与资金">
        <Row gutter={[12, 12]}>
          <Figure
            label="志愿服务时长"
            value={f.volunteers ?? <Typography.Text type="secondary">{LATER}</Typography.Text>}
          />
          <Figure
            label="年度服务目标完成"
            value={f.targets ?? <Typography.Text type="secondary">{LATER}</Typography.Text>}
          />
          <Figure label="资金使用" value={f.funds ?? <Typography.Text type="secondary">{LATER}</Typography.Text>} />
        </Row>
      </Section>
      {s.breakdown.length > 0 && (
        <Section title={s.breakdown[0].kind === 'unit' ? '各县（区）' : '各社工站'}>
          <BreakdownTable
            rows={s.breakdown}
            nameOf={(b) =>
              b.kind === 'station' ? <Link to={to.services({ stationId: b.id })}>{b.name}</Link> : b.name
            }
          />
        </Section>
      )}
    </>
  );
}

interface FigureRow {
  key: string;
  name: ReactNode;
  to: string;
  records: number;
  personServices: number;
  minutes: number;
}
function FigureTable({ caption, rows }: { caption: string; rows: FigureRow[] }) {
  if (!rows.length) return null;
  return (
    <Table<FigureRow>
      size="small"
      style={{ marginTop: 12 }}
      rowKey="key"
      pagination={false}
      scroll={{ x: true }}
      title={() => <Typography.Text strong>{caption}</Typography.Text>}
      dataSource={rows}
      columns={[
        { title: '类别', key: 'name', render: (_, x) => x.name },
        { title: '服务记录', key: 'records', align: 'right', render: (_, x) => <Link to={x.to}>{x.records}</Link> },
        { title: '服务人次', key: 'ps', align: 'right', render: (_, x) => <Link to={x.to}>{x.personServices}</Link> },
        // Phones keep the counts; the hours are on the Excel export.
        { title: '时长（小时）', key: 'min', align: 'right', responsive: ['md'], render: (_, x) => hours(x.minutes) },
      ]}
    />
  );
}
