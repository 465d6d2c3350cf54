import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  countyCentreQuerySchema,
  countyCentreSchema,
  countyCentreViewSchema,
  itemsSchema,
  pagedSchema,
  serviceRoomSchema,
  serviceRoomViewSchema,
  updateCountyCentreSchema,
} from '@shegong/shared';
import { requireActor } from '../../platform/auth/auth-plugin';
import { requestContext } from '../../platform/http/context';
import type { CoverageService } from './coverage.service';

const centreParams = z.strictObject({ centreId: z.uuid('编号格式不正确') });
const stationParams = z.strictObject({ stationId: z.uuid('社工站编号格式不正确') });

/** R-PLAN-2 routes: county centres (a paged list) and the service rooms of one station (a short sub-list). */
export function coverageRoutes(app: FastifyInstance, service: CoverageService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = { access: { permission: 'stations:read' as const } };
  const write = { access: { permission: 'stations:write' as const } };
  r.get(
    '/api/v1/county-centres',
    {
      config: read,
      schema: {
        tags: ['县级社工中心'],
        summary: '县（区）社会工作服务中心（分页）',
        querystring: countyCentreQuerySchema,
        response: { 200: pagedSchema(countyCentreViewSchema) },
      },
    },
    (req) => service.listCentres(requireActor(req), req.query),
  );
  r.post(
    '/api/v1/county-centres',
    {
      config: write,
      schema: {
        tags: ['县级社工中心'],
        summary: '登记县级社工中心（一县（区）一中心）',
        body: countyCentreSchema,
        response: { 201: countyCentreViewSchema },
      },
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
        response: { 200: countyCentreViewSchema },
      },
    },
    (req) => service.updateCentre(requestContext(req), req.params.centreId, req.body),
  );
  r.get(
    '/api/v1/stations/:stationId/service-rooms',
    {
      config: read,
      schema: {
        tags: ['社工站'],
        summary: '村（社区）社会工作服务室（一个社工站的全部）',
        params: stationParams,
        response: { 200: itemsSchema(serviceRoomViewSchema) },
      },
    },
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
        response: { 201: serviceRoomViewSchema },
      },
    },
    async (req, reply) => {
      reply.status(201);
      return service.createRoom(requestContext(req), req.params.stationId, req.body);
    },
  );
}
