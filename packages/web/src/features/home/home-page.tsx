import { lazy, Suspense, type ReactNode } from 'react';
import { Link } from 'react-router';
import { Grid, Tag, theme } from 'antd';
import type { DeskFigures, DeskItem, DeskUnit, DeskView } from '@shegong/shared';
import { useAuth } from '../../app/auth';
import { PageHeader } from '../../components/page-header';
import { Panel } from '../../components/panel';
import { Stat } from '../../components/stat';
import { Paragraph } from '../../components/text';
import { useDesk } from './home.api';

// 本月服务 (R-SVC-2, R-SVC-5): its own chunk, so the home page's first bundle stays within its budget.
const HomeServiceFigures = lazy(() =>
  import('../statistics/home-service-figures').then((m) => ({ default: m.HomeServiceFigures })),
);
// 待报告 (R-REP-3): the reader's reports due soon or late, and those waiting for its acceptance; its own chunk too.
const HomeDueReports = lazy(() => import('../reports/home-due-reports').then((m) => ({ default: m.HomeDueReports })));
// 全市实时情况 (R-REP-4): the city's figures by unit and the trend by month; its own chunk too.
const HomeCityPicture = lazy(() =>
  import('../circulars/home-city-picture').then((m) => ({ default: m.HomeCityPicture })),
);
// 逾期整改 (R-EVAL-4): evaluation findings past their deadline and not yet verified; its own chunk too.
const HomeOverdueRectifications = lazy(() =>
  import('../evaluation/home-overdue-rectifications').then((m) => ({ default: m.HomeOverdueRectifications })),
);
// 预警 (R-SVC-5): unhandled alerts in reach, shown at the top until handled; its own chunk too.
const AlertBanner = lazy(() => import('../alerts/alert-banner').then((m) => ({ default: m.AlertBanner })));

const SEVERITY = {
  error: { label: '不合规', color: 'error' },
  warning: { label: '待处理', color: 'warning' },
  info: { label: '提示', color: 'processing' },
} as const;

/** Panel titles are the page's level-two headings, in the panel title's own look. */
const H2 = { margin: 0, fontSize: 'inherit', fontWeight: 'inherit', lineHeight: 'inherit' } as const;

/** 工作台: what waits on the user first (each a link to the record or the filtered list), then the figures. */
export function HomePage() {
  const { user } = useAuth();
  const desk = useDesk();
  const wide = Grid.useBreakpoint().md;
  const v = desk.data;
  return (
    <>
      <PageHeader title="工作台" />
      {user?.permissions.includes('alerts:read') && (
        <Suspense fallback={null}>
          <AlertBanner />
        </Suspense>
      )}
      <Paragraph type="secondary">
        您好，{user?.displayName}（{user?.divisionName}）。{v && `今天是 ${v.today}。`}
      </Paragraph>
      <Panel
        title={<h2 style={H2}>待办事项{v ? `（${v.items.length}）` : ''}</h2>}
        style={{ marginBottom: 16 }}
        bodyStyle={{ padding: 0 }}
      >
        <ToDoList items={v?.items} loading={desk.isLoading} failed={desk.isError} />
      </Panel>
      {v && user?.permissions.includes('reports:read') && (
        <Suspense fallback={null}>
          <HomeDueReports role={user.role} today={v.today} reviewer={user.permissions.includes('reports:review')} />
        </Suspense>
      )}
      {v && user?.permissions.includes('evaluations:read') && (
        <Suspense fallback={null}>
          <HomeOverdueRectifications />
        </Suspense>
      )}
      {v && user?.permissions.includes('services:read') && (
        <Suspense fallback={null}>
          <HomeServiceFigures wide={!!wide} today={v.today} />
        </Suspense>
      )}
      {v?.figures && <Figures f={v.figures} wide={!!wide} />}
      {v && (user?.role === 'city_admin' || user?.role === 'city_officer') && (
        <Suspense fallback={null}>
          <HomeCityPicture wide={!!wide} />
        </Suspense>
      )}
      {v && v.ranking.byBuild.length > 0 && <Ranking ranking={v.ranking} wide={!!wide} />}
    </>
  );
}

/**
 * The to-dos as rows, laid out like antd's List. Not List itself: antd 6's List imports Pagination and through it
 * Select and the virtual list (≈ 38 KB gzipped), and the home page has a bundle budget.
 */
