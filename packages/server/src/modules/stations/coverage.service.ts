import {
  serviceRoomName,
  type CountyCentreInput,
  type CountyCentreQuery,
  type CountyCentreView,
  type ServiceRoomInput,
  type ServiceRoomView,
  type UpdateCountyCentreInput,
} from '@shegong/shared';
import type { Db } from '../../db/database';
import type { Actor } from '../../platform/auth/actor';
import { pathInScope } from '../../platform/auth/scope';
import { diff, writeAudit } from '../../platform/audit/audit';
import { AppError, fieldError, notFound } from '../../platform/http/errors';
import { pageOf } from '../../platform/http/paging';
import type { Clock } from '../../platform/clock';
import type { DivisionService } from '../divisions';
import {
  centreScope,
  coverageRepository as repo,
  type CountyCentreRow,
  type ServiceRoomRow,
} from './coverage.repository';
import type { StationService } from './stations.service';
import type { ActorContext } from '../../platform/http/context';

const staleVersion = () => new AppError('VERSION_CONFLICT', '该记录已被他人修改，请刷新后再保存');

/** R-PLAN-2: 一县（区）一中心 and 村（社区）普及社工服务 — county centres and village/community service rooms. */
export function createCoverageService(d: {
  db: Db;
  clock: Clock;
  divisions: DivisionService;
  stations: StationService;
}) {
  const { db, clock, divisions, stations } = d;
  const centreView = (c: CountyCentreRow): CountyCentreView => ({
    id: c.id,
    countyCode: c.countyCode,
    countyName: divisions.find(c.countyCode)?.name ?? '',
    name: c.name,
    status: c.status,
    address: c.address,
    phone: c.phone,
    establishedOn: c.establishedOn,
    version: c.version,
  });
  const roomView = (r: ServiceRoomRow): ServiceRoomView => ({
    id: r.id,
    stationId: r.stationId,
    villageName: r.villageName,
    name: r.name,
    kind: r.kind,
    status: r.status,
    openedOn: r.openedOn,
  });

  return {
    async listCentres(actor: Actor, q: CountyCentreQuery) {
      const { items, total } = await repo.pageCentres(db, centreScope(actor.scope), q);
      return pageOf(items.map(centreView), total, q);
    },
    async createCentre(ctx: ActorContext, input: CountyCentreInput) {
      const unit = divisions.require(input.countyCode, 'countyCode', 'county');
      if (!pathInScope(ctx.actor.scope, unit.path)) throw fieldError('countyCode', '不在您的管辖范围内');
      if (await repo.centreExistsFor(db, unit.code))
        throw new AppError('COUNTY_CENTRE_EXISTS', `${unit.name}已登记县级社工中心：一县（区）一中心（R-PLAN-2）`, {
          fieldErrors: { countyCode: '该县（区）已登记社工中心' },
        });
      return db.transaction(async (tx) => {
        const c = await repo.insertCentre(tx, {
          ...input,
          countyCode: unit.code,
          divisionPath: unit.path,
          createdBy: ctx.actor.userId,
          updatedBy: ctx.actor.userId,
        });
        await writeAudit(tx, ctx, {
          action: 'create',
          entityType: 'countyCentre',
          entityId: c.id,
          divisionPath: c.divisionPath,
          summary: `登记县级社工中心 ${c.name}`,
          after: centreView(c),
        });
        return centreView(c);
      });
    },
    async updateCentre(ctx: ActorContext, id: string, input: UpdateCountyCentreInput) {
      const current = await repo.findCentreInScope(db, centreScope(ctx.actor.scope), id);
      if (!current) throw notFound('县级社工中心');
      const { version, ...fields } = input;
      if (current.version !== version) throw staleVersion();
      return db.transaction(async (tx) => {
        const c = await repo.updateCentreVersioned(tx, id, version, {
          ...fields,
          updatedAt: clock.now(),
          updatedBy: ctx.actor.userId,
        });
        if (!c) throw staleVersion();
        await writeAudit(tx, ctx, {
          action: 'update',
          entityType: 'countyCentre',
          entityId: c.id,
          divisionPath: c.divisionPath,
          summary: `修改县级社工中心 ${c.name}`,
          ...diff(centreView(current) as never, centreView(c) as never),
        });
        return centreView(c);
      });
    },
    /** The rooms of one station: a short sub-list of one record (a township's villages), answered whole. */
    async listRooms(actor: Actor, stationId: string) {
      await stations.get(actor, stationId); // 404 outside scope
      return { items: (await repo.roomsOf(db, stationId)).map(roomView) };
    },
    async createRoom(ctx: ActorContext, stationId: string, input: ServiceRoomInput) {
      const station = await stations.get(ctx.actor, stationId);
      if (await repo.roomExists(db, stationId, input.villageName))
        throw fieldError('villageName', '该村（社区）已登记服务室');
      const path = divisions.find(station.townshipCode)!.path;
      return db.transaction(async (tx) => {
        const r = await repo.insertRoom(tx, {
          ...input,
          stationId,
          divisionPath: path,
          name: serviceRoomName(input.villageName),
          createdBy: ctx.actor.userId,
          updatedBy: ctx.actor.userId,
        });
        await writeAudit(tx, ctx, {
          action: 'create',
          entityType: 'serviceRoom',
          entityId: r.id,
          divisionPath: path,
          summary: `登记${r.name}`,
          after: roomView(r),
        });
        return roomView(r);
      });
    },
  };
}
export type CoverageService = ReturnType<typeof createCoverageService>;
