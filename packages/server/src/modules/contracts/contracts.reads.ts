import type { ContractQuery, ContractView } from '@shegong/shared';
import type { Actor } from '../../platform/auth/actor';
import { notFound } from '../../platform/http/errors';
import { pageOf } from '../../platform/http/paging';
import type { ContractDeps } from './contracts.service';
import { contractScope, contractsRepository, type ContractRow } from './contracts.repository';
import { canWriteContract, contractAbilities } from './contracts.policy';
import { contractView } from './contracts.view';
import type { ActorContext } from '../../platform/http/context';

/** Reading contracts: one record in scope, a page, and their views. */
export function createContractReads(d: ContractDeps) {
  const { db } = d;

  /**
   * Views of many contracts with a constant number of queries whatever their number: parts (3), files, contractor
   * names and station names for all of them at once.
   */
  async function views(rows: ContractRow[], actor: Actor): Promise<ContractView[]> {
    const ids = rows.map((c) => c.id);
    const parts = await contractsRepository.partsOf(db, ids);
    const [files, names, stationRows] = await Promise.all([
      d.attachments.list('contract', ids),
      d.organisations.names(rows.map((c) => c.organisationId)),
      d.stations.summaries([...parts.values()].flatMap((p) => p.stationIds)),
    ]);
    const stationName = new Map(stationRows.map((s) => [s.id, s.name]));
    const today = d.clock.today();
    return rows.map((c) => {
      const p = parts.get(c.id)!;
      return contractView(c, p, {
        today,
        countyName: d.divisions.find(c.countyCode)?.name ?? '',
        contractorName: names.get(c.organisationId) ?? '',
        stationName,
        files: files.get(c.id) ?? [],
        abilities: contractAbilities(actor, c, p, today),
      });
    });
  }
  const view = async (c: ContractRow, actor: Actor) => (await views([c], actor))[0];

  async function load(actor: Actor, id: string) {
    const c = await contractsRepository.findInScope(db, contractScope(actor.scope), id);
    if (!c) throw notFound('合同');
    return c;
  }
  /** A contract the caller may change; any other reads as missing. */
  async function loadForWrite(ctx: ActorContext, id: string) {
    const c = await load(ctx.actor, id);
    if (!canWriteContract(ctx.actor, c)) throw notFound('合同');
    return c;
  }

  return {
    views,
    view,
    load,
    loadForWrite,
    async list(actor: Actor, q: ContractQuery) {
      const { rows, total } = await contractsRepository.page(db, contractScope(actor.scope), q);
      return pageOf(await views(rows, actor), total, q);
    },
    async get(actor: Actor, id: string) {
      return view(await load(actor, id), actor);
    },
  };
}
export type ContractReads = ReturnType<typeof createContractReads>;
