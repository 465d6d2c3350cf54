import { and, eq } from 'drizzle-orm';
import { STATION_STATUS_LABELS, requiredStationName, stationFindings, type CreateStationInput, type StationContract, type StationQuery, type StationView, type UpdateStationInput } from '@shegong/shared';
import type { Db } from '../../db/database';
import { can, type Actor } from '../../platform/auth/actor';
import { pathInScope, scopeCondition } from '../../platform/auth/scope';
import { diff, writeAudit, type RequestContext } from '../../platform/audit/audit';
import { files } from '../../platform/files/files.table';
import type { FileStorage } from '../../platform/files/file-storage';
import { AppError, fieldError, notFound } from '../../platform/http/errors';
import type { DivisionService } from '../divisions';
import { checkStatusDates, checkTransition } from './station-rules';
import { stationsRepository as repo, type StationRow } from './stations.repository';
import { stations } from './stations.table';

type Ctx = RequestContext & { actor: Actor };

const auditable = ({ createdAt: _c, updatedAt: _u, createdBy: _cb, updatedBy: _ub, archivedAt: _a, ...rest }: StationRow) => rest;

const isUniqueViolation = (e: unknown) => {
  const err = e as { code?: string; cause?: { code?: string } };
  return err?.code === '23505' || err?.cause?.code === '23505';
};
const duplicateTownship = (name: string) =>
  new AppError('STATION_EXISTS_FOR_TOWNSHIP', `${name}已登记社工站：每个乡镇（街道）只设一个社工站（R-ST-1）`, { fieldErrors: { townshipCode: '该乡镇（街道）已登记社工站' } });

/** The live contract of each station; supplied by the contracts module at composition. */
export type StationContractLookup = (stationIds: string[]) => Promise<Map<string, StationContract>>;

/** Resident workers assigned to each station today; supplied by the workers module at composition. */
export type StationStaffLookup = (stationIds: string[]) => Promise<Map<string, number>>;

