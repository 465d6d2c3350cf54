import {
  checkServiceRecord,
  type ArchiveServiceRecordInput,
  type CreateServiceRecord,
  type FieldErrors,
  type ServiceForm,
  type ServiceRecordView,
  type UpdateServiceRecordInput,
} from '@shegong/shared';
import { stationInScope } from '../../platform/auth/scope';
import type { ActorContext } from '../../platform/http/context';
import { AppError, fieldError, notFound, summarise } from '../../platform/http/errors';
import type { StationSummary } from '../stations';
import { canChangeRecord, summaryWithheld } from './services.policy';
import { createServiceReads, type ServiceDeps } from './services.reads';
import { serviceRecordsRepository as repo, type ServiceRecordRow } from './services.repository';
import { recordFacts } from './services.view';
import { createRecordWrites, type RecordDraft } from './services.writes';

/** Throws the field errors, if any, as one 400 naming every field (nothing written). */
function refuse(errors: FieldErrors) {
  if (Object.keys(errors).length) throw new AppError('VALIDATION_FAILED', summarise(errors), { fieldErrors: errors });
}
/** Distinct and sorted: rows of several people are always locked in the same order (no deadlock between two records). */
const unique = (ids: string[]) => [...new Set(ids)].sort();
/**
 * The checks' reads at once (a create's round trips overlap), their refusals judged in the order given — the order a
 * person reads the form in — so the answer does not depend on which read came back first.
 */
async function judgedInOrder<T extends readonly unknown[]>(checks: { [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const settled = await Promise.allSettled(checks);
  for (const s of settled) if (s.status === 'rejected') throw s.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<unknown>).value) as unknown as T;
}
const sameSet = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join();

/**
 * 服务记录 (R-SVC-2, R-SVC-3): record a piece of work by the 附件2 catalogue, change it, withdraw a mistaken one. The
 * phone makes the id: the same record sent again is found, not made twice (offline tolerance).
 */
