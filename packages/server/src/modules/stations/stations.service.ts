import type {
  CreateStationInput,
  StationContract,
  StationQuery,
  StationView,
  UpdateStationInput,
} from '@shegong/shared';
import type { FastifyReply } from 'fastify';
import type { Db } from '../../db/database';
import type { Actor } from '../../platform/auth/actor';
import { historyOf, writeAudit } from '../../platform/audit/audit';
import type { Clock } from '../../platform/clock';
import type { Attachments } from '../../platform/files/attachments';
import type { FileStorage } from '../../platform/files/file-storage';
import { AppError, notFound } from '../../platform/http/errors';
import { pageOf } from '../../platform/http/paging';
import type { DivisionService } from '../divisions';
import { createStationChanges } from './stations.changes';
import { stationsWorkbook } from './stations.export';
import { stationScope, stationsRepository as repo, type StationFilters, type StationRow } from './stations.repository';
import { describeStationFilters, stationView } from './stations.view';
import type { ActorContext } from '../../platform/http/context';

/** The live contract of each station; supplied by the contracts module at composition. */
export type StationContractLookup = (stationIds: string[]) => Promise<Map<string, StationContract>>;

/** Resident workers assigned to each station today; supplied by the workers module at composition. */
export type StationStaffLookup = (stationIds: string[]) => Promise<Map<string, number>>;

export interface StationDeps {
  db: Db;
  clock: Clock;
  divisions: DivisionService;
  storage: FileStorage;
  attachments: Attachments;
  contractsOf: StationContractLookup;
  residentsOf: StationStaffLookup;
}

/** The station registry (R-ST-1…4): reads here, changes in stations.changes.ts. */
export function createStationService(deps: StationDeps) {
  const { db, clock, divisions, attachments, contractsOf, residentsOf } = deps;
  const scopeOf = (actor: Actor) => stationScope(actor.scope);

  /** Views of committed rows: contracts and resident counts for all of them in one query each (no N+1). */
  async function views(rows: StationRow[], actor: Actor | null): Promise<StationView[]> {
    const ids = rows.map((r) => r.id);
    const [contracts, residents] = await Promise.all([contractsOf(ids), residentsOf(ids)]);
    return rows.map((r) => stationView(divisions, r, actor, contracts.get(r.id) ?? null, residents.get(r.id) ?? 0));
  }
  const viewOne = async (row: StationRow, actor: Actor | null) => (await views([row], actor))[0];

  async function load(actor: Actor, id: string): Promise<StationRow> {
    const s = await repo.findInScope(db, scopeOf(actor), id);
    if (!s) throw notFound('社工站');
    return s;
  }
  const changes = createStationChanges({ ...deps, load });

  return {
    /** The station register as an audited .xlsx export of what the filters select. */
    async exportWorkbook(ctx: ActorContext, q: StationFilters) {
      const items = await repo.all(db, scopeOf(ctx.actor), q);
      const buf = await stationsWorkbook(
        await views(items, ctx.actor),
        divisions.find(ctx.actor.divisionCode)?.name ?? '',
        describeStationFilters(divisions, q),
        clock.now(),
      );
      await writeAudit(db, ctx, {
        action: 'export',
        entityType: 'station',
        summary: `导出社工站台账（${items.length} 条）`,
        after: { filters: q },
      });
      return buf;
    },
    async list(actor: Actor, q: StationQuery) {
      const { items, total } = await repo.page(db, scopeOf(actor), q);
      return pageOf(await views(items, actor), total, q);
    },
    /** The station's history from the audit log, once the caller may read the station. */
    async history(actor: Actor, id: string) {
      const s = await load(actor, id);
      return historyOf(db, 'station', s.id);
    },
    async get(actor: Actor, id: string) {
      return viewOne(await load(actor, id), actor);
    },
    async create(ctx: ActorContext, input: CreateStationInput) {
      return viewOne(await changes.create(ctx, input), ctx.actor);
    },
    async update(ctx: ActorContext, id: string, input: UpdateStationInput) {
      return viewOne(await changes.update(ctx, id, input), ctx.actor);
    },
    async uploadSignage(ctx: ActorContext, id: string, upload: { bytes: Buffer; filename: string }) {
      return viewOne(await changes.uploadSignage(ctx, id, upload), ctx.actor);
    },
    /** The signage photo of a station the caller may read (the file inherits the station's scope). */
    async sendSignage(reply: FastifyReply, actor: Actor, id: string) {
      const s = await load(actor, id);
      if (!s.signageFileId) throw new AppError('FILE_NOT_FOUND', '该社工站尚未上传标牌照片');
      return attachments.sendOwned(reply, s.signageFileId);
    },
  };
}
export type StationService = ReturnType<typeof createStationService>;