function ToDoList({ items, loading, failed }: { items?: DeskItem[]; loading: boolean; failed: boolean }) {
  const { token } = theme.useToken();
  const empty = (text: string) => (
    <div style={{ padding: token.paddingLG, color: token.colorTextDescription, textAlign: 'center' }}>{text}</div>
  );
  if (loading) return empty('正在加载…');
  if (failed || !items) return empty('待办事项暂时无法加载，请稍后刷新');
  if (!items.length) return empty('暂无待办事项');
  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {items.map((it, i) => (
        <li
          key={`${it.kind}-${it.title}`}
          style={{
            borderBlockEnd:
              i < items.length - 1 ? `${token.lineWidth}px ${token.lineType} ${token.colorSplit}` : undefined,
          }}
        >
          <Link
            to={it.link}
            style={{
              display: 'flex',
              gap: token.marginSM,
              alignItems: 'flex-start',
              padding: `${token.paddingSM}px ${token.paddingLG}px`,
              color: token.colorText,
            }}
          >
            <span
              aria-label={`${it.count} 项`}
              style={{
                flex: 'none',
                minWidth: 40,
                textAlign: 'center',
                fontSize: token.fontSizeHeading4,
                lineHeight: token.lineHeightHeading4,
                color: it.severity === 'error' ? token.colorError : token.colorTextHeading,
              }}
            >
              {it.count}
            </span>
            <span style={{ flex: '1 1 0', minWidth: 0 }}>
              <span style={{ display: 'block', fontWeight: token.fontWeightStrong, color: token.colorLink }}>
                {it.title}
              </span>
              {it.detail && (
                <span style={{ display: 'block', color: token.colorTextDescription, overflowWrap: 'anywhere' }}>
                  {it.detail}
                </span>
              )}
              <span style={{ display: 'block', marginTop: token.marginXXS }}>
                <Tag color={SEVERITY[it.severity].color}>{SEVERITY[it.severity].label}</Tag>
                <span style={{ color: token.colorTextDescription, fontSize: token.fontSizeSM }}>依据 {it.clause}</span>
              </span>
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

function Grid4({ wide, children }: { wide: boolean; children: ReactNode }) {
  return (
    <div
      style={{
        display: 'grid',
        gridTemplateColumns: `repeat(${wide ? 4 : 2}, minmax(0, 1fr))`,
        gap: 16,
        marginBottom: 16,
      }}
    >
      {children}
    </div>
  );
}

/** The scope's key figures: stations built against the plan, workers and the share qualified, this year's money. */
function Figures({ f, wide }: { f: DeskFigures; wide: boolean }) {
  const { token } = theme.useToken();
  // A figure the role cannot open (a township liaison reads no roster or contract) is left out, not shown as 0.
  const { can } = useAuth();
  const note = (text: string) => (
    <div style={{ color: token.colorTextDescription, fontSize: token.fontSizeSM, marginTop: token.marginXXS }}>
      {text}
    </div>
  );
  return (
    <Grid4 wide={wide}>
      {f.stationsPlanned != null ? (
        <Panel>
          <Link to="/progress">
            <Stat title="建设完成率" value={f.buildPercent ?? 0} suffix="%" />
          </Link>
          {note(`建成 ${f.stationsBuilt} / 计划 ${f.stationsPlanned} 个`)}
        </Panel>
      ) : (
        <Panel>
          <Link to="/stations">
            <Stat title="已建成社工站" value={f.stationsBuilt} suffix="个" />
          </Link>
        </Panel>
      )}
      {can('workers:read') && (
        <>
          <Panel>
            <Link to="/workers">
              <Stat title="社工" value={f.workers} suffix="人" />
            </Link>
          </Panel>
          <Panel>
            <Stat title="具备专业资质" value={f.qualifiedPercent ?? 0} suffix="%" />
            {note(`${f.qualified} / ${f.workers} 人`)}
          </Panel>
        </>
      )}
      {can('contracts:read') && (
        <Panel>
          <Link to="/contracts">
            <Stat title={`${f.year} 年签约金额`} value={Math.round(f.contractAmountFen / 100)} suffix="元" />
          </Link>
        </Panel>
      )}
    </Grid4>
  );
}

/** The city's units ranked two ways (units only: individual workers are never ranked). */
function Ranking({ ranking, wide }: { ranking: DeskView['ranking']; wide: boolean }) {
  return (
    <div style={{ display: 'grid', gridTemplateColumns: wide ? '1fr 1fr' : '1fr', gap: 16 }}>
      <Panel title={<h2 style={H2}>各县（区）建设完成率排名</h2>} bodyStyle={{ padding: 0 }}>
        <RankList
          units={ranking.byBuild}
          rate={(u) => u.buildPercent}
          base={(u) => `建成 ${u.built} / 计划 ${u.planned}`}
        />
      </Panel>
      <Panel title={<h2 style={H2}>各县（区）社工专业资质占比排名</h2>} bodyStyle={{ padding: 0 }}>
        <RankList
          units={ranking.byQualified}
          rate={(u) => u.qualifiedPercent}
          base={(u) => `${u.qualified} / ${u.workers} 人`}
        />
      </Panel>
    </div>
  );
}

function RankList({
  units,
  rate,
  base,
}: {
  units: DeskUnit[];
  rate: (u: DeskUnit) => number | null;
  base: (u: DeskUnit) => string;
}) {
  const { token } = theme.useToken();
  return (
    <ol style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {units.map((u, i) => {
        const r = rate(u);
        return (
          <li
            key={u.countyCode}
            style={{
              display: 'grid',
              gridTemplateColumns: '28px minmax(0, 1fr) auto',
              alignItems: 'center',
              gap: token.marginSM,
              padding: `${token.paddingXS}px ${token.paddingLG}px`,
              borderBlockEnd:
                i < units.length - 1 ? `${token.lineWidth}px ${token.lineType} ${token.colorSplit}` : undefined,
            }}
          >
            <span style={{ color: token.colorTextDescription, textAlign: 'right' }}>{i + 1}</span>
            <span>
              {u.countyName}
              <span style={{ display: 'block', color: token.colorTextDescription, fontSize: token.fontSizeSM }}>
                {base(u)}
              </span>
            </span>
            <span style={{ fontVariantNumeric: 'tabular-nums' }}>
              <span
                aria-hidden
                style={{
                  display: 'inline-block',
                  width: 64,
                  height: 6,
                  marginInlineEnd: token.marginXS,
                  verticalAlign: 'middle',
                  borderRadius: 3,
                  background: `linear-gradient(to right, ${token.colorPrimary} ${Math.min(r ?? 0, 100)}%, ${token.colorFillSecondary} 0)`,
                }}
              />
              {r == null ? '—' : `${r}%`}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
