import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, Card, Col, Empty, Form, List, Row, Select, Spin, theme } from 'antd';
import type { BeneficiaryListItem } from '@shegong/shared';
import { PageHeader } from '../../components/page-header';
import { Stat } from '../../components/stat';
import { useStations } from '../stations/stations.api';
import { useStationLabel } from '../stations/station-label';
import { useHandover } from './beneficiaries.api';
import { CategoryTags, Nothing, RiskTag, genderAge } from './beneficiary-tags';

/**
 * 交接清单: what a new team inherits at a station. The people, their categories, consents and history belong to the
 * station (the government's record), so a new contractor's workers see them from their first day.
 */
export function HandoverPage() {
  const stationLabel = useStationLabel();
  const stations = useStations({ page: 1, pageSize: 200 });
  const [picked, setPicked] = useState<string | undefined>();
  const only = stations.data?.items.length === 1 ? stations.data.items[0].id : undefined;
  const stationId = picked ?? only;
  const { data, isLoading } = useHandover(stationId);
  const { token } = theme.useToken();

  return (
    <>
      <PageHeader title="交接清单" crumbs={[{ title: '服务对象', to: '/beneficiaries' }, { title: '交接清单' }]} />
      <Card style={{ marginBottom: 16 }}>
        <Form layout="vertical" style={{ maxWidth: 480 }}>
          <Form.Item label="社工站" htmlFor="handover-station" style={{ marginBottom: 0 }}>
            <Select
              id="handover-station"
              size="large"
              value={stationId}
              onChange={setPicked}
              placeholder="选择要交接的社工站"
              showSearch={{ optionFilterProp: 'label' }}
              loading={stations.isLoading}
              options={(stations.data?.items ?? []).map((s) => ({
                value: s.id,
                label: stationLabel(s.name, s.countyCode),
              }))}
            />
          </Form.Item>
        </Form>
      </Card>
      {!stationId && <Empty description="选择社工站后显示交接内容" />}
      {stationId && isLoading && <Spin />}
      {data && (
        <>
          <Card title={`${data.stationName}：交接概况`} style={{ marginBottom: 16 }}>
            <Row gutter={[16, 16]}>
              <Col xs={12} md={6}>
                <Stat title="服务对象" value={data.total} suffix="人" />
              </Col>
              <Col xs={12} md={6}>
                <Stat title="其中未成年人" value={data.minors} suffix="人" />
              </Col>
              <Col xs={12} md={6}>
                <Stat
                  title="无有效同意记录"
                  value={data.withoutConsent}
                  suffix="人"
                  color={data.withoutConsent ? token.colorError : undefined}
                />
              </Col>
              <Col xs={12} md={6}>
                <Stat
                  title="负责社工不在本站"
                  value={data.unassignedTotal}
                  suffix="人"
                  color={data.unassignedTotal ? token.colorError : undefined}
                />
              </Col>
            </Row>
            <Alert
              type="info"
              showIcon
              style={{ marginTop: 16 }}
              title={
                data.openCases === null
                  ? '在办个案和待走访：服务模块上线后提供'
                  : `在办个案 ${data.openCases} 件，待走访 ${data.visitsDue ?? 0} 人`
              }
            />
          </Card>
          <PeopleCard title="高风险对象" items={data.highRisk} empty="没有高风险对象" />
          <PeopleCard
            title="负责社工不在本站"
            note={`共 ${data.unassignedTotal} 人，新团队请为他们重新指定负责社工`}
            items={data.unassigned}
            empty="每位对象的负责社工都在本站"
          />
        </>
      )}
    </>
  );
}

function PeopleCard({
  title,
  note,
  items,
  empty,
}: {
  title: string;
  note?: string;
  items: BeneficiaryListItem[];
  empty: string;
}) {
  const { token } = theme.useToken();
  return (
    <Card title={title} style={{ marginBottom: 16 }}>
      {note && items.length > 0 && <div style={{ color: token.colorTextSecondary }}>{note}</div>}
      <List
        dataSource={items}
        locale={{ emptyText: <Nothing>{empty}</Nothing> }}
        renderItem={(b) => (
          <List.Item key={b.id}>
            {b.restricted ? (
              <span>敏感记录</span>
            ) : (
              <div>
                <Link to={`/beneficiaries/${b.id}`}>{b.name}</Link>{' '}
                <span style={{ color: token.colorTextSecondary }}>
                  {genderAge(b)} · {b.village || '—'} · 负责社工 {b.workerName ?? '未指定'}
                </span>{' '}
                <RiskTag level={b.riskLevel} />
                <CategoryTags categories={b.categories} />
              </div>
            )}
          </List.Item>
        )}
      />
    </Card>
  );
}
