import {
  SERVICE_FORM_LABELS,
  VISIT_FORMS,
  type CatalogueItemView,
  type CreateServiceRecord,
  type ServiceForm,
} from '@shegong/shared';
import type { DbOrTx } from '../../db/database';
import { auditInsert, auditRow, diff, writeAudit } from '../../platform/audit/audit';
import { placeholdersOf, prefixed } from '../../db/placeholders';
import type { ActorContext } from '../../platform/http/context';
import { AppError, fieldError } from '../../platform/http/errors';
import type { StationSummary } from '../stations';
import {
  addPeopleMonths,
  after,
  dropPeopleMonths,
  moveMonthStats,
  recordAddedSteps,
  rollupParams,
  type NewRecordParams,
  type RollupFacts,
} from './rollups.repository';
import type { ServiceDeps } from './services.reads';
import { serviceRecordsRepository as repo, type ServiceRecordRow } from './services.repository';

/** A record's content as checked (the create body without its id, station and concern; or a PATCH merged). */
export type RecordDraft = Pick<
  CreateServiceRecord,
  | 'servedOn'
  | 'durationMinutes'
  | 'form'
  | 'catalogueCode'
  | 'beneficiaryIds'
  | 'headCount'
  | 'summary'
  | 'place'
  | 'caseId'
>;

/** Thrown inside a transaction to roll it back when the phone's id was taken by a concurrent send of the same record. */
class AlreadyStored extends Error {}

const union = (a: string[], b: string[]) => [...new Set([...a, ...b])];

/**
 * The transactions of service records: the record, its people and workers, the month rollups, the people's last
 * contact, the case gate, a raised alert and the audit event commit together or not at all (DESIGN §3, R-SVC-2…5).
 */
