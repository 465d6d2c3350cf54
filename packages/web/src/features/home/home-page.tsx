import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, List, Row, Statistic, Tag, Typography } from 'antd';
import { clauseOf, withClauses, type ProgressReport } from '@shegong/shared';
import { useAuth } from '../../app/auth';
import { PageHeader } from '../../components/page-header';
import { StationStatusTag } from '../../components/status-tag';
import { api } from '../../lib/api';
import { useStations } from '../stations/stations.api';

/** 工作台: the numbers first, then the stations whose findings need action. */
export function HomePage() {
  const { user, can } = useAuth();
  const stations = useStations({ page: 1, pageSize: 200 });
  const progress = useQuery({
    queryKey: ['progress'],
    queryFn: () => api.get<ProgressReport>('/api/v1/plan/progress'),
    enabled: can('plan:read'),
  });
  const items = stations.data?.items ?? [];
  const attention = items.filter((s) => s.findings.some((f) => f.severity === 'error'));
  const t = progress.data?.total.total;
  return (
    <>
      <PageHeader title="工作台" />
      <Typography.Paragraph type="secondary">
        您好，{user?.displayName}（{user?.divisionName}）。
      </Typography.Paragraph>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {t && (
          <Col xs={12} md={6}>
            <Card>
              <Link to="/progress">
                <Statistic title="建设完成率" value={t.percent ?? 0} suffix="%" />
              </Link>
            </Card>
          </Col>
        )}
        <Col xs={12} md={6}>
          <Card>
            <Link to="/stations">
              <Statistic title="已登记社工站" value={stations.data?.total ?? 0} />
            </Link>
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title="运营中" value={items.filter((s) => s.status === 'operating').length} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic
              title="有不合规项的站点"
              value={attention.length}
              styles={{ content: { color: attention.length ? '#cf1322' : undefined } }}
            />
          </Card>
        </Col>
      </Row>
      <Card title="待处理的合规提示">
        <List
          dataSource={attention.slice(0, 20)}
          locale={{ emptyText: '暂无待处理的不合规项' }}
          renderItem={(s) => (
            <List.Item>
              <List.Item.Meta
                title={<Link to={`/stations/${s.id}`}>{s.name}</Link>}
                description={s.findings
                  .filter((f) => f.severity === 'error')
                  .map((f) => (
                    <div key={f.ruleId + f.message}>
                      <Tag>{clauseOf(f.ruleId)}</Tag>
                      {withClauses(f.message)}
                    </div>
                  ))}
              />
              <StationStatusTag status={s.status} />
            </List.Item>
          )}
        />
      </Card>
    </>
  );
}
