import {
  checkIdentity,
  checkPeriod,
  HEALTH_CATEGORIES,
  maskName,
  periodDetails,
  type CreateBeneficiaryInput,
  type FieldErrors,
  type LinkBeneficiaryInput,
  type UpdateBeneficiaryInput,
} from '@shegong/shared';
import type { z } from 'zod';
import type { createBeneficiarySchema, updateBeneficiarySchema } from '@shegong/shared';
import { diff, writeAudit } from '../../platform/audit/audit';
import { stationInScope } from '../../platform/auth/scope';
import type { ActorContext } from '../../platform/http/context';
import { AppError, fieldError, notFound, summarise } from '../../platform/http/errors';
import { createBeneficiaryHistory } from './beneficiaries.history';
import { createBeneficiaryMatching } from './beneficiaries.matching';
import { canChange, canUnmask } from './beneficiaries.policy';
import { createBeneficiaryReads, type BeneficiaryDeps } from './beneficiaries.reads';
import { beneficiariesRepository as repo, type BeneficiaryRow } from './beneficiaries.repository';
import { policyFacts } from './beneficiaries.view';

type CreateInput = z.infer<typeof createBeneficiarySchema>;
type UpdateInput = z.infer<typeof updateBeneficiarySchema>;
type PersonInput = Omit<CreateInput, 'stationId' | 'categories' | 'household'>;
export type { CreateBeneficiaryInput, UpdateBeneficiaryInput, LinkBeneficiaryInput };

/** Throws the field errors, if any, as one 400 naming every field (nothing written). */
export function refuse(errors: FieldErrors) {
  if (Object.keys(errors).length) throw new AppError('VALIDATION_FAILED', summarise(errors), { fieldErrors: errors });
}

/**
 * The registry's use cases (R-SVC-1, R-SVC-5, R-SCOPE-2): reading (`beneficiaries.reads.ts`), matching and linking
 * (`beneficiaries.matching.ts`), category periods, risk and consents (`beneficiaries.history.ts`); registering and
 * changing a person here.
 */
