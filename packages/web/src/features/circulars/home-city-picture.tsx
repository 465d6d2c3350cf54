import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import { theme } from 'antd';
import { Panel } from '../../components/panel';
import { Stat } from '../../components/stat';
import { useServiceStatistics } from '../statistics/statistics.api';
import { CircularCards, CircularPlainTable } from './circular-cards';
import { useCircular, useTimeliness } from './circulars.api';

// ECharts in its own chunk: the home page's first bundle stays within its budget.
const CityTrendChart = lazy(() => import('./city-trend-chart').then((m) => ({ default: m.CityTrendChart })));

const H2 = { margin: 0, fontSize: 'inherit', fontWeight: 'inherit', lineHeight: 'inherit' } as const;

/**
 * The city's 工作台 live picture (R-REP-4): this year's figures by unit as the 通报 ranks them, the reports' timeliness,
 * and a trend by month; every number opens the records behind it. Computed when read, so it is always current.
 */
export function HomeCityPicture({ wide }: { wide: boolean }) {
  const { token } = theme.useToken();
  const circular = useCircular({});
  const timeliness = useTimeliness({});
  const services = useServiceStatistics({});
  const c = circular.data;
  const t = timeliness.data;
  if (!c || !t) return null;
  const total = t.total;
  const byMonth = new Map(t.byMonth.map((m) => [m.month, m.timeliness]));
  const months = (services.data?.byMonth ?? []).map((m) => ({
    month: m.month,
    records: m.records,
    timeliness: byMonth.get(m.month) ?? null,
  }));
  const note = (text: string) => (
    <div style={{ color: token.colorTextDescription, fontSize: token.fontSizeSM, marginTop: token.marginXXS }}>
      {text}
    </div>
  );
  return (
    <section aria-label="全市实时情况" style={{ marginBottom: 16 }}>
      <div
        style={{
          display: 'grid',
          gridTemplateColumns: `repeat(${wide ? 4 : 2}, minmax(0, 1fr))`,
          gap: 16,
          marginBottom: 16,
        }}
      >
        <Panel>
          <Link to={`/timeliness?period=${t.period}`}>
            <Stat title={`${t.period}年报告及时率`} value={total.timeliness} suffix="%" />
          </Link>
          {note(`按时 ${total.onTime} / 应报 ${total.expected} 份`)}
        </Panel>
        <Panel>
          <Link to={`/timeliness?period=${t.period}`}>
            <Stat title="报告完成率" value={total.completeness} suffix="%" />
          </Link>
          {note(`已报 ${total.submitted} / 应报 ${total.expected} 份`)}
        </Panel>
        <Panel>
          <Link to={`/reports?period=${t.period}&late=true`}>
            <Stat
              title="逾期与未报"
              value={total.late + total.missing}
              suffix="份"
              color={total.missing ? token.colorError : undefined}
            />
          </Link>
          {note(`其中未报 ${total.missing} 份`)}
        </Panel>
        <Panel>
          <Link to={`/circulars?period=${c.period}`}>
            <Stat title="拟表彰县（区）" value={c.rows.filter((r) => r.commended).length} suffix="个" />
          </Link>
          {note(`通报期间 ${c.from} 至 ${c.to}`)}
        </Panel>
      </div>
      <div style={{ display: 'grid', gap: 16 }}>
        <Panel
          title={<h2 style={H2}>各县（区）{c.period}年情况（按通报排名）</h2>}
          bodyStyle={{ padding: wide ? 0 : 12 }}
        >
          {/* A phone shows the first three units; the whole ranking is one tap away. */}
          {wide ? <CircularPlainTable c={c} /> : <CircularCards c={{ ...c, rows: c.rows.slice(0, 3) }} />}
          {!wide && c.rows.length > 3 && (
            <div style={{ marginTop: 12 }}>
              <Link to={`/circulars?period=${c.period}`}>查看全部 {c.rows.length} 个县（区）的通报排名</Link>
            </div>
          )}
        </Panel>
        <Panel title={<h2 style={H2}>按月趋势</h2>}>
          {months.length > 1 ? (
            <Suspense fallback={null}>
              <CityTrendChart months={months} />
            </Suspense>
          ) : (
            note('本年数据满两个月后显示趋势')
          )}
        </Panel>
      </div>
    </section>
  );
}
