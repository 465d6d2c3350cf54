import { Link } from 'react-router';
import { theme } from 'antd';
import { Panel } from '../../components/panel';
import { Stat } from '../../components/stat';
import { useVisitsDuePage } from '../visits/visits.api';
import { useServiceStatistics } from './statistics.api';

/**
 * 工作台's service figures (R-SVC-2, R-SVC-5): this month's records and people served in the user's scope, the people
 * due a visit (a worker's own), and visit completion — each a link to what is behind it. Loaded after the to-dos;
 * the month is the server's (`today` of the desk), not the browser's.
 */
export function HomeServiceFigures({ wide, today }: { wide: boolean; today: string }) {
  const { token } = theme.useToken();
  const month = today.slice(0, 7);
  const { data: s } = useServiceStatistics({ from: month, to: month });
  const { data: due } = useVisitsDuePage({ withinDays: 0, pageSize: 1 });
  if (!s) return null;
  const note = (text: string) => (
    <div style={{ color: token.colorTextDescription, fontSize: token.fontSizeSM, marginTop: token.marginXXS }}>
      {text}
    </div>
  );
  return (
    <section
      aria-label="本月服务"
      style={{
        display: 'grid',
        gridTemplateColumns: `repeat(${wide ? 4 : 2}, minmax(0, 1fr))`,
        gap: 16,
        marginBottom: 16,
      }}
    >
      <Panel>
        <Link to="/services">
          <Stat title="本月服务记录" value={s.totals.records} suffix="条" />
        </Link>
        {note(`服务人次 ${s.totals.personServices}`)}
      </Panel>
      <Panel>
        <Link to="/statistics">
          <Stat title="本月服务人数" value={s.totals.peopleServed} suffix="人" />
        </Link>
      </Panel>
      {due && (
        <Panel>
          <Link to="/visits">
            <Stat
              title="待走访（已到期）"
              value={due.total}
              suffix="人"
              color={due.overdue ? token.colorError : undefined}
            />
          </Link>
          {note(`其中逾期 ${due.overdue} 人`)}
        </Panel>
      )}
      <Panel>
        <Link to="/statistics">
          <Stat title="本月走访完成率" value={s.visits.percent ?? 0} suffix="%" />
        </Link>
        {note(`已访 ${s.visits.done} / 应访 ${s.visits.due} 人`)}
      </Panel>
    </section>
  );
}