export function createBeneficiaryService(d: BeneficiaryDeps) {
  const { db, clock } = d;
  const reads = createBeneficiaryReads(d);

  /** A station the caller serves (its scope, and a role that registers people), for a write naming it. */
  async function writableStation(ctx: ActorContext, stationId: string) {
    const [station] = await d.stations.summaries([stationId]);
    if (!station || ctx.actor.scope.kind === 'division' || !stationInScope(ctx.actor.scope, station))
      throw fieldError('stationId', '不存在或不是您服务的社工站');
    return station;
  }

  /** The responsible worker: one assigned to the station today; a social worker registering defaults to themself. */
  async function responsibleWorker(ctx: ActorContext, stationId: string, workerId: string | null) {
    const assigned = await d.workers.assignedToday([stationId]);
    const chosen = workerId ?? ctx.actor.workerId ?? null;
    if (!chosen) return null;
    if (assigned.some((w) => w.workerId === chosen)) return chosen;
    if (!workerId) return null; // the caller is not assigned there: leave it open rather than refuse
    throw fieldError('workerId', '须是今天在该社工站工作的社工');
  }

  /** Household links must name people the caller may see. */
  async function checkHousehold(ctx: ActorContext, members: CreateInput['household'], self?: string) {
    const ids = members.map((m) => m.memberId).filter((m): m is string => !!m);
    for (const id of ids) {
      if (id === self) throw fieldError('household', '不能把本人登记为自己的家庭成员');
      await reads.load(ctx.actor, id).catch(() => {
        throw fieldError('household', '关联的家庭成员不存在或无权访问');
      });
    }
  }

  const matching = createBeneficiaryMatching({ ...d, reads, writableStation, responsibleWorker });
  const history = createBeneficiaryHistory({ ...d, reads });

  const personColumns = (input: PersonInput, identity: ReturnType<typeof checkIdentity>['identity']) => ({
    name: input.name,
    ...identity,
    birthPlace: input.birthPlace,
    phone: input.phone,
    village: input.village,
    address: input.address,
    guardianName: input.guardian?.name ?? null,
    guardianRelation: input.guardian?.relation ?? null,
    guardianPhone: input.guardian?.phone ?? null,
  });

  return {
    list: reads.list,
    get: reads.get,
    load: reads.load,
    listContext: reads.listContext,
    filterOf: reads.filterOf,
    whereOf: reads.whereOf,
    matches: matching.matches,
    link: matching.link,
    handover: matching.handover,
    ...history,

    /** R-SVC-1: register a person at a station the caller serves; the same ID anywhere is a link, not a copy. */
    async create(ctx: ActorContext, input: CreateInput) {
      const today = clock.today();
      const station = await writableStation(ctx, input.stationId);
      const { identity, errors } = checkIdentity(input, today);
      input.categories.forEach((c, i) => {
        const e = checkPeriod(c, identity, input.categories.slice(0, i), today);
        for (const [k, v] of Object.entries(e)) errors[`categories.${i}.${k}`] = v;
      });
      refuse(errors);
      if (identity.idNumber) {
        const existing = await repo.byIdNumber(db, identity.idNumber);
        if (existing) {
          const match = await matching.matchOf(ctx.actor, existing, 'id');
          throw new AppError(
            'DUPLICATE',
            `该身份证号已登记为服务对象（${match.stationNames.join('、')}）：一人一档，请关联到本站，不要重复登记`,
            { match, fieldErrors: { idNumber: '已登记为服务对象，请关联到本站' } },
          );
        }
      }
      await checkHousehold(ctx, input.household);
      const workerId = await responsibleWorker(ctx, station.id, input.workerId);
      const by = ctx.actor.userId;
      const row = await db.transaction(async (tx) => {
        const created = await repo.insert(tx, {
          ...personColumns(input, identity),
          stationId: station.id,
          divisionPath: station.divisionPath,
          workerId,
          createdBy: by,
          updatedBy: by,
        });
        await repo.insertLink(tx, {
          beneficiaryId: created.id,
          stationId: station.id,
          divisionPath: station.divisionPath,
          workerId,
          since: today,
          createdBy: by,
          updatedBy: by,
        });
        await repo.insertCategories(
          tx,
          input.categories.map((c) => ({
            beneficiaryId: created.id,
            category: c.category,
            ...periodDetails(c),
            startedOn: c.startedOn,
            endedOn: c.endedOn,
            source: c.source,
            createdBy: by,
            updatedBy: by,
          })),
        );
        await repo.replaceHousehold(tx, created.id, input.household);
        await writeAudit(tx, ctx, {
          action: 'create',
          entityType: 'beneficiary',
          entityId: created.id,
          divisionPath: created.divisionPath,
          summary: `登记服务对象 ${maskName(created.name)}（${station.name}）`,
          after: auditedCreate(input),
        });
        return created;
      });
      return reads.viewOf(ctx.actor, row.id);
    },

    /** Change a person's identity and contact details: the fields sent (version-checked); categories have their own history. */
    async update(ctx: ActorContext, id: string, patch: UpdateInput) {
      const today = clock.today();
      const current = await reads.load(ctx.actor, id);
      const lc = await reads.listContext([current]);
      if (!canChange(ctx.actor, policyFacts(current, lc), today)) throw notFound('服务对象');
      const input = { ...storedFields(current), ...definedOnly(patch) };
      const { identity, errors } = checkIdentity(input, today);
      refuse(errors);
      if (identity.idNumber && identity.idNumber !== current.idNumber) {
        const other = await repo.byIdNumber(db, identity.idNumber);
        if (other && other.id !== id) throw fieldError('idNumber', '该身份证号已属于另一名服务对象');
      }
      if (patch.household) await checkHousehold(ctx, patch.household, id);
      const workerId =
        input.workerId === current.workerId
          ? current.workerId
          : await responsibleWorker(ctx, current.stationId, input.workerId);
      const set = { ...personColumns(input, identity), workerId };
      await db.transaction(async (tx) => {
        const updated = await repo.update(tx, id, patch.version, {
          ...set,
          updatedBy: ctx.actor.userId,
          updatedAt: clock.now(),
        });
        if (!updated) throw new AppError('VERSION_CONFLICT', '该服务对象已被他人修改，请刷新后再保存');
        if (workerId !== current.workerId) await repo.setLinkWorker(tx, id, current.stationId, workerId);
        if (patch.household) await repo.replaceHousehold(tx, id, patch.household);
        const changes = diff(pick(current), pick(updated));
        await writeAudit(tx, ctx, {
          action: 'update',
          entityType: 'beneficiary',
          entityId: id,
          divisionPath: updated.divisionPath,
          summary: `修改服务对象 ${maskName(updated.name)}`,
          ...changes,
        });
      });
      return reads.viewOf(ctx.actor, id);
    },

    /**
     * R-SCOPE-2: an officer states why and sees one record's identity in clear; the reading is audited. A record
     * withheld from the caller (sensitive) answers like a missing one.
     */
    async unmask(ctx: ActorContext, id: string, reason: string) {
      const row = await reads.load(ctx.actor, id);
      const lc = await reads.listContext([row]);
      if (!canUnmask(ctx.actor, policyFacts(row, lc), clock.today()))
        throw new AppError('FORBIDDEN', '您的角色不能查看该服务对象的明文个人信息');
      await writeAudit(db, ctx, {
        action: 'unmask',
        entityType: 'beneficiary',
        entityId: row.id,
        divisionPath: row.divisionPath,
        summary: `查看服务对象 ${maskName(row.name)} 的身份证号、电话和住址：${reason}`,
      });
      return {
        name: row.name,
        idNumber: row.idNumber ?? '',
        birthDate: row.birthDate,
        phone: row.phone,
        address: row.address,
        guardianPhone: row.guardianPhone ?? '',
      };
    },
  };
}
export type BeneficiaryService = ReturnType<typeof createBeneficiaryService>;

