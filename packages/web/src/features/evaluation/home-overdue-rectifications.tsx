import { Link } from 'react-router';
import { theme } from 'antd';
import { Panel } from '../../components/panel';
import { OverdueTag, RectificationStatusTag } from './rectification-tags';
import { useRectifications } from './rectifications.api';

const TOP = 5;

/**
 * 工作台's 逾期整改 (R-EVAL-4): items in reach past their deadline and not yet verified (waiting for the contractor
 * first, then the earliest deadline), each a link to the list of overdue items. Shown only when there are some.
 */
export function HomeOverdueRectifications() {
  const { token } = theme.useToken();
  const { data } = useRectifications({ overdue: 'true', page: 1, pageSize: TOP });
  if (!data?.total) return null;
  const heading = { margin: 0, fontSize: 'inherit', fontWeight: 'inherit', lineHeight: 'inherit' } as const;
  return (
    <Panel
      title={<h2 style={heading}>逾期整改（{data.total}）</h2>}
      style={{ marginBottom: 16 }}
      bodyStyle={{ padding: 0 }}
    >
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {data.items.map((r) => (
          <li
            key={r.id}
            style={{
              padding: `${token.paddingSM}px ${token.paddingLG}px`,
              borderBlockEnd: `${token.lineWidth}px ${token.lineType} ${token.colorSplit}`,
            }}
          >
            <Link
              to="/rectifications?overdue=true"
              style={{ fontWeight: token.fontWeightStrong, overflowWrap: 'anywhere' }}
            >
              {r.finding}
            </Link>
            <div
              style={{ color: token.colorTextDescription, overflowWrap: 'anywhere', margin: `${token.marginXXS}px 0` }}
            >
              {r.organisationName} · {r.contractTitle} · 期限 {r.deadline}
            </div>
            <RectificationStatusTag status={r.status} />
            <OverdueTag days={r.overdueDays} />
          </li>
        ))}
      </ul>
      <div style={{ padding: `${token.paddingSM}px ${token.paddingLG}px` }}>
        <Link to="/rectifications?overdue=true">查看全部逾期整改事项</Link>
      </div>
    </Panel>
  );
}
