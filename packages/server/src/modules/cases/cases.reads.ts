import { maskName, type CaseQuery } from '@shegong/shared';
import type { Db } from '../../db/database';
import { writeAudit } from '../../platform/audit/audit';
import type { Actor } from '../../platform/auth/actor';
import type { Clock } from '../../platform/clock';
import type { Attachments } from '../../platform/files/attachments';
import type { ActorContext } from '../../platform/http/context';
import { notFound } from '../../platform/http/errors';
import { pageOf } from '../../platform/http/paging';
import type { StationLookup } from '../stations';
import type { UserLookup } from '../users';
import type { WorkerLookup } from '../workers';
import type { CasePeople } from './cases.people';
import { seesNotes } from './cases.policy';
import { caseScope, casesRepository as repo, type CaseRow } from './cases.repository';
import { toCaseListItem, toCaseView, type CaseNames } from './cases.view';

/** Dependencies by name, all required: a missing one is a type error, never a silent stub. */
export interface CaseDeps {
  db: Db;
  clock: Clock;
  stations: StationLookup;
  workers: WorkerLookup;
  users: UserLookup;
  people: CasePeople;
  attachments: Attachments;
}

/** Reading cases: in the caller's scope (404 otherwise), their views, and the audit of clear reads of notes. */
export function createCaseReads(d: CaseDeps) {
  const { db } = d;

  async function load(actor: Actor, id: string): Promise<CaseRow> {
    const row = await repo.findInScope(db, caseScope(actor.scope), id);
    if (!row) throw notFound('个案'); // out of scope answers exactly like missing
    return row;
  }

  /** The names a set of cases shows, in a constant number of reads (people: one per person). */
  async function namesOf(actor: Actor, rows: CaseRow[]): Promise<CaseNames> {
    const [stations, workers, people] = await Promise.all([
      d.stations.summaries(rows.map((r) => r.stationId)),
      d.workers.names(rows.map((r) => r.workerId).filter((w): w is string => !!w)),
      d.people.names(
        actor,
        rows.map((r) => r.beneficiaryId),
      ),
    ]);
    return { stations: new Map(stations.map((s) => [s.id, s.name])), workers, people };
  }

  async function viewOf(actor: Actor, row: CaseRow) {
    const [names, goals, tasks, events, files] = await Promise.all([
      namesOf(actor, [row]),
      repo.goalsOf(db, row.id),
      repo.tasksOf(db, row.id),
      repo.eventsOf(db, row.id),
      d.attachments.list('case', [row.id]),
    ]);
    const userNames = await d.users.displayNames(events.map((e) => e.createdBy).filter((u): u is string => !!u));
    return toCaseView(row, actor, names, { goals, tasks, events, userNames, documents: files.get(row.id) ?? [] });
  }

  return {
    load,
    viewOf,
    /** One page: the case, its stage and dates (no notes in lists). */
    async list(actor: Actor, q: CaseQuery) {
      const { items, total } = await repo.page(db, caseScope(actor.scope), q, { workerId: actor.workerId ?? null });
      const names = await namesOf(actor, items);
      return pageOf(
        items.map((r) => toCaseListItem(r, names)),
        total,
        q,
      );
    },
    /** A case's page; a clear read of its notes is a `read_pii` audit event (R-SCOPE-2). */
    async get(ctx: ActorContext, id: string) {
      const row = await load(ctx.actor, id);
      const view = await viewOf(ctx.actor, row);
      if (seesNotes(ctx.actor, row))
        await writeAudit(db, ctx, {
          action: 'read_pii',
          entityType: 'case',
          entityId: row.id,
          divisionPath: row.divisionPath,
          summary: `查看个案记录：${maskName(view.personName)}（求助问题、需求、计划与结案说明明文）`,
        });
      return view;
    },
  };
}
export type CaseReads = ReturnType<typeof createCaseReads>;
