import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { and, asc, eq, isNull } from 'drizzle-orm';
import {
  countyCentreSchema,
  serviceRoomName,
  serviceRoomSchema,
  updateCountyCentreSchema,
  type CountyCentreInput,
  type CountyCentreView,
  type ServiceRoomInput,
  type ServiceRoomView,
} from '@shegong/shared';
import type { Db } from '../../db/database';
import type { Actor } from '../../platform/auth/actor';
import { requireActor } from '../../platform/auth/auth-plugin';
import { pathInScope, scopeCondition } from '../../platform/auth/scope';
import { diff, writeAudit, type RequestContext } from '../../platform/audit/audit';
import { requestContext } from '../../platform/http/context';
import { AppError, fieldError, notFound } from '../../platform/http/errors';
import type { Clock } from '../../platform/clock';
import type { DivisionService } from '../divisions';
import type { StationService } from './stations.service';
import { countyCentres, serviceRooms } from './stations.table';

type Ctx = RequestContext & { actor: Actor };

/** R-PLAN-2: 一县（区）一中心 and 村（社区）普及社工服务 — county centres and village/community service rooms. */
export function createCoverageService(
  db: Db,
  clock: Clock,
  divisions: DivisionService,
  stationService: StationService,
) {
  const centreView = (c: typeof countyCentres.$inferSelect): CountyCentreView => ({
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
  const roomView = (r: typeof serviceRooms.$inferSelect): ServiceRoomView => ({
    id: r.id,
    stationId: r.stationId,
    villageName: r.villageName,
    name: r.name,
    kind: r.kind,
    status: r.status,
    openedOn: r.openedOn,
  });

  return {
    async listCentres(actor: Actor) {
      const rows = await db
        .select()
        .from(countyCentres)
        .where(
          and(
            scopeCondition(actor.scope, { divisionPath: countyCentres.divisionPath }),
            isNull(countyCentres.archivedAt),
          ),
        )
        .orderBy(asc(countyCentres.divisionPath));
      return { items: rows.map(centreView), total: rows.length };
    },
    async createCentre(ctx: Ctx, input: CountyCentreInput) {
      const unit = divisions.require(input.countyCode, 'countyCode', 'county');
      if (!pathInScope(ctx.actor.scope, unit.path)) throw fieldError('countyCode', '不在您的管辖范围内');
      const exists = await db
        .select({ id: countyCentres.id })
        .from(countyCentres)
        .where(eq(countyCentres.countyCode, unit.code))
        .limit(1);
      if (exists[0])
        throw new AppError('COUNTY_CENTRE_EXISTS', `${unit.name}已登记县级社工中心：一县（区）一中心（R-PLAN-2）`, {
          fieldErrors: { countyCode: '该县（区）已登记社工中心' },
        });
      return db.transaction(async (tx) => {
        const [c] = await tx
          .insert(countyCentres)
          .values({
            ...input,
            countyCode: unit.code,
            divisionPath: unit.path,
            createdBy: ctx.actor.userId,
            updatedBy: ctx.actor.userId,
          })
          .returning();
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
    async updateCentre(ctx: Ctx, id: string, input: z.infer<typeof updateCountyCentreSchema>) {
      const rows = await db
        .select()
        .from(countyCentres)
        .where(
          and(eq(countyCentres.id, id), scopeCondition(ctx.actor.scope, { divisionPath: countyCentres.divisionPath })),
        )
        .limit(1);
      const current = rows[0];
      if (!current) throw notFound('县级社工中心');
      const { version, ...fields } = input;
      if (current.version !== version) throw new AppError('VERSION_CONFLICT', '该记录已被他人修改，请刷新后再保存');
      return db.transaction(async (tx) => {
        const [c] = await tx
          .update(countyCentres)
          .set({ ...fields, version: version + 1, updatedAt: clock.now(), updatedBy: ctx.actor.userId })
          .where(and(eq(countyCentres.id, id), eq(countyCentres.version, version)))
          .returning();
        if (!c) throw new AppError('VERSION_CONFLICT', '该记录已被他人修改，请刷新后再保存');
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
    async listRooms(actor: Actor, stationId: string) {
      await stationService.get(actor, stationId); // 404 outside scope
      const rows = await db
        .select()
        .from(serviceRooms)
        .where(and(eq(serviceRooms.stationId, stationId), isNull(serviceRooms.archivedAt)))
        .orderBy(asc(serviceRooms.villageName));
      return { items: rows.map(roomView), total: rows.length };
    },
    async createRoom(ctx: Ctx, stationId: string, input: ServiceRoomInput) {
      const station = await stationService.get(ctx.actor, stationId);
      const dup = await db
        .select({ id: serviceRooms.id })
        .from(serviceRooms)
        .where(and(eq(serviceRooms.stationId, stationId), eq(serviceRooms.villageName, input.villageName)))
        .limit(1);
      if (dup[0]) throw fieldError('villageName', '该村（社区）已登记服务室');
      const path = divisions.find(station.townshipCode)!.path;
      return db.transaction(async (tx) => {
        const [r] = await tx
          .insert(serviceRooms)
          .values({
            ...input,
            stationId,
            divisionPath: path,
            name: serviceRoomName(input.villageName),
            createdBy: ctx.actor.userId,
            updatedBy: ctx.actor.userId,
          })
          .returning();
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

const centreParams = z.strictObject({ centreId: z.uuid('编号格式不正确') });
const stationParams = z.strictObject({ stationId: z.uuid('社工站编号格式不正确') });

export function coverageRoutes(app: FastifyInstance, service: CoverageService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = { access: { permission: 'stations:read' as const } };
  const write = { access: { permission: 'stations:write' as const } };
  r.get(
    '/api/v1/county-centres',
    { config: read, schema: { tags: ['县级社工中心'], summary: '县（区）社会工作服务中心' } },
    (req) => service.listCentres(requireActor(req)),
  );
  r.post(
    '/api/v1/county-centres',
    {
      config: write,
      schema: { tags: ['县级社工中心'], summary: '登记县级社工中心（一县（区）一中心）', body: countyCentreSchema },
    },
    async (req, reply) => {
      reply.status(201);
      return service.createCentre(requestContext(req), req.body);
    },
  );
  r.patch(
    '/api/v1/county-centres/:centreId',
    {
      config: write,
      schema: {
        tags: ['县级社工中心'],
        summary: '修改县级社工中心',
        params: centreParams,
        body: updateCountyCentreSchema,
      },
    },
    (req) => service.updateCentre(requestContext(req), req.params.centreId, req.body),
  );
  r.get(
    '/api/v1/stations/:stationId/service-rooms',
    { config: read, schema: { tags: ['社工站'], summary: '村（社区）社会工作服务室', params: stationParams } },
    (req) => service.listRooms(requireActor(req), req.params.stationId),
  );
  r.post(
    '/api/v1/stations/:stationId/service-rooms',
    {
      config: write,
      schema: {
        tags: ['社工站'],
        summary: '登记村（社区）社会工作服务室',
        params: stationParams,
        body: serviceRoomSchema,
      },
    },
    async (req, reply) => {
      reply.status(201);
      return service.createRoom(requestContext(req), req.params.stationId, req.body);
    },
  );
}
