import type { ServiceRecordQuery, ServiceRecordView } from '@shegong/shared';
import type { Db } from '../../db/database';
import { writeAudit } from '../../platform/audit/audit';
import type { Actor } from '../../platform/auth/actor';
import type { Clock } from '../../platform/clock';
import type { Attachments } from '../../platform/files/attachments';
import type { ActorContext } from '../../platform/http/context';
import { fieldError, notFound } from '../../platform/http/errors';
import { pageOf } from '../../platform/http/paging';
import type { BeneficiaryContacts, RecordPerson } from '../beneficiaries';
import type { ContractLookup } from '../contracts';
import type { DivisionService } from '../divisions';
import type { OrganisationLookup } from '../organisations';
import type { StationLookup } from '../stations';
import type { UserLookup } from '../users';
import type { WorkerLookup } from '../workers';
import type { AlertRaiser, CaseGate } from './services.ports';
import { recordScope, serviceRecordsRepository as repo, type ServiceRecordRow } from './services.repository';
import { clearSensitive, detailView, listItem, type RecordContext } from './services.view';

export interface ServiceDeps {
  db: Db;
  clock: Clock;
  divisions: DivisionService;
  stations: StationLookup;
  workers: WorkerLookup;
  users: UserLookup;
  organisations: OrganisationLookup;
  contracts: ContractLookup;
  contacts: BeneficiaryContacts;
  attachments: Attachments;
  /** The cases module's gate; without it a record naming a case is refused (个案功能未启用). */
  caseGate?: CaseGate;
  /** The alerts module's raiser; without it a record flagging a concern is refused (预警功能未启用). */
  alertRaiser?: AlertRaiser;
  /** The alerts raised with each record (the alerts module's answer); without it views say none. */
  alertIdsOf?: (recordIds: string[]) => Promise<Map<string, string[]>>;
}

/** Reading service records: those in the caller's scope (404 otherwise), their views, the audit of sensitive reads. */
export function createServiceReads(d: ServiceDeps) {
  const { db } = d;

  /** The facts the views of a set of records need, in a constant number of queries for the set. */
  async function context(actor: Actor, rows: ServiceRecordRow[]): Promise<RecordContext> {
    const ids = rows.map((r) => r.id);
    const [people, workers, alerts, stations] = await Promise.all([
      repo.peopleOf(db, ids),
      repo.workersOf(db, ids),
      d.alertIdsOf ? d.alertIdsOf(ids) : Promise.resolve(new Map<string, string[]>()),
      d.stations.summaries(rows.map((r) => r.stationId)),
    ]);
    const [persons, workerNames] = await Promise.all([
      d.contacts.peopleOf(actor, [...people.values()].flat()),
      d.workers.names([...workers.values()].flat()),
    ]);
    return {
      people,
      workers,
      persons,
      workerNames,
      alerts,
      stations: new Map(stations.map((s) => [s.id, s.name])),
      catalogue: (code) => d.divisions.catalogueItem(code),
    };
  }

  /** R-SCOPE-2: reading what was done for a minor or a health record, in clear, is an audit event (one per request). */
  async function auditSensitive(ctx: ActorContext, rows: ServiceRecordRow[], rc: RecordContext, what: string) {
    const clear = clearSensitive(rows, ctx.actor, rc);
    if (clear.length === 0) return;
    await writeAudit(db, ctx, {
      action: 'read_pii',
      entityType: 'serviceRecord',
      entityId: clear.length === 1 ? clear[0].id : undefined,
      divisionPath: clear[0].divisionPath,
      summary: `${what}：${clear.length} 条涉及未成年人或健康信息的服务记录（服务内容明文）`,
      after: { serviceRecordIds: clear.map((r) => r.id) },
    });
  }

  async function load(actor: Actor, id: string): Promise<ServiceRecordRow> {
    const row = await repo.findInScope(db, recordScope(actor.scope), id);
    if (!row) throw notFound('服务记录');
    return row;
  }

  async function detail(actor: Actor, row: ServiceRecordRow) {
    const [rc, orgNames, userNames, files] = await Promise.all([
      context(actor, [row]),
      d.organisations.names(row.organisationId ? [row.organisationId] : []),
      d.users.displayNames(row.createdBy ? [row.createdBy] : []),
      d.attachments.list('serviceRecord', [row.id]),
    ]);
    const view = detailView(row, actor, rc, {
      organisationName: row.organisationId ? (orgNames.get(row.organisationId) ?? null) : null,
      createdByName: row.createdBy ? (userNames.get(row.createdBy) ?? null) : null,
      photos: files.get(row.id) ?? [],
    });
    return { view, rc };
  }

  return {
    load,
    context,
    /** One page, newest first: a constant number of queries whatever the page size. */
    async list(ctx: ActorContext, q: ServiceRecordQuery) {
      const { page, pageSize, unit, ...filter } = q;
      const division = unit ? d.divisions.find(unit) : undefined;
      if (unit && !division) throw fieldError('unit', '区划不存在');
      const where = repo.where(recordScope(ctx.actor.scope), { ...filter, unitPath: division?.path });
      const { items, total } = await repo.page(db, where, { page, pageSize });
      const rc = await context(ctx.actor, items);
      await auditSensitive(ctx, items, rc, '查看服务记录列表');
      return pageOf(
        items.map((r) => listItem(r, ctx.actor, rc)),
        total,
        q,
      );
    },
    async get(ctx: ActorContext, id: string): Promise<ServiceRecordView> {
      const row = await load(ctx.actor, id);
      const { view, rc } = await detail(ctx.actor, row);
      await auditSensitive(ctx, [row], rc, '查看服务记录');
      return view;
    },
    /**
     * A new record's view from what the create already knows (its people as the caller sees them, workers and their
     * names, station, alerts): the phone waits for this answer, so it reads only the organisation's name.
     */
    async freshView(
      actor: Actor,
      row: ServiceRecordRow,
      known: {
        people: string[];
        workers: string[];
        stationName: string;
        alertIds: string[];
        persons: Map<string, RecordPerson>;
        workerNames: Map<string, string>;
      },
    ): Promise<ServiceRecordView> {
      const orgNames = await d.organisations.names(row.organisationId ? [row.organisationId] : []);
      const rc: RecordContext = {
        people: new Map([[row.id, known.people]]),
        workers: new Map([[row.id, known.workers]]),
        persons: known.persons,
        workerNames: known.workerNames,
        alerts: new Map([[row.id, known.alertIds]]),
        stations: new Map([[row.stationId, known.stationName]]),
        catalogue: (code) => d.divisions.catalogueItem(code),
      };
      return detailView(row, actor, rc, {
        organisationName: row.organisationId ? (orgNames.get(row.organisationId) ?? null) : null,
        createdByName: actor.displayName,
        photos: [],
      });
    },
    /** The view after a change (the change's own audit event covers it). */
    async viewOf(actor: Actor, row: ServiceRecordRow, alertIds: string[] = []): Promise<ServiceRecordView> {
      const { view } = await detail(actor, row);
      if (alertIds.length === 0) return view;
      const all = [...new Set([...view.alertIds, ...alertIds])];
      return { ...view, alertIds: all, alertRaised: true };
    },
  };
}
export type ServiceReads = ReturnType<typeof createServiceReads>;
