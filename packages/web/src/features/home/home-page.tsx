import { Link } from 'react-router';
import { Grid, Tag, theme } from 'antd';
import { clauseOf, withClauses, type StationView } from '@shegong/shared';
import { useAuth } from '../../app/auth';
import { PageHeader } from '../../components/page-header';
import { Panel } from '../../components/panel';
import { Stat } from '../../components/stat';
import { StationStatusTag } from '../../components/status-tag';
import { Paragraph } from '../../components/text';
import { useHomeProgress, useHomeStations } from './home.api';

/** 工作台: the numbers first, then the stations whose findings need action. */
export function HomePage() {
  const { user, can } = useAuth();
  const stations = useHomeStations();
  const progress = useHomeProgress(can('plan:read'));
  const items = stations.data?.items ?? [];
  const attention = items.filter((s) => s.findings.some((f) => f.severity === 'error'));
  const t = progress.data?.total.total;
  // Four figures a row from md up, two on phones (as antd Row/Col xs=12 md=6 with a 16 px gutter).
  const wide = Grid.useBreakpoint().md;
  return (
    <>
      <PageHeader title="工作台" />
      <Paragraph type="secondary">
        您好，{user?.displayName}（{user?.divisionName}）。
      </Paragraph>
      <div
        style={{
          display: 'grid',
          gridTemplateColumns: `repeat(${wide ? 4 : 2}, minmax(0, 1fr))`,
          gap: 16,
          marginBottom: 16,
        }}
      >
        {t && (
          <Panel>
            <Link to="/progress">
              <Stat title="建设完成率" value={t.percent ?? 0} suffix="%" />
            </Link>
          </Panel>
        )}
        <Panel>
          <Link to="/stations">
            <Stat title="已登记社工站" value={stations.data?.total ?? 0} />
          </Link>
        </Panel>
        <Panel>
          <Stat title="运营中" value={items.filter((s) => s.status === 'operating').length} />
        </Panel>
        <Panel>
          <Stat title="有不合规项的站点" value={attention.length} color={attention.length ? '#cf1322' : undefined} />
        </Panel>
      </div>
      <Panel title="待处理的合规提示">
        <AttentionList stations={attention.slice(0, 20)} />
      </Panel>
    </>
  );
}

/**
 * The stations with open findings, laid out like antd's List (title, findings below, status on the right). Not List
 * itself: antd 6's List always imports Pagination and through it Select and the virtual list (≈ 38 KB gzipped) for
 * a paged list this one never is (at most 20 rows).
 */
function AttentionList({ stations }: { stations: StationView[] }) {
  const { token } = theme.useToken();
  if (!stations.length)
    return (
      <div style={{ padding: token.padding, color: token.colorTextDisabled, textAlign: 'center' }}>
        暂无待处理的不合规项
      </div>
    );
  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {stations.map((s, i) => (
        <li
          key={s.id}
          style={{
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            padding: `${token.paddingContentVertical}px 0`,
            borderBlockEnd:
              i < stations.length - 1 ? `${token.lineWidth}px ${token.lineType} ${token.colorSplit}` : undefined,
          }}
        >
          <div style={{ flex: '1 0', width: 0 }}>
            <h4 style={{ margin: `0 0 ${token.marginXXS}px`, fontSize: token.fontSize, lineHeight: token.lineHeight }}>
              <Link to={`/stations/${s.id}`} style={{ color: token.colorText }}>
                {s.name}
              </Link>
            </h4>
            <div style={{ color: token.colorTextDescription }}>
              {s.findings
                .filter((f) => f.severity === 'error')
                .map((f) => (
                  <div key={f.ruleId + f.message}>
                    <Tag>{clauseOf(f.ruleId)}</Tag>
                    {withClauses(f.message)}
                  </div>
                ))}
            </div>
          </div>
          <StationStatusTag status={s.status} />
        </li>
      ))}
    </ul>
  );
}
