import { agreementPeriod, type ContractTerm, type CreateContractInput } from '@shegong/shared';
import { pathInScope } from '../../platform/auth/scope';
import { writeAudit } from '../../platform/audit/audit';
import { fieldError } from '../../platform/http/errors';
import type { ContractDeps } from './contracts.service';
import type { ContractReads } from './contracts.reads';
import { contractsRepository } from './contracts.repository';
import { findingsOf } from './contracts.view';
import type { ActorContext } from '../../platform/http/context';

/** R-CON-1: a contract signed from an award (with its first year's agreement); a late signing is recorded as such. */
export async function signContract(
  d: ContractDeps,
  reads: ContractReads,
  ctx: ActorContext,
  input: CreateContractInput,
) {
  const { db, clock } = d;
  const p = await d.procurements.awardOf(ctx.actor.scope, input.procurementId);
  if (!p || !pathInScope(ctx.actor.scope, p.divisionPath))
    throw fieldError('procurementId', '采购项目不存在或不在本单位');
  if (p.status !== 'awarded' || !p.awardedOn || !p.awardOrganisationId)
    throw fieldError('procurementId', '该采购项目尚未确定承接主体');
  const { awardedOn, awardOrganisationId } = p;
  if (input.signedOn < awardedOn)
    throw fieldError('signedOn', `不能早于中标（成交）通知书日期 ${awardedOn}（R-CON-1）`);
  if (input.signedOn > clock.today()) throw fieldError('signedOn', '不能晚于今天');
  if (await contractsRepository.signedFrom(db, p.id)) throw fieldError('procurementId', '该采购项目已签订合同');
  const unit = d.divisions.find(p.countyCode)!;
  const cycleEnd = agreementPeriod(input.cycleStart, 3).end;
  const y1 = agreementPeriod(input.cycleStart, 1);
  const created = await db.transaction(async (tx) => {
    const c = await contractsRepository.insert(
      tx,
      {
        countyCode: p.countyCode,
        divisionPath: p.divisionPath,
        purchaserName: `${unit.name}民政局`,
        procurementId: p.id,
        organisationId: awardOrganisationId,
        title: input.title,
        awardedOn,
        signedOn: input.signedOn,
        publishedOn: input.publishedOn,
        cycleStart: input.cycleStart,
        cycleEnd,
        terms: input.terms as Record<ContractTerm, string>,
        createdBy: ctx.actor.userId,
        updatedBy: ctx.actor.userId,
      },
      p.stationIds,
    );
    await contractsRepository.insertAgreement(tx, {
      contractId: c.id,
      yearNo: 1,
      periodStart: y1.start,
      periodEnd: y1.end,
      amountFen: input.firstAgreement.amount,
      signedOn: input.signedOn,
      publishedOn: input.firstAgreement.publishedOn,
      createdBy: ctx.actor.userId,
    });
    const late = findingsOf(c, { ags: [], evs: [] }, clock.today()).find((f) => f.code === 'R-CON-1.signed-late');
    await writeAudit(tx, ctx, {
      action: 'create',
      entityType: 'contract',
      entityId: c.id,
      divisionPath: c.divisionPath,
      summary: `签订合同 ${c.title}${late ? `（违规：${late.message}）` : ''}`,
      after: { ...input },
    });
    return c;
  });
  // Views read with the pool, so only after the transaction has committed.
  return reads.view(created, ctx.actor);
}
