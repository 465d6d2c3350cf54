import { Link } from 'react-router';
import { Alert } from 'antd';
import type { EvaluationRoundView } from '@shegong/shared';

/**
 * The agreement year's result as its rounds stand (R-CON-2, 《实施方案》五（三））: what is still missing, or the score,
 * grade and verdict — a pass lets the county sign the next agreement, a failure means procurement starts again.
 */
export function AnnualResult({ r }: { r: EvaluationRoundView }) {
  const a = r.annual;
  if (!a) return null;
  const year = `第 ${r.yearNo} 年度评估结果`;
  const verdict = (passed: boolean) => (passed ? '合格' : '不合格');
  if (!a.complete)
    return (
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={`${year}尚未得出`}
        description={`${a.missing}。年度结果由县级中期、末期评估（及市级抽查）签署后自动得出，作为能否续签的依据（《实施方案》五（三））。`}
      />
    );
  return (
    <Alert
      type={a.passed ? 'success' : 'error'}
      showIcon
      style={{ marginBottom: 16 }}
      title={`${year}：${a.score} 分，${a.grade === verdict(a.passed) ? '' : `${a.grade}，`}${verdict(a.passed)}`}
      description={
        <>
          <div>{a.basis}</div>
          {a.passed ? (
            <div>
              年度评估合格后续签（《实施方案》五（三））。
              <Link to={`/contracts/${r.contractId}`} style={{ textDecoration: 'underline' }}>
                到合同页签订第 {r.yearNo + 1} 年度协议
              </Link>
            </div>
          ) : (
            <div>
              评估不合格的不予续签，需按政府采购程序重新确定承接主体（《实施方案》五（三））。
              <Link to={`/contracts/${r.contractId}`} style={{ textDecoration: 'underline' }}>
                查看合同
              </Link>
            </div>
          )}
        </>
      }
    />
  );
}
