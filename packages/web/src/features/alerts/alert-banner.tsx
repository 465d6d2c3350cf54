import { Link } from 'react-router';
import { Alert } from 'antd';
import { ALERT_KIND_LABELS } from '@shegong/shared';
import { fmtDateTime } from '../../lib/format';
import { useAlertSummary } from './alerts.api';

/**
 * R-SVC-5: unhandled alerts in the viewer's reach, at the top of the 工作台 (the page a login lands on) until they are
 * closed — a count and the oldest few, each a link to the alert.
 */
export function AlertBanner() {
  const { data } = useAlertSummary(true);
  if (!data || data.active === 0) return null;
  const title = [
    data.open ? `${data.open} 条预警待响应` : '',
    data.active - data.open ? `${data.active - data.open} 条处置中` : '',
    data.escalated ? `其中 ${data.escalated} 条超时未响应，已上报市级` : '',
  ]
    .filter(Boolean)
    .join('，');
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={{ marginBottom: 16 }}
      title={<Link to="/alerts?active=true">{title}</Link>}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {data.top.map((a) => (
            <li key={a.id}>
              <Link to={`/alerts/${a.id}`}>
                {ALERT_KIND_LABELS[a.kind]}：{a.beneficiaryName ?? '—'}（{a.stationName}），{fmtDateTime(a.raisedAt)}{' '}
                发出
                {a.status === 'open' ? '，待响应' : '，处置中'}
              </Link>
            </li>
          ))}
        </ul>
      }
    />
  );
}