export function createServiceRecordService(d: ServiceDeps) {
  const { db, clock } = d;
  const reads = createServiceReads(d);
  const writes = createRecordWrites(d);

  /** A station the caller serves, for a write naming it (officers record no services). */
  async function writableStation(ctx: ActorContext, stationId: string): Promise<StationSummary> {
    const [station] = await d.stations.summaries([stationId]);
    if (!station || ctx.actor.scope.kind === 'division' || !stationInScope(ctx.actor.scope, station))
      throw fieldError('stationId', '不存在或不是您服务的社工站');
    return station;
  }

  /** R-SVC-2: the catalogue is the boundary of purchasable work; an item outside it is refused. */
  function catalogueItem(code: string) {
    const item = d.divisions.catalogueItem(code);
    if (!item)
      throw new AppError('ITEM_NOT_IN_CATALOGUE', '服务内容须为《实施方案》附件2所列项目', {
        fieldErrors: { catalogueCode: '须为《实施方案》附件2所列项目' },
      });
    return item;
  }

  /** The workers who did the work: named ones, or the caller's own roster record; each assigned there that day. */
  async function checkWorkers(ctx: ActorContext, stationId: string, servedOn: string, named: string[]) {
    const chosen = named.length ? unique(named) : ctx.actor.workerId ? [ctx.actor.workerId] : [];
    if (chosen.length === 0) throw fieldError('workerIds', '请选择提供服务的社工');
    const assigned = new Map((await d.workers.assignedOn([stationId], servedOn)).map((w) => [w.workerId, w.name]));
    if (chosen.some((w) => !assigned.has(w)))
      throw fieldError(
        'workerIds',
        named.length ? '须是服务当天派驻该社工站的社工' : '您在服务当天未派驻该社工站，请选择提供服务的社工',
      );
    return { workerIds: chosen, workerNames: assigned };
  }

  /** Every rule of a record's content, before anything is written (R-SVC-2, R-SVC-3). */
  async function checkDraft(ctx: ActorContext, stationId: string, draft: RecordDraft, namedWorkers: string[]) {
    refuse(
      checkServiceRecord(
        {
          servedOn: draft.servedOn,
          durationMinutes: draft.durationMinutes,
          form: draft.form,
          catalogueCode: draft.catalogueCode,
          peopleCount: draft.beneficiaryIds.length,
          headCount: draft.headCount,
        },
        clock.today(),
      ),
    );
    const item = catalogueItem(draft.catalogueCode);
    const [{ workerIds, workerNames }, persons] = await judgedInOrder([
      checkWorkers(ctx, stationId, draft.servedOn, namedWorkers),
      d.contacts.checkServed(ctx.actor, stationId, draft.beneficiaryIds),
    ] as const);
    if (draft.caseId && !d.caseGate) throw fieldError('caseId', '个案功能未启用，暂不能关联个案');
    // The names and people as the caller sees them come along, so a new record's answer reads nothing again.
    return { item, workerIds, workerNames, persons };
  }

  /** The same id sent again (R-SVC-2, offline): the stored record if it is the same one, a 409 otherwise. */
  async function replay(ctx: ActorContext, existing: ServiceRecordRow, input: CreateServiceRecord) {
    const station = await d.stations.summaries([existing.stationId]);
    const inScope = !!station[0] && stationInScope(ctx.actor.scope, station[0]);
    if (existing.stationId !== input.stationId || !inScope || existing.archivedAt)
      throw new AppError('DUPLICATE', '记录编号已被使用：请重新打开表单后再保存（不会重复记录）', {
        fieldErrors: { id: '记录编号已被使用' },
      });
    const [people, workers] = await Promise.all([repo.peopleOf(db, [existing.id]), repo.workersOf(db, [existing.id])]);
    const same =
      existing.servedOn === input.servedOn &&
      existing.durationMinutes === input.durationMinutes &&
      existing.form === input.form &&
      existing.catalogueCode === input.catalogueCode &&
      existing.headCount === input.headCount &&
      existing.summary === input.summary &&
      existing.place === input.place &&
      existing.caseId === input.caseId &&
      sameSet(people.get(existing.id) ?? [], unique(input.beneficiaryIds)) &&
      (input.workerIds.length === 0 || sameSet(workers.get(existing.id) ?? [], unique(input.workerIds)));
    if (!same)
      throw new AppError(
        'DUPLICATE',
        '这条服务记录已经保存过，但本次提交的内容与已保存的不同：请打开已保存的记录核对后再修改',
        { recordId: existing.id },
      );
    return reads.viewOf(ctx.actor, existing);
  }

  /** Everything a new record must satisfy (R-SVC-2, R-SVC-3, R-SVC-5), before anything is written. */
  async function checkNew(ctx: ActorContext, input: CreateServiceRecord) {
    const draft = { ...input, beneficiaryIds: unique(input.beneficiaryIds) };
    // Read at once; a station outside the caller's scope is still the answer before anything its reads found.
    const [station, checked, organisationId] = await judgedInOrder([
      writableStation(ctx, input.stationId),
      checkDraft(ctx, input.stationId, draft, input.workerIds),
      d.contracts.organisationOn(input.stationId, draft.servedOn),
    ] as const);
    if (input.concern && !d.alertRaiser) throw fieldError('concern', '预警功能未启用，请直接联系项目负责人');
    if (input.concern?.beneficiaryId && !draft.beneficiaryIds.includes(input.concern.beneficiaryId))
      throw fieldError('concern.beneficiaryId', '须是本记录的服务对象之一');
    return { ...checked, station, draft, organisationId };
  }

  /** A new record and its answer; undefined when a record of the same id is already stored (nothing written). */
  async function createNew(ctx: ActorContext, input: CreateServiceRecord) {
    const { station, draft, item, workerIds, workerNames, persons, organisationId } = await checkNew(ctx, input);
    const written = await writes.insert(ctx, { station, draft, item, workerIds, organisationId });
    if (!written) return undefined;
    return reads.freshView(ctx.actor, written.row, {
      people: draft.beneficiaryIds,
      workers: workerIds,
      stationName: station.name,
      alertIds: written.alertIds,
      persons,
      workerNames,
    });
  }

  return {
    list: reads.list,
    get: reads.get,
    load: reads.load,

    /** R-SVC-2: a new record, or the stored one when the phone sends the same record again (`created` false). */
    async create(
      ctx: ActorContext,
      input: CreateServiceRecord,
    ): Promise<{ view: ServiceRecordView; created: boolean }> {
      // No look-up of the id first (a create is the common case): the checks, then an insert that finds a stored
      // record of the same id. A record sent again that today's checks refuse (say, days later from a phone that was
      // offline, its case since closed) still answers with what was stored, as the checks of its day allowed it.
      const view = await createNew(ctx, input).catch(async (e: unknown) => {
        if (e instanceof AppError && (await repo.byId(db, input.id))) return undefined;
        throw e;
      });
      if (view) return { view, created: true };
      // Stored before (or by a concurrent send of the same record that committed first): answer as for a repeat.
      return { view: await replay(ctx, (await repo.byId(db, input.id))!, input), created: false };
    },

    /** Change a record (version-checked): the same rules as a new one; the rollups and last contacts move with it. */
    async update(ctx: ActorContext, id: string, patch: UpdateServiceRecordInput) {
      const current = await reads.load(ctx.actor, id);
      const rc = await reads.context(ctx.actor, [current]);
      if (!canChangeRecord(ctx.actor, recordFacts(current, rc))) throw notFound('服务记录');
      const oldPeople = rc.people.get(id) ?? [];
      const oldWorkers = rc.workers.get(id) ?? [];
      const draft: RecordDraft = {
        servedOn: patch.servedOn ?? current.servedOn,
        durationMinutes: patch.durationMinutes ?? current.durationMinutes,
        form: patch.form ?? (current.form as ServiceForm),
        catalogueCode: patch.catalogueCode ?? current.catalogueCode,
        beneficiaryIds: unique(patch.beneficiaryIds ?? oldPeople),
        headCount: patch.headCount ?? current.headCount,
        summary: patch.summary ?? current.summary,
        place: patch.place ?? current.place,
        caseId: patch.caseId === undefined ? current.caseId : patch.caseId,
      };
      const { item, workerIds } = await checkDraft(ctx, current.stationId, draft, patch.workerIds ?? oldWorkers);
      const organisationId =
        draft.servedOn === current.servedOn
          ? current.organisationId
          : await d.contracts.organisationOn(current.stationId, draft.servedOn);
      const row = await writes.update(ctx, {
        current,
        version: patch.version,
        draft,
        item,
        workerIds,
        organisationId,
        oldPeople,
        oldWorkers,
      });
      return reads.viewOf(ctx.actor, row);
    },

    /** A record the caller may change (404 otherwise): photos are added by those who may change it. */
    async loadForChange(ctx: ActorContext, id: string) {
      const current = await reads.load(ctx.actor, id);
      const rc = await reads.context(ctx.actor, [current]);
      if (!canChangeRecord(ctx.actor, recordFacts(current, rc))) throw notFound('服务记录');
      return current;
    },
    /** A record whose photos the caller may see: those who see its summary (R-SCOPE-2), 404 otherwise. */
    async loadForRead(ctx: ActorContext, id: string) {
      const current = await reads.load(ctx.actor, id);
      const rc = await reads.context(ctx.actor, [current]);
      if (summaryWithheld(ctx.actor, recordFacts(current, rc))) throw notFound('服务记录照片');
      return current;
    },

    /** Withdraw a mistaken record: it leaves lists and statistics at once; the log keeps what it was. */
    async archive(ctx: ActorContext, id: string, input: ArchiveServiceRecordInput) {
      const current = await reads.load(ctx.actor, id);
      const rc = await reads.context(ctx.actor, [current]);
      if (!canChangeRecord(ctx.actor, recordFacts(current, rc))) throw notFound('服务记录');
      const row = await writes.archive(ctx, {
        current,
        version: input.version,
        reason: input.reason,
        oldPeople: rc.people.get(id) ?? [],
      });
      return reads.viewOf(ctx.actor, row);
    },
  };
}
export type ServiceRecordService = ReturnType<typeof createServiceRecordService>;