/**
 * What the log keeps of a registration: no names of relatives, no health categories (the log's readers are
 * administrators, not the people who may see them; R-SCOPE-2), IDs and phones masked by writeAudit.
 */
const auditedCreate = (input: CreateInput) => ({
  stationId: input.stationId,
  workerId: input.workerId,
  idNumber: input.idNumber,
  noIdReason: input.noIdReason,
  village: input.village,
  guardian: input.guardian ? '（已登记）' : null,
  household: input.household.length,
  categories: input.categories.map((c) => (HEALTH_CATEGORIES.includes(c.category) ? '（健康信息）' : c.category)),
});

/** A stored person as an input, so that a PATCH changes only what it sends. */
const storedFields = (r: BeneficiaryRow) => ({
  name: r.name,
  idNumber: r.idNumber ?? '',
  noIdReason: r.noIdReason,
  gender: r.gender,
  birthYear: r.idNumber ? null : r.birthYear,
  birthPlace: r.birthPlace,
  phone: r.phone,
  village: r.village,
  address: r.address,
  guardian: r.guardianName
    ? { name: r.guardianName, relation: r.guardianRelation ?? '', phone: r.guardianPhone ?? '' }
    : null,
  workerId: r.workerId,
});
const definedOnly = <T extends object>(o: T) =>
  Object.fromEntries(
    Object.entries(o).filter(([k, v]) => v !== undefined && k !== 'version' && k !== 'household'),
  ) as Partial<T>;

/** The audited fields, personal data masked by writeAudit (IDs, phones) or here (names, addresses). */
const pick = (r: BeneficiaryRow) => ({
  name: maskName(r.name),
  idNumber: r.idNumber,
  noIdReason: r.noIdReason,
  gender: r.gender,
  birthYear: r.birthYear,
  phone: r.phone,
  village: r.village,
  address: r.address ? '（已填写）' : '',
  guardian: r.guardianName ? maskName(r.guardianName) : null,
  workerId: r.workerId,
});
