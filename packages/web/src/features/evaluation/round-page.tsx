import { useParams } from 'react-router';
import dayjs from 'dayjs';
import { Alert, Card, Descriptions, Spin } from 'antd';
import { EVALUATION_KIND_LABELS, type EvaluationRoundView } from '@shegong/shared';
import { PageHeader } from '../../components/page-header';
import { AnnualResult } from './round-annual';
import { RoundDownloads, RoundEvaluators, RoundEvidence } from './round-evaluators';
import { RoundRectifications } from './round-rectifications';
import { RoundScoring } from './round-scoring';
import { RoundKindTag, RoundResult, RoundStatusTag, YearPeriod } from './round-tags';
import { useRound } from './rounds.api';

/**
 * One evaluation round (R-EVAL-1, R-EVAL-2, R-CON-2): who and what is evaluated, the year's result as its rounds stand,
 * the indicators scored item by item beside the platform's figures, the on-site record and findings, the sign-off;
 * then the 整改 items raised from it (R-EVAL-4).
 */
export function RoundPage() {
  const { roundId = '' } = useParams();
  const { data: r, error, isLoading } = useRound(roundId);
  if (isLoading) return <Spin style={{ margin: 48 }} />;
  if (error || !r)
    return <Alert type="error" showIcon title={(error as Error | null)?.message ?? '评估不存在或无权查看'} />;
  return (
    <>
      <PageHeader
        title={`${EVALUATION_KIND_LABELS[r.kind]}：${r.contractTitle}`}
        tags={
          <>
            <RoundKindTag kind={r.kind} />
            <RoundStatusTag status={r.status} />
          </>
        }
        crumbs={[
          { title: '工作台', to: '/' },
          { title: '评估', to: '/evaluations' },
          { title: EVALUATION_KIND_LABELS[r.kind] },
        ]}
        extra={<RoundDownloads id={r.id} />}
      />
      <RoundFacts r={r} />
      <RoundEvaluators key={`${r.id}/${r.version}`} r={r} />
      <AnnualResult r={r} />
      <RoundScoring key={`${r.id}/${r.status}`} r={r} />
      <RoundEvidence r={r} />
      <div style={{ marginTop: 16 }}>
        <RoundRectifications roundId={r.id} canCreate={r.abilities.rectify} />
      </div>
    </>
  );
}

function RoundFacts({ r }: { r: EvaluationRoundView }) {
  const s = r.sample;
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2, xxl: 3 }}
        items={[
          { key: 'org', label: '承接机构', children: r.organisationName },
          { key: 'unit', label: '县区', children: r.unitName },
          { key: 'year', label: '评估期间', children: <YearPeriod {...r} /> },
          {
            key: 'set',
            label: '指标体系',
            children: `${r.setName}（满分 ${r.totalPoints} 分，合格线 ${r.passLine} 分）`,
          },
          { key: 'who', label: '评估人员', children: r.evaluators || '未填写' },
          { key: 'total', label: '总分/等次', children: <RoundResult {...r} /> },
          ...(r.signedOffAt
            ? [
                {
                  key: 'signed',
                  label: '签署',
                  children: `${r.signedOffBy ?? ''} ${dayjs(r.signedOffAt).format('YYYY-MM-DD')}`,
                },
              ]
            : []),
          ...(s
            ? [
                {
                  key: 'sample',
                  label: '抽查方式',
                  children:
                    s.mode === 'random'
                      ? `随机抽取：${s.on} 在履行的 ${s.poolSize} 个年度协议中抽取，随机种子 ${s.seed}`
                      : `指定抽查：${s.reason}`,
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
