import { and, eq } from 'drizzle-orm';
import {
  STATION_STATUS_LABELS,
  requiredStationName,
  stationFindings,
  type CreateStationInput,
  type StationContract,
  type StationQuery,
  type StationView,
  type UpdateStationInput,
} from '@shegong/shared';
import type { FastifyReply } from 'fastify';
import type { Db } from '../../db/database';
import { can, type Actor } from '../../platform/auth/actor';
import { pathInScope } from '../../platform/auth/scope';
import { diff, historyOf, writeAudit, type RequestContext } from '../../platform/audit/audit';
import type { Clock } from '../../platform/clock';
import type { Attachments } from '../../platform/files/attachments';
import { storedName, type FileStorage } from '../../platform/files/file-storage';
import { checkText } from '../../platform/http/text-guard';
import { AppError, fieldError, isUniqueViolation, notFound } from '../../platform/http/errors';
import type { DivisionService } from '../divisions';
import { checkStatusDates, checkTransition } from './station-rules';
import { stationsWorkbook } from './stations.export';
import { scopeOf as stationScope } from './stations.lookup';
import { stationsRepository as repo, type StationRow } from './stations.repository';
import { stations } from './stations.table';

type Ctx = RequestContext & { actor: Actor };

const auditable = ({
  createdAt: _c,
  updatedAt: _u,
  createdBy: _cb,
  updatedBy: _ub,
  archivedAt: _a,
  ...rest
}: StationRow) => rest;

const duplicateTownship = (name: string) =>
  new AppError('STATION_EXISTS_FOR_TOWNSHIP', `${name}已登记社工站：每个乡镇（街道）只设一个社工站（R-ST-1）`, {
    fieldErrors: { townshipCode: '该乡镇（街道）已登记社工站' },
  });

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

export function createStationService({
  db,
  clock,
  divisions,
  storage,
  attachments,
  contractsOf,
  residentsOf,
}: StationDeps) {
  const scopeOf = (actor: Actor) => stationScope(actor.scope);

  function view(
    s: StationRow,
    actor: Actor | null,
    contract: StationContract | null,
    residents: number | undefined,
  ): StationView {
    const township = divisions.find(s.townshipCode);
    const county = divisions.find(s.countyCode);
    const findings = stationFindings({
      ...s,
      townshipName: township?.name ?? '',
      hasSignagePhoto: !!s.signageFileId,
      hasCurrentContract: !!contract,
      contractEndsEarlyOn: contract?.ending ? contract.endsOn : null,
      residentWorkers: residents,
    });
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
    const [contracts, residents] = await Promise.all([contractsOf(ids), residentsOf(ids)]);
    return rows.map((r) => view(r, actor, contracts.get(r.id) ?? null, residents.get(r.id) ?? 0));
  }
  const viewOne = async (row: StationRow, actor: Actor | null) => (await views([row], actor))[0];

  async function load(actor: Actor, id: string): Promise<StationRow> {
    const s = await repo.findInScope(db, scopeOf(actor), id);
    if (!s) throw notFound('社工站');
    return s;
  }

  /** The filters in words for an export's header row (no raw codes, UX.md). */
  function describeFilters(q: Omit<StationQuery, 'page' | 'pageSize'>): string {
    return [
      q.county && `县（区）：${divisions.find(q.county)?.name ?? q.county}`,
      q.status && `状态：${STATION_STATUS_LABELS[q.status]}`,
      q.batchYear && `批次：${q.batchYear}年`,
      q.q && `名称含：${q.q}`,
    ]
      .filter(Boolean)
      .join('，');
  }

  return {
    /** The station register as an audited .xlsx export of what the filters select. */
    async exportWorkbook(ctx: Ctx, q: Omit<StationQuery, 'page' | 'pageSize'>) {
      const { items } = await repo.list(db, scopeOf(ctx.actor), q);
      const buf = await stationsWorkbook(await views(items, ctx.actor), describeFilters(q), clock.now());
      await writeAudit(db, ctx, {
        action: 'export',
        entityType: 'station',
        summary: `导出社工站台账（${items.length} 条）`,
        after: { filters: q },
      });
      return buf;
    },
    async list(actor: Actor, q: StationQuery) {
      const { items, total } = await repo.list(db, scopeOf(actor), q);
      return { items: await views(items, actor), total, page: q.page, pageSize: q.pageSize };
    },
    /** The station's history from the audit log, once the caller may read the station. */
    async history(actor: Actor, id: string) {
      const s = await load(actor, id);
      return historyOf(db, 'station', s.id);
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
      checkStatusDates(row, clock.today());
      if (await repo.findByTownship(db, township.code)) throw duplicateTownship(township.name);
      try {
        const created = await db.transaction(async (tx) => {
          const [s] = await tx.insert(stations).values(row).returning();
          await writeAudit(tx, ctx, {
            action: 'create',
            entityType: 'station',
            entityId: s.id,
            divisionPath: s.divisionPath,
            summary: `登记社工站 ${s.name}`,
            after: auditable(s),
          });
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
      if (current.version !== input.version)
        throw new AppError('VERSION_CONFLICT', '该社工站已被他人修改，请刷新后再保存', {
          currentVersion: current.version,
        });
      const { version, ...fields } = input;
      const next = {
        ...current,
        ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
      } as StationRow;
      checkTransition(current.status, next.status);
      checkStatusDates(next, clock.today());
      const updated = await db.transaction(async (tx) => {
        const [s] = await tx
          .update(stations)
          .set({ ...fields, updatedBy: ctx.actor.userId, updatedAt: clock.now(), version: version + 1 })
          .where(and(eq(stations.id, id), eq(stations.version, version)))
          .returning();
        if (!s) throw new AppError('VERSION_CONFLICT', '该社工站已被他人修改，请刷新后再保存');
        const changes = diff(auditable(current) as Record<string, unknown>, auditable(s) as Record<string, unknown>);
        await writeAudit(tx, ctx, {
          action: 'update',
          entityType: 'station',
          entityId: s.id,
          divisionPath: s.divisionPath,
          summary: `修改社工站 ${s.name}`,
          ...changes,
        });
        return s;
      });
      return viewOne(updated, ctx.actor);
    },

    /** R-ST-1: the signage photo, checked by its name and bytes to be a real image; no orphan file on failure. */
    async uploadSignage(ctx: Ctx, id: string, upload: { bytes: Buffer; filename: string }) {
      const current = await load(ctx.actor, id);
      checkText('fileName', upload.filename);
      const type = await storage.checkImage(upload.bytes);
      const updated = await attachments.storeThen(upload.bytes, (saved) =>
        db.transaction(async (tx) => {
          const f = await attachments.insertFile(tx, {
            purpose: 'station-signage',
            originalName: storedName(upload.filename, type.ext, '标牌照片'),
            mimeType: type.mime,
            sizeBytes: upload.bytes.length,
            sha256: saved.sha256,
            storageKey: saved.key,
            divisionPath: current.divisionPath,
            createdBy: ctx.actor.userId,
          });
          const [s] = await tx
            .update(stations)
            .set({
              signageFileId: f.id,
              updatedBy: ctx.actor.userId,
              updatedAt: clock.now(),
              version: current.version + 1,
            })
            .where(eq(stations.id, id))
            .returning();
          await writeAudit(tx, ctx, {
            action: 'upload',
            entityType: 'station',
            entityId: s.id,
            divisionPath: s.divisionPath,
            summary: `上传标牌照片 ${f.originalName}`,
            before: { signageFileId: current.signageFileId },
            after: { signageFileId: f.id },
          });
          return s;
        }),
      );
      return viewOne(updated, ctx.actor);
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