export function createStationService(db: Db, divisions: DivisionService, storage: FileStorage, contractsOf: StationContractLookup = async () => new Map(), residentsOf?: StationStaffLookup) {
  const scopeOf = (actor: Actor) => scopeCondition(actor.scope, { divisionPath: stations.divisionPath, stationId: stations.id });

  function view(s: StationRow, actor: Actor | null, contract: StationContract | null, residents: number | undefined): StationView {
    const township = divisions.find(s.townshipCode);
    const county = divisions.find(s.countyCode);
    const findings = stationFindings({ ...s, townshipName: township?.name ?? '', hasSignagePhoto: !!s.signageFileId, hasCurrentContract: !!contract, contractEndsEarlyOn: contract?.ending ? contract.endsOn : null, residentWorkers: residents });
    const writable = !!actor && can(actor, 'stations:write');
    return {
      id: s.id,
      townshipCode: s.townshipCode,
      townshipName: township?.name ?? '',
      townshipKind: township?.kind ?? '',
      countyCode: s.countyCode,
      countyName: county?.name ?? '',
      name: s.name,
      batchYear: s.batchYear,
      status: s.status,
      address: s.address,
      phone: s.phone,
      openingHours: s.openingHours,
      longitude: s.longitude,
      latitude: s.latitude,
      officeAreaM2: s.officeAreaM2,
      activityAreaM2: s.activityAreaM2,
      buildingStartedOn: s.buildingStartedOn,
      openedOn: s.openedOn,
      suspendedOn: s.suspendedOn,
      site: s.site,
      institutions: s.institutions,
      notes: s.notes,
      signagePhotoId: s.signageFileId,
      findings,
      contract,
      residentWorkers: residents ?? null,
      version: s.version,
      createdAt: s.createdAt.toISOString(),
      updatedAt: s.updatedAt.toISOString(),
      abilities: { update: writable, uploadSignage: writable },
    };
  }

  /** Views of committed rows, with their live contracts looked up in one query. */
  async function views(rows: StationRow[], actor: Actor | null): Promise<StationView[]> {
    const ids = rows.map((r) => r.id);
    const [contracts, residents] = await Promise.all([contractsOf(ids), residentsOf?.(ids)]);
    return rows.map((r) => view(r, actor, contracts.get(r.id) ?? null, residents ? (residents.get(r.id) ?? 0) : undefined));
  }
  const viewOne = async (row: StationRow, actor: Actor | null) => (await views([row], actor))[0];

  async function load(actor: Actor, id: string): Promise<StationRow> {
    const s = await repo.findInScope(db, scopeOf(actor), id);
    if (!s) throw notFound('社工站');
    return s;
  }

  return {
    /** The filters in words for an export's header row (no raw codes, UX.md). */
    describeFilters(q: Omit<StationQuery, 'page' | 'pageSize'>): string {
      return [
        q.county && `县（区）：${divisions.find(q.county)?.name ?? q.county}`,
        q.status && `状态：${STATION_STATUS_LABELS[q.status]}`,
        q.batchYear && `批次：${q.batchYear}年`,
        q.q && `名称含：${q.q}`,
      ]
        .filter(Boolean)
        .join('，');
    },
    async list(actor: Actor, q: StationQuery) {
      const { items, total } = await repo.list(db, scopeOf(actor), q);
      return { items: await views(items, actor), total, page: q.page, pageSize: q.pageSize };
    },
    /** All stations matching the filters, for exports. */
    async listAll(actor: Actor, q: Omit<StationQuery, 'page' | 'pageSize'>) {
      const { items } = await repo.list(db, scopeOf(actor), q);
      return views(items, actor);
    },
    async get(actor: Actor, id: string) {
      return viewOne(await load(actor, id), actor);
    },

    async create(ctx: Ctx, input: CreateStationInput) {
      const township = divisions.require(input.townshipCode, 'townshipCode', 'township');
      if (!pathInScope(ctx.actor.scope, township.path)) throw fieldError('townshipCode', '不在您的管辖范围内');
      const row = {
        townshipCode: township.code,
        countyCode: township.parentCode!,
        divisionPath: township.path,
        name: input.name ?? requiredStationName(township.name),
        batchYear: input.batchYear,
        status: input.status,
        address: input.address ?? '',
        phone: input.phone ?? '',
        openingHours: input.openingHours ?? '',
        longitude: input.longitude ?? null,
        latitude: input.latitude ?? null,
        officeAreaM2: input.officeAreaM2 ?? null,
        activityAreaM2: input.activityAreaM2 ?? null,
        buildingStartedOn: input.buildingStartedOn ?? null,
        openedOn: input.openedOn ?? null,
        suspendedOn: input.suspendedOn ?? null,
        site: input.site ?? {},
        institutions: input.institutions ?? {},
        notes: input.notes ?? '',
        createdBy: ctx.actor.userId,
        updatedBy: ctx.actor.userId,
      };
      checkStatusDates(row);
      if (await repo.findByTownship(db, township.code)) throw duplicateTownship(township.name);
      try {
        const created = await db.transaction(async (tx) => {
          const [s] = await tx.insert(stations).values(row).returning();
          await writeAudit(tx, ctx, { action: 'create', entityType: 'station', entityId: s.id, divisionPath: s.divisionPath, summary: `登记社工站 ${s.name}`, after: auditable(s) });
          return s;
        });
        return viewOne(created, ctx.actor);
      } catch (e) {
        if (isUniqueViolation(e)) throw duplicateTownship(township.name);
        throw e;
      }
    },

    async update(ctx: Ctx, id: string, input: UpdateStationInput) {
      const current = await load(ctx.actor, id);
      if (current.version !== input.version) throw new AppError('VERSION_CONFLICT', '该社工站已被他人修改，请刷新后再保存', { currentVersion: current.version });
      const { version, ...fields } = input;
      const next = { ...current, ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) } as StationRow;
      checkTransition(current.status, next.status);
      checkStatusDates(next);
      const updated = await db.transaction(async (tx) => {
        const [s] = await tx
          .update(stations)
          .set({ ...fields, updatedBy: ctx.actor.userId, updatedAt: new Date(), version: version + 1 })
          .where(and(eq(stations.id, id), eq(stations.version, version)))
          .returning();
        if (!s) throw new AppError('VERSION_CONFLICT', '该社工站已被他人修改，请刷新后再保存');
        const changes = diff(auditable(current) as Record<string, unknown>, auditable(s) as Record<string, unknown>);
        await writeAudit(tx, ctx, { action: 'update', entityType: 'station', entityId: s.id, divisionPath: s.divisionPath, summary: `修改社工站 ${s.name}`, ...changes });
        return s;
      });
      return viewOne(updated, ctx.actor);
    },

    /** R-ST-1: the signage photo, checked by its bytes to be a real image. */
    async uploadSignage(ctx: Ctx, id: string, upload: { bytes: Buffer; filename: string }) {
      const current = await load(ctx.actor, id);
      const type = await storage.checkImage(upload.bytes);
      const saved = await storage.save(upload.bytes);
      const updated = await db.transaction(async (tx) => {
        const [f] = await tx
          .insert(files)
          .values({ purpose: 'station-signage', originalName: upload.filename.slice(0, 200), mimeType: type.mime, sizeBytes: upload.bytes.length, sha256: saved.sha256, storageKey: saved.key, divisionPath: current.divisionPath, createdBy: ctx.actor.userId })
          .returning();
        const [s] = await tx
          .update(stations)
          .set({ signageFileId: f.id, updatedBy: ctx.actor.userId, updatedAt: new Date(), version: current.version + 1 })
          .where(eq(stations.id, id))
          .returning();
        await writeAudit(tx, ctx, { action: 'upload', entityType: 'station', entityId: s.id, divisionPath: s.divisionPath, summary: `上传标牌照片 ${f.originalName}`, before: { signageFileId: current.signageFileId }, after: { signageFileId: f.id } });
        return s;
      });
      return viewOne(updated, ctx.actor);
    },

    /** A file in the caller's scope (same 404 as a missing one otherwise). */
    async readFile(actor: Actor, fileId: string) {
      const rows = await db.select().from(files).where(and(eq(files.id, fileId), scopeCondition(actor.scope, { divisionPath: files.divisionPath }))).limit(1);
      const f = rows[0];
      if (!f) throw new AppError('FILE_NOT_FOUND', '文件不存在或无权访问');
      return { meta: f, bytes: await storage.read(f.storageKey) };
    },
  };
}
export type StationService = ReturnType<typeof createStationService>;
