import {
  agreementPeriod,
  newAgreementRefusal,
  type CreateAgreementInput,
  type CreateEvaluationInput,
} from '@shegong/shared';
import type { DbOrTx } from '../../db/database';
import { writeAudit } from '../../platform/audit/audit';
import { AppError, fieldError, notFound } from '../../platform/http/errors';
import type { ContractDeps } from './contracts.service';
import type { ContractReads } from './contracts.reads';
import { contractsRepository, type ContractRow } from './contracts.repository';
import type { ActorContext } from '../../platform/http/context';

/** The yearly life of a contract: agreements, evaluations (R-CON-2) and publication dates (R-CON-3). */
export function createContractRenewals(d: ContractDeps, reads: ContractReads) {
  const { db, clock } = d;
  const partsOf = async (id: string) => (await contractsRepository.partsOf(db, [id])).get(id)!;
  const bump = (tx: DbOrTx, ctx: ActorContext, c: ContractRow) =>
    contractsRepository.update(tx, c.id, {
      version: c.version + 1,
      updatedAt: clock.now(),
      updatedBy: ctx.actor.userId,
    });
  const reread = async (ctx: ActorContext, id: string) => reads.view(await reads.load(ctx.actor, id), ctx.actor);

  return {
    /** R-CON-2: the next year's agreement only after that year's passed evaluation; never a fourth. */
    async addAgreement(ctx: ActorContext, id: string, input: CreateAgreementInput) {
      const c = await reads.loadForWrite(ctx, id);
      const { ags, evs } = await partsOf(id);
      const refusal = newAgreementRefusal(input.yearNo, ags, evs, c.status, input.signedOn);
      if (refusal)
        throw new AppError('RENEWAL_REFUSED', refusal, {
          fieldErrors: { [refusal.includes('签订日期') ? 'signedOn' : 'yearNo']: refusal },
        });
      if (input.signedOn < c.signedOn) throw fieldError('signedOn', `不能早于合同签订日期 ${c.signedOn}`);
      if (input.signedOn > clock.today()) throw fieldError('signedOn', '不能晚于今天');
      const period = agreementPeriod(c.cycleStart, input.yearNo);
      await db.transaction(async (tx) => {
        const a = await contractsRepository.insertAgreement(tx, {
          contractId: id,
          yearNo: input.yearNo,
          periodStart: period.start,
          periodEnd: period.end,
          amountFen: input.amount,
          signedOn: input.signedOn,
          publishedOn: input.publishedOn,
          createdBy: ctx.actor.userId,
        });
        await bump(tx, ctx, c);
        await writeAudit(tx, ctx, {
          action: 'create',
          entityType: 'contract',
          entityId: id,
          divisionPath: c.divisionPath,
          summary: `续签第 ${a.yearNo} 年协议（${period.start} 至 ${period.end}）`,
          after: { ...input },
        });
      });
      return reread(ctx, id);
    },

    /** The annual result (R-CON-2); a failed one ends the contract at the end of that year and reopens procurement. */
    async addEvaluation(ctx: ActorContext, id: string, input: CreateEvaluationInput) {
      const c = await reads.loadForWrite(ctx, id);
      const { ags, evs } = await partsOf(id);
      const year = ags.find((a) => a.yearNo === input.yearNo);
      if (!year) throw fieldError('yearNo', `第 ${input.yearNo} 年协议尚未签订`);
      if (evs.some((e) => e.yearNo === input.yearNo))
        throw fieldError('yearNo', `第 ${input.yearNo} 年度评估结果已记录`);
      // R-CON-2, R-EVAL-1: a year evaluated on the platform is decided by its signed-off rounds, never typed in.
      if ((await d.roundYears?.(id))?.includes(input.yearNo))
        throw fieldError(
          'yearNo',
          `第 ${input.yearNo} 年度已开展评估，年度结果在中期、末期评估签署后自动得出（《实施方案》五（三）），不能手工录入`,
        );
      // R-CON-2: an evaluation records what happened; it cannot be dated in the future.
      if (input.evaluatedOn > clock.today()) throw fieldError('evaluatedOn', '评估日期不能晚于今天');
      await db.transaction(async (tx) => {
        await contractsRepository.insertEvaluation(tx, { contractId: id, ...input, createdBy: ctx.actor.userId });
        if (input.result === 'failed') {
          await contractsRepository.update(tx, id, {
            status: 'ending',
            endsOn: year.periodEnd,
            version: c.version + 1,
            updatedAt: clock.now(),
            updatedBy: ctx.actor.userId,
          });
        } else {
          await bump(tx, ctx, c);
        }
        await writeAudit(tx, ctx, {
          action: 'create',
          entityType: 'contract',
          entityId: id,
          divisionPath: c.divisionPath,
          summary: `记录第 ${input.yearNo} 年度评估结果：${input.result === 'passed' ? '合格' : `不合格，合同于 ${year.periodEnd} 终止`}`,
          after: { ...input },
        });
      });
      return reread(ctx, id);
    },

    /** R-CON-3: records the publication date of the contract or of one year's agreement. */
    async publish(ctx: ActorContext, id: string, publishedOn: string, agreementId?: string) {
      const c = await reads.loadForWrite(ctx, id);
      if (publishedOn < c.signedOn) throw fieldError('publishedOn', `不能早于签订日期 ${c.signedOn}`);
      await db.transaction(async (tx) => {
        if (agreementId) {
          const a = await contractsRepository.publishAgreement(tx, id, agreementId, publishedOn);
          if (!a) throw notFound('年度协议');
        } else {
          await contractsRepository.update(tx, id, { publishedOn });
        }
        await bump(tx, ctx, c);
        await writeAudit(tx, ctx, {
          action: 'update',
          entityType: 'contract',
          entityId: id,
          divisionPath: c.divisionPath,
          summary: `登记${agreementId ? '年度协议' : '合同'}公告日期 ${publishedOn}`,
          after: { publishedOn, agreementId },
        });
      });
      return reread(ctx, id);
    },
  };
}
