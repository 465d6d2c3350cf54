import { requiredStationName, type CreateStationInput, type UpdateStationInput } from '@shegong/shared';
import type { Db } from '../../db/database';
import type { Actor } from '../../platform/auth/actor';
import { pathInScope } from '../../platform/auth/scope';
import { diff, writeAudit } from '../../platform/audit/audit';
import type { Clock } from '../../platform/clock';
import type { Attachments } from '../../platform/files/attachments';
import { storedName, type FileStorage } from '../../platform/files/file-storage';
import { checkText } from '../../platform/http/text-guard';
import { AppError, fieldError, isUniqueViolation } from '../../platform/http/errors';
import type { DivisionService } from '../divisions';
import { checkStatusDates, checkTransition } from './station-rules';
import { stationsRepository as repo, type StationRow } from './stations.repository';
import { auditableStation as auditable } from './stations.view';
import type { ActorContext } from '../../platform/http/context';

const duplicateTownship = (name: string) =>
  new AppError('STATION_EXISTS_FOR_TOWNSHIP', `${name}已登记社工站：每个乡镇（街道）只设一个社工站（R-ST-1）`, {
    fieldErrors: { townshipCode: '该乡镇（街道）已登记社工站' },
  });
const staleVersion = () => new AppError('VERSION_CONFLICT', '该社工站已被他人修改，请刷新后再保存');

/**
 * The use cases that change a station: register (R-ST-1), update with optimistic locking, upload the signage photo.
 * They answer the committed row; the service turns it into a view.
 */
export function createStationChanges(d: {
  db: Db;
  clock: Clock;
  divisions: DivisionService;
  storage: FileStorage;
  attachments: Attachments;
  /** The row in the caller's scope, or 404. */
  load: (actor: Actor, id: string) => Promise<StationRow>;
}) {
  const { db, clock, divisions, storage, attachments, load } = d;
  return {
    async create(ctx: ActorContext, input: CreateStationInput): Promise<StationRow> {
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
        return await db.transaction(async (tx) => {
          const s = await repo.insert(tx, row);
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
      } catch (e) {
        if (isUniqueViolation(e)) throw duplicateTownship(township.name);
        throw e;
      }
    },

    async update(ctx: ActorContext, id: string, input: UpdateStationInput): Promise<StationRow> {
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
      return db.transaction(async (tx) => {
        const s = await repo.updateVersioned(tx, id, version, {
          ...fields,
          updatedBy: ctx.actor.userId,
          updatedAt: clock.now(),
        });
        if (!s) throw staleVersion();
        await writeAudit(tx, ctx, {
          action: 'update',
          entityType: 'station',
          entityId: s.id,
          divisionPath: s.divisionPath,
          summary: `修改社工站 ${s.name}`,
          ...diff(auditable(current) as Record<string, unknown>, auditable(s) as Record<string, unknown>),
        });
        return s;
      });
    },

    /** R-ST-1: the signage photo, checked by its name and bytes to be a real image; no orphan file on failure. */
    async uploadSignage(
      ctx: ActorContext,
      id: string,
      upload: { bytes: Buffer; filename: string },
    ): Promise<StationRow> {
      const current = await load(ctx.actor, id);
      checkText('fileName', upload.filename);
      const type = await storage.checkImage(upload.bytes);
      return attachments.storeThen(upload.bytes, (saved) =>
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
          const s = await repo.updateVersioned(tx, id, current.version, {
            signageFileId: f.id,
            updatedBy: ctx.actor.userId,
            updatedAt: clock.now(),
          });
          if (!s) throw staleVersion();
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
    },
  };
}
