import { Link } from 'react-router';
import { theme } from 'antd';
import {
  addDays,
  REPORT_AUTHOR,
  REPORT_RECEIVER,
  type ReportLevel,
  type ReportListItem,
  type Role,
} from '@shegong/shared';
import { Panel } from '../../components/panel';
import { ReportStatusTags } from './report-words';
import { useReports } from './reports.api';

/** The reporting level a role writes at (REPORT_AUTHOR) and receives at (REPORT_RECEIVER). */
const LEVEL: Partial<Record<Role, ReportLevel>> = {
  city_admin: 'city',
  city_officer: 'city',
  county_admin: 'county',
  county_officer: 'county',
  org_admin: 'contractor',
  project_lead: 'contractor',
};
/** How far ahead a report counts as due soon. */
const SOON_DAYS = 14;

/**
 * 工作台's 待报告 (R-REP-3): the reader's own reports due within two weeks or late (drafts and returned ones), and for a
 * reviewer the reports waiting for its acceptance; each a link. `today` is the server's (the desk's), not the browser's.
 */
export function HomeDueReports({ role, today, reviewer }: { role: Role; today: string; reviewer: boolean }) {
  const { token } = theme.useToken();
  const level = LEVEL[role];
  const mine = (r: ReportListItem) => REPORT_AUTHOR[r.kind] === level;
  // An officer's scope holds the level below's reports too: ask for its own kind, not a page of everyone's drafts.
  const own = level === 'county' ? 'county_quarterly' : level === 'city' ? 'city_half_year' : undefined;
  const drafts = useReports({ kind: own, status: 'draft', pageSize: 200 }, !!level);
  const returned = useReports({ kind: own, status: 'returned', pageSize: 200 }, !!level);
  const review = level === 'city' ? 'county_quarterly' : undefined;
  const waiting = useReports({ kind: review, status: 'submitted', pageSize: 200 }, !!level && reviewer);
  if (!level) return null;
  const horizon = addDays(today, SOON_DAYS);
  const owed = [...(returned.data?.items ?? []), ...(drafts.data?.items ?? [])]
    .filter((r) => mine(r) && (r.status === 'returned' || r.dueOn <= horizon))
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  const toAccept = (waiting.data?.items ?? []).filter((r) => REPORT_RECEIVER[r.kind] === level);
  if (!owed.length && !toAccept.length) return null;
  const row = (r: ReportListItem, i: number, n: number) => (
    <li
      key={r.id}
      style={{
        padding: `${token.paddingSM}px ${token.paddingLG}px`,
        borderBlockEnd: i < n - 1 ? `${token.lineWidth}px ${token.lineType} ${token.colorSplit}` : undefined,
      }}
    >
      <Link to={`/reports/${r.id}`} style={{ fontWeight: token.fontWeightStrong }}>
        {r.title}
      </Link>
      <div style={{ color: token.colorTextDescription, overflowWrap: 'anywhere', margin: `${token.marginXXS}px 0` }}>
        {r.periodLabel} · 截止 {r.dueOn}
      </div>
      <ReportStatusTags {...r} />
    </li>
  );
  const list = (items: ReportListItem[]) => (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {items.slice(0, 8).map((r, i, all) => row(r, i, all.length))}
    </ul>
  );
  const heading = { margin: 0, fontSize: 'inherit', fontWeight: 'inherit', lineHeight: 'inherit' } as const;
  return (
    <>
      {owed.length > 0 && (
        <Panel
          title={<h2 style={heading}>待报告（{owed.length}）</h2>}
          style={{ marginBottom: 16 }}
          bodyStyle={{ padding: 0 }}
        >
          {list(owed)}
          {owed.length > 8 && <More to="/reports?status=draft" />}
        </Panel>
      )}
      {toAccept.length > 0 && (
        <Panel
          title={<h2 style={heading}>待接收的报告（{toAccept.length}）</h2>}
          style={{ marginBottom: 16 }}
          bodyStyle={{ padding: 0 }}
        >
          {list(toAccept)}
          {toAccept.length > 8 && <More to="/reports?status=submitted" />}
        </Panel>
      )}
    </>
  );
}

function More({ to }: { to: string }) {
  const { token } = theme.useToken();
  return (
    <div style={{ padding: `${token.paddingSM}px ${token.paddingLG}px` }}>
      <Link to={to}>查看全部</Link>
    </div>
  );
}
