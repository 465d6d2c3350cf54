import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createSupervisionSessionSchema,
  supervisionAttendeeQuerySchema,
  supervisionAttendeesSchema,
  supervisionHoursQuerySchema,
  supervisionHoursSchema,
  supervisionSessionPageSchema,
  supervisionSessionQuerySchema,
  supervisionSessionViewSchema,
} from '@shegong/shared';
import { requestContext } from '../../platform/http/context';
import type { SupervisionService } from './supervision.service';

const idParams = z.strictObject({ sessionId: z.uuid('督导记录编号格式不正确') });

/** 督导 (R-EVAL-4): supervision sessions of a station's workers and the hours per worker per year. */
export function supervisionRoutes(app: FastifyInstance, service: SupervisionService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['督导评估'];
  // Every route asks supervision:read; recording (supervision:write, the contractor's) is the policy's, checked in
  // the service, so a session outside the caller's scope answers 404 on every route (R-SCOPE-1).
  const read = { access: { permission: 'supervision:read' as const } };

  r.get(
    '/api/v1/supervision-sessions',
    {
      config: read,
      schema: {
        tags,
        summary: '督导记录列表（按社工站、承接机构、县（区）、年度、社工筛选；社工只看本人参加的督导）',
        querystring: supervisionSessionQuerySchema,
        response: { 200: supervisionSessionPageSchema },
      },
    },
    (req) => service.list(requestContext(req), req.query),
  );
  r.post(
    '/api/v1/supervision-sessions',
    {
      config: read,
      schema: {
        tags,
        summary: '登记督导记录（承接机构；在履行合同覆盖的社工站，督导日期不晚于今天，参加者为当天派驻该站的社工）',
        body: createSupervisionSessionSchema,
        response: { 201: supervisionSessionViewSchema },
      },
    },
    async (req, reply) => {
      reply.status(201);
      return service.create(requestContext(req), req.body);
    },
  );
  r.get(
    '/api/v1/supervision-sessions/:sessionId',
    {
      config: read,
      schema: { tags, summary: '督导记录详情', params: idParams, response: { 200: supervisionSessionViewSchema } },
    },
    (req) => service.get(requestContext(req), req.params.sessionId),
  );
  r.get(
    '/api/v1/supervision-attendees',
    {
      config: read,
      schema: {
        tags,
        summary: '可参加督导的社工（当天派驻该社工站的社工，供登记督导记录时选择）',
        querystring: supervisionAttendeeQuerySchema,
        response: { 200: supervisionAttendeesSchema },
      },
    },
    (req) => service.attendable(requestContext(req), req.query.stationId, req.query.on),
  );
  r.get(
    '/api/v1/supervision-hours',
    {
      config: read,
      schema: {
        tags,
        summary: '年度督导学时（每名社工在各社工站参加督导的时长和次数，按社工站和姓名排列，不作排名）',
        querystring: supervisionHoursQuerySchema,
        response: { 200: supervisionHoursSchema },
      },
    },
    (req) => service.hours(requestContext(req), req.query.year),
  );
}
