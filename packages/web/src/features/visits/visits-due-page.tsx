import { Link } from 'react-router';
import { Alert, Button, Empty, Flex, Pagination, Segmented, Select, Spin, Tag, Typography, theme } from 'antd';
import { useState } from 'react';
import { RISK_LABELS, RISK_LEVELS, type RiskLevel, type VisitDueItem } from '@shegong/shared';
import { useAuth } from '../../app/auth';
import { PageHeader } from '../../components/page-header';
import { RiskTag } from '../beneficiaries/beneficiary-tags';
import { useMyStations } from '../services/services.api';
import { useVisitsDuePage } from './visits.api';
import { VisitIntervalsCard } from './visit-intervals-card';

/** Plain words for how far a visit is from its due date. */
function dueWords(v: VisitDueItem) {
  if (v.daysOverdue > 0) return <Tag color="error">逾期 {v.daysOverdue} 天</Tag>;
  if (v.daysOverdue === 0) return <Tag color="warning">今天到期</Tag>;
  return <Tag color="processing">{-v.daysOverdue} 天后到期</Tag>;
}

const LOOK_AHEAD = [
  { value: 0, label: '已到期' },
  { value: 7, label: '含 7 天内' },
  { value: 30, label: '含 30 天内' },
];

/**
 * 待走访 (R-SVC-5), phone-first: the people due a home visit by their risk level's interval, overdue first; a worker's
 * own people unless they look at the whole station. Each row leads to the person and to the quick entry.
 */
export function VisitsDuePage() {
  const { user, can } = useAuth();
  const { token } = theme.useToken();
  const worker = user?.role === 'social_worker';
  const [mine, setMine] = useState(true);
  const [risk, setRisk] = useState<RiskLevel | undefined>();
  const [withinDays, setWithinDays] = useState(7);
  const [stationId, setStationId] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const stations = useMyStations();
  const q = { mine: worker ? mine : undefined, risk, withinDays, stationId, page, pageSize: 20 };
  const { data, isLoading, error } = useVisitsDuePage(q);
  const reset =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };

  return (
    <>
      <PageHeader
        title="待走访"
        extra={
          can('services:write') && (
            <Link to="/services/new">
              <Button type="primary" size="large">
                记一条服务
              </Button>
            </Link>
          )
        }
      />
      <Typography.Paragraph type="secondary">
        按风险等级的走访周期计算：最近一次入户走访加上走访周期即为下次应走访日期；从未走访的，自首次风险评估之日起即应走访。只有“走访入户”记录算作走访。
      </Typography.Paragraph>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        {worker && (
          <Segmented
            value={mine ? 'mine' : 'all'}
            onChange={(v) => reset(setMine)(v === 'mine')}
            options={[
              { value: 'mine', label: '我负责的' },
              { value: 'all', label: '全站' },
            ]}
          />
        )}
        <Segmented value={withinDays} onChange={(v) => reset(setWithinDays)(Number(v))} options={LOOK_AHEAD} />
        <Select
          allowClear
          placeholder="风险等级"
          aria-label="风险等级"
          style={{ minWidth: 110 }}
          value={risk}
          onChange={reset(setRisk)}
          options={RISK_LEVELS.map((r) => ({ value: r, label: RISK_LABELS[r] }))}
        />
        {!worker && (stations.data?.items.length ?? 0) > 1 && (
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder="社工站"
            aria-label="社工站"
            style={{ minWidth: 200 }}
            value={stationId}
            onChange={reset(setStationId)}
            options={stations.data?.items.map((s) => ({ value: s.id, label: s.name }))}
          />
        )}
      </Flex>
      {error && <Alert type="error" showIcon title={(error as Error).message} style={{ marginBottom: 12 }} />}
      {data && (
        <Typography.Paragraph>
          共 <strong>{data.total}</strong> 人，其中逾期{' '}
          <strong style={{ color: data.overdue ? token.colorError : undefined }}>{data.overdue}</strong> 人（截至{' '}
          {data.horizon}）
        </Typography.Paragraph>
      )}
      {isLoading ? (
        <Spin />
      ) : !data?.items.length ? (
        <Empty description="暂无需要走访的服务对象" />
      ) : (
        <ul aria-label="待走访名单" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {data.items.map((v) => (
            <li
              key={v.beneficiaryId}
              style={{
                background: token.colorBgContainer,
                border: `1px solid ${token.colorBorderSecondary}`,
                borderRadius: token.borderRadiusLG,
                padding: token.paddingSM,
                marginBottom: 8,
              }}
            >
              <Flex justify="space-between" align="center" gap={8} wrap>
                <Link to={`/beneficiaries/${v.beneficiaryId}`} style={{ fontSize: token.fontSizeLG }}>
                  {v.name}
                </Link>
                <span>
                  <RiskTag level={v.riskLevel} />
                  {dueWords(v)}
                </span>
              </Flex>
              <div style={{ color: token.colorTextDescription, marginTop: 4 }}>
                {[v.village, v.stationName, v.workerName && `责任社工 ${v.workerName}`].filter(Boolean).join(' · ')}
              </div>
              <div style={{ color: token.colorTextDescription }}>
                应走访 {v.dueOn} · 上次走访 {v.lastVisitOn ?? '从未'} · 每 {v.intervalDays} 天
              </div>
            </li>
          ))}
        </ul>
      )}
      {data && data.total > data.pageSize && (
        <Pagination
          simple
          current={page}
          pageSize={data.pageSize}
          total={data.total}
          onChange={setPage}
          style={{ marginTop: 8 }}
        />
      )}
      <VisitIntervalsCard />
    </>
  );
}