export function createRecordWrites(d: ServiceDeps) {
  const { db, clock } = d;

  /** R-SVC-3: a record on a case names the case's person; a closed case takes no new records (the gate's 409). */
  async function checkCase(tx: DbOrTx, caseId: string | null, stationId: string, people: string[]) {
    if (!caseId || !d.caseGate) return;
    const c = await d.caseGate.checkForRecord(tx, caseId, stationId);
    if (!people.includes(c.beneficiaryId)) throw fieldError('caseId', '个案的服务对象须在本记录的服务对象中');
  }

  /** The last service and home visit of people whose records changed, from the records that remain. */
  async function resetContacts(tx: DbOrTx, people: string[]) {
    await d.contacts.resetContacts(tx, people, (ids) => repo.lastContacts(tx, ids));
  }

  const label = (form: string, item: Pick<CatalogueItemView, 'domainName' | 'itemName'>) =>
    `${SERVICE_FORM_LABELS[form as ServiceForm]}·${item.domainName}·${item.itemName}`;
  /** What the log keeps: no names, no summary text (it may be about abuse or health), counts and ids. */
  const audited = (
    r: RollupFacts & Pick<ServiceRecordRow, 'caseId' | 'summary'>,
    people: string[],
    workers: string[],
  ) => ({
    servedOn: r.servedOn,
    durationMinutes: r.durationMinutes,
    form: r.form,
    catalogueCode: r.catalogueCode,
    beneficiaryIds: people,
    headCount: r.headCount,
    workerIds: workers,
    caseId: r.caseId,
    summary: r.summary ? `（${[...r.summary].length} 字）` : '',
  });

  return {
    /** A new record; undefined when a concurrent send of the same id committed first (nothing written here). */
    async insert(
      ctx: ActorContext,
      w: {
        station: StationSummary;
        draft: RecordDraft & Pick<CreateServiceRecord, 'id' | 'concern'>;
        item: CatalogueItemView;
        workerIds: string[];
        organisationId: string | null;
      },
    ): Promise<{ row: ServiceRecordRow; alertIds: string[] } | undefined> {
      const { station, draft, item } = w;
      const by = ctx.actor.userId;
      const values = {
        id: draft.id,
        stationId: station.id,
        divisionPath: station.divisionPath,
        organisationId: w.organisationId,
        servedOn: draft.servedOn,
        durationMinutes: draft.durationMinutes,
        form: draft.form,
        catalogueCode: item.code,
        domainCode: item.domainCode,
        caseId: draft.caseId,
        headCount: draft.headCount,
        peopleCount: draft.beneficiaryIds.length,
        summary: draft.summary,
        place: draft.place,
        createdBy: by,
        updatedBy: by,
      };
      // One statement (issue 11): the record, its people, workers and rollups, the people's last contacts (after the
      // rollup rows, the order a withdrawal locks them in) and the audit event; prepared once per shape.
      const withPeople = draft.beneficiaryIds.length > 0;
      const auditFields = auditRow(ctx, {
        action: 'create',
        entityType: 'serviceRecord',
        entityId: values.id,
        divisionPath: values.divisionPath,
        summary: `记录服务：${label(values.form, item)}（${station.name}，${values.servedOn}）`,
        after: { ...audited(values, draft.beneficiaryIds, w.workerIds), concern: draft.concern?.kind ?? null },
      });
      const steps = (p: NewRecordParams) => {
        const { steps, last } = recordAddedSteps(p, withPeople);
        if (withPeople) steps.push(['c', d.contacts.recordContactsStep(p, after(last))]);
        steps.push(['a', auditInsert(db, placeholdersOf(auditFields, 'a_')).getSQL()]);
        return steps;
      };
      const params = {
        ...rollupParams(values),
        recordId: values.id,
        servedOn: values.servedOn,
        people: draft.beneficiaryIds,
        workers: w.workerIds,
        visit: VISIT_FORMS.includes(draft.form),
        ...prefixed(auditFields, 'a_'),
      };
      const insert = (q: DbOrTx) =>
        repo.insertWith(
          q,
          withPeople ? 'service_record_create' : 'service_record_create_no_people',
          values,
          steps,
          params,
        );
      // A case to check or an alert to raise: the statement inside a transaction with them; otherwise alone.
      if (!draft.caseId && !draft.concern) {
        const row = await insert(db);
        return row && { row, alertIds: [] };
      }
      try {
        return await db.transaction(async (tx) => {
          // The gate first: its answer (no such case here, or closed) rather than the foreign key's.
          await checkCase(tx, draft.caseId, station.id, draft.beneficiaryIds);
          const row = await insert(tx);
          if (!row) throw new AlreadyStored();
          const alertIds: string[] = [];
          if (draft.concern && d.alertRaiser) {
            const c = draft.concern;
            const person = c.beneficiaryId ?? (draft.beneficiaryIds.length === 1 ? draft.beneficiaryIds[0] : null);
            const alert = await d.alertRaiser.raise(tx, ctx, {
              stationId: station.id,
              divisionPath: station.divisionPath,
              organisationId: w.organisationId,
              beneficiaryId: person,
              serviceRecordId: row.id,
              kind: c.kind,
              description: c.description,
            });
            alertIds.push(alert.id);
          }
          return { row, alertIds };
        });
      } catch (e) {
        if (e instanceof AlreadyStored) return undefined;
        throw e;
      }
    },

    /** A changed record: its rollup contribution, people months and people's last contacts move with it. */
    async update(
      ctx: ActorContext,
      w: {
        current: ServiceRecordRow;
        version: number;
        draft: RecordDraft;
        item: CatalogueItemView;
        workerIds: string[];
        organisationId: string | null;
        oldPeople: string[];
        oldWorkers: string[];
      },
    ): Promise<ServiceRecordRow> {
      const { current, draft, item } = w;
      return db.transaction(async (tx) => {
        if (draft.caseId !== current.caseId || draft.beneficiaryIds.join() !== w.oldPeople.join())
          await checkCase(tx, draft.caseId, current.stationId, draft.beneficiaryIds);
        const row = await repo.update(tx, current.id, w.version, {
          servedOn: draft.servedOn,
          durationMinutes: draft.durationMinutes,
          form: draft.form,
          catalogueCode: item.code,
          domainCode: item.domainCode,
          organisationId: w.organisationId,
          caseId: draft.caseId,
          headCount: draft.headCount,
          peopleCount: draft.beneficiaryIds.length,
          summary: draft.summary,
          place: draft.place,
          updatedBy: ctx.actor.userId,
          updatedAt: clock.now(),
        });
        if (!row) throw new AppError('VERSION_CONFLICT', '该服务记录已被他人修改，请刷新后再保存');
        await repo.setPeople(tx, row, draft.beneficiaryIds);
        await repo.setWorkers(tx, row.id, w.workerIds);
        // Both rollup rows in key order, so two changes moving records in opposite directions cannot deadlock.
        const key = (r: ServiceRecordRow) => `${r.servedOn.slice(0, 7)}|${r.catalogueCode}|${r.form}`;
        const moves: [ServiceRecordRow, 1 | -1][] = [
          [current, -1],
          [row, 1],
        ];
        if (key(row) < key(current)) moves.reverse();
        for (const [r, sign] of moves) await moveMonthStats(tx, r, sign);
        await addPeopleMonths(tx, row, draft.beneficiaryIds);
        await dropPeopleMonths(tx, current.stationId, current.divisionPath, current.servedOn, w.oldPeople);
        await resetContacts(tx, union(w.oldPeople, draft.beneficiaryIds));
        await writeAudit(tx, ctx, {
          action: 'update',
          entityType: 'serviceRecord',
          entityId: row.id,
          divisionPath: row.divisionPath,
          summary: `修改服务记录：${label(row.form, item)}（${row.servedOn}）`,
          ...diff(audited(current, w.oldPeople, w.oldWorkers), audited(row, draft.beneficiaryIds, w.workerIds)),
        });
        return row;
      });
    },

    /** A withdrawn record: out of lists and statistics at once; its people rows go (the log keeps who they were). */
    async archive(
      ctx: ActorContext,
      w: { current: ServiceRecordRow; version: number; reason: string; oldPeople: string[] },
    ): Promise<ServiceRecordRow> {
      const { current } = w;
      return db.transaction(async (tx) => {
        const now = clock.now();
        const row = await repo.update(tx, current.id, w.version, {
          archivedAt: now,
          updatedAt: now,
          updatedBy: ctx.actor.userId,
        });
        if (!row) throw new AppError('VERSION_CONFLICT', '该服务记录已被他人修改，请刷新后再撤回');
        await repo.setPeople(tx, row, []);
        await moveMonthStats(tx, current, -1);
        await dropPeopleMonths(tx, current.stationId, current.divisionPath, current.servedOn, w.oldPeople);
        await resetContacts(tx, w.oldPeople);
        const item = d.divisions.catalogueItem(current.catalogueCode);
        await writeAudit(tx, ctx, {
          action: 'update',
          entityType: 'serviceRecord',
          entityId: row.id,
          divisionPath: row.divisionPath,
          summary: `撤回服务记录：${item ? label(current.form, item) : current.catalogueCode}（${current.servedOn}）：${w.reason}`,
          before: { beneficiaryIds: w.oldPeople, archivedAt: null },
          after: { archivedAt: now.toISOString() },
        });
        return row;
      });
    },
  };
}
