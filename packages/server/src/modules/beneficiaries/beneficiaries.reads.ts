import { maskName, type BeneficiaryQuery, type BeneficiaryView } from '@shegong/shared';
import type { Db } from '../../db/database';
import { writeAudit } from '../../platform/audit/audit';
import { can, type Actor } from '../../platform/auth/actor';
import type { Clock } from '../../platform/clock';
import type { ActorContext } from '../../platform/http/context';
import { fieldError, notFound } from '../../platform/http/errors';
import { pageOf } from '../../platform/http/paging';
import type { DivisionService } from '../divisions';
import type { StationLookup } from '../stations';
import type { UserLookup } from '../users';
import type { WorkerLookup } from '../workers';
import { seesPii } from './beneficiaries.policy';
import {
  beneficiariesRepository as repo,
  beneficiaryScope,
  type BeneficiaryRow,
  type ListFilter,
} from './beneficiaries.repository';
import { detailView, listItem, policyFacts, type ListContext } from './beneficiaries.view';

export interface BeneficiaryDeps {
  db: Db;
  clock: Clock;
  divisions: DivisionService;
  stations: StationLookup;
  workers: WorkerLookup;
  users: UserLookup;
}

const groupBy = <T, K>(rows: T[], key: (r: T) => K) => {
  const out = new Map<K, T[]>();
  for (const r of rows) out.set(key(r), [...(out.get(key(r)) ?? []), r]);
  return out;
};

/** Reading the registry: records in the caller's scope (404 otherwise), their views, and the audit of clear reads. */
export function createBeneficiaryReads(d: BeneficiaryDeps) {
  const { db, clock } = d;

  /** The facts the views of a set of people need, in a constant number of queries for the set. */
  async function listContext(rows: BeneficiaryRow[], asOf?: string): Promise<ListContext> {
    const ids = rows.map((r) => r.id);
    const [links, categories] = await Promise.all([repo.linksOf(db, ids), repo.categoriesOf(db, ids)]);
    const stationIds = [...new Set([...rows.map((r) => r.stationId), ...links.map((l) => l.stationId)])];
    const workerIds = [...new Set(links.map((l) => l.workerId).filter((w): w is string => !!w))];
    const [stations, workerNames] = await Promise.all([d.stations.summaries(stationIds), d.workers.names(workerIds)]);
    const today = clock.today();
    return {
      links: groupBy(links, (l) => l.beneficiaryId),
      categories: groupBy(categories, (c) => c.beneficiaryId),
      stations: new Map(
        stations.map((s) => [s.id, { name: s.name, countyName: d.divisions.unitOf(s.countyCode)?.name ?? '' }]),
      ),
      workerNames,
      today,
      asOf: asOf ?? today,
    };
  }

  /** R-SCOPE-2: a read that shows identity in clear is an audit event naming the records (one per request). */
  async function auditClearRead(ctx: ActorContext, rows: BeneficiaryRow[], lc: ListContext, what: string) {
    const clear = rows.filter((r) => seesPii(ctx.actor, policyFacts(r, lc), lc.today));
    if (clear.length === 0) return;
    const names = clear
      .slice(0, 20)
      .map((r) => maskName(r.name))
      .join('、');
    await writeAudit(db, ctx, {
      action: 'read_pii',
      entityType: 'beneficiary',
      entityId: clear.length === 1 ? clear[0].id : undefined,
      divisionPath: clear[0].divisionPath,
      summary: `${what}：${names}${clear.length > 20 ? ` 等 ${clear.length} 人` : ''}（身份证号、电话、住址明文）`,
      after: { beneficiaryIds: clear.map((r) => r.id) },
    });
  }

  async function load(actor: Actor, id: string): Promise<BeneficiaryRow> {
    const row = await repo.findInScope(db, beneficiaryScope(actor.scope, { selective: true }), id);
    if (!row) throw notFound('服务对象');
    return row;
  }

  /**
   * The list's filters as SQL: the county code becomes its path (an unknown one is a field error); a filter that would
   * confirm a withheld fact of a sensitive record (its category, risk, phone or ID) leaves such records out (R-SCOPE-2).
   */
  function filterOf(actor: Actor, q: Omit<BeneficiaryQuery, 'page' | 'pageSize'>): ListFilter {
    const { countyCode, ...rest } = q;
    const revealing = !!q.category || !!q.risk || (!!q.q && /\d/.test(q.q));
    const withheld =
      revealing && !can(actor, 'beneficiaries:sensitive') ? { workerId: actor.workerId ?? null } : undefined;
    if (!countyCode) return { ...rest, withheld };
    const county = d.divisions.unitOf(countyCode);
    if (!county || county.code !== countyCode) throw fieldError('countyCode', '不是本市的县（区）');
    return { ...rest, withheld, countyPath: county.path };
  }

  /** The list's whole condition (the list and its export): scope, narrowed to one station when the filter names one. */
  function whereOf(actor: Actor, q: Omit<BeneficiaryQuery, 'page' | 'pageSize'>) {
    // A list of one station reads that station's links only; the scope then holds the station filter.
    const scope = beneficiaryScope(actor.scope, { stationId: q.stationId, selective: !!q.q });
    const filter = filterOf(actor, q);
    return repo.where(scope, q.stationId ? { ...filter, stationId: undefined } : filter, clock.today());
  }

  async function detail(actor: Actor, row: BeneficiaryRow) {
    const [lc, risks, consents, household] = await Promise.all([
      listContext([row]),
      repo.risksOf(db, row.id),
      repo.consentsOf(db, row.id),
      repo.householdOf(db, row.id),
    ]);
    const userIds = [...risks, ...consents].map((r) => r.createdBy).filter((u): u is string => !!u);
    const userNames = await d.users.displayNames(userIds);
    return { view: detailView(row, actor, { ...lc, risks, consents, household, userNames }), lc };
  }

  return {
    load,
    listContext,
    filterOf,
    whereOf,
    /** One page: a constant number of queries whatever the page size. */
    async list(ctx: ActorContext, q: BeneficiaryQuery) {
      const where = whereOf(ctx.actor, q);
      const { items, total } = await repo.page(db, where, q);
      const lc = await listContext(items, q.asOf);
      await auditClearRead(ctx, items, lc, '查看服务对象列表');
      return pageOf(
        items.map((r) => listItem(r, ctx.actor, lc)),
        total,
        q,
      );
    },
    /** A person's page; a clear read is audited. */
    async get(ctx: ActorContext, id: string): Promise<BeneficiaryView> {
      const row = await load(ctx.actor, id);
      const { view, lc } = await detail(ctx.actor, row);
      await auditClearRead(ctx, [row], lc, '查看服务对象');
      return view;
    },
    /** The view after a change (the change's own audit event covers it). */
    async viewOf(actor: Actor, id: string) {
      return (await detail(actor, await load(actor, id))).view;
    },
  };
}
export type BeneficiaryReads = ReturnType<typeof createBeneficiaryReads>;
