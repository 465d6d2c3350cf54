import type { Scope } from '@shegong/shared';
import type { Db, DbOrTx } from '../../db/database';
import { writeAudit } from '../../platform/audit/audit';
import type { Clock } from '../../platform/clock';
import type { ActorContext } from '../../platform/http/context';
import { agreementYearsRepository as repo, type AgreementYear } from './agreement-years.repository';

export type { AgreementYear } from './agreement-years.repository';

/**
 * Agreement years for 督导评估 (R-EVAL-1, R-CON-2): the years an evaluation round may be opened for, the pool of a
 * spot check, and the one write evaluation makes into contracts — the year's result that gates renewal.
 */
export function createAgreementYears(d: { db: Db; clock: Clock }) {
  return {
    /** The named agreement years inside the scope (others are simply absent: the caller answers 404). */
    inScope: (scope: Scope, subjects: { contractId: string; yearNo: number }[]) => repo.inScope(d.db, scope, subjects),
    /** The agreement years in force on a day inside the scope: a random spot check's pool. */
    inForceOn: (scope: Scope, day: string) => repo.inForceOn(d.db, scope, day),
    /** Contracts' titles for views (any scope: the caller already holds a record that names the contract). */
    titles: (ids: string[]) => repo.titles(d.db, ids),
    /**
     * R-CON-2: records the year's result from its rounds in the caller's transaction. A failed year ends the contract
     * at the end of that year (the station needs a new procurement); a passed one lets the next agreement be signed.
     */
    async recordResult(
      tx: DbOrTx,
      ctx: ActorContext,
      y: AgreementYear,
      r: { passed: boolean; score: number; grade: string; evaluatedOn: string; summary: string },
    ) {
      await repo.insertResult(tx, y, r, ctx.actor.userId, d.clock.now());
      await writeAudit(tx, ctx, {
        action: 'create',
        entityType: 'contract',
        entityId: y.contractId,
        divisionPath: y.divisionPath,
        summary: `第 ${y.yearNo} 年度评估结果（由评估得出）：${r.score} 分，${r.grade}，${
          r.passed ? '合格，可续签下一年度协议' : `不合格，合同于 ${y.periodEnd} 终止，需重新采购`
        }`,
        after: { yearNo: y.yearNo, ...r },
      });
    },
  };
}
export type AgreementYears = ReturnType<typeof createAgreementYears>;
