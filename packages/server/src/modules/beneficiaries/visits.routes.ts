import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  updateVisitIntervalsSchema,
  visitIntervalsSchema,
  visitsDuePageSchema,
  visitsDueQuerySchema,
} from '@shegong/shared';
import { requestContext } from '../../platform/http/context';
import type { VisitService } from './visits.service';

/** 走访 (R-SVC-5): visits due by risk, and the intervals the city sets. */
export function visitRoutes(app: FastifyInstance, service: VisitService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['走访'];

  r.get(
    '/api/v1/visits/due',
    {
      config: { access: { permission: 'services:read' } },
      schema: {
        tags,
        summary:
          '应走访名单：有风险等级、最近一次入户走访加走访周期已到期或将在 withinDays 天内到期的服务对象（从未走访的自首次风险评估之日起到期），逾期最久的在前；社工默认只看自己负责的对象',
        querystring: visitsDueQuerySchema,
        response: { 200: visitsDuePageSchema },
      },
    },
    (req) => service.due(requestContext(req), req.query),
  );
  r.get(
    '/api/v1/visits/intervals',
    {
      config: { access: { permission: 'services:read' } },
      schema: {
        tags,
        summary: '各风险等级的走访周期（天）；市民政局未设置时为默认值（高 30、中 90、低 180）',
        response: { 200: visitIntervalsSchema },
      },
    },
    (req) => service.intervals(requestContext(req)),
  );
  r.put(
    '/api/v1/visits/intervals',
    {
      config: { access: { permission: 'visits:configure' } },
      schema: {
        tags,
        summary: '设置走访周期（市民政局）：三个等级一并提交，各带读取时的版本号；风险越高周期不能越长',
        body: updateVisitIntervalsSchema,
        response: { 200: visitIntervalsSchema },
      },
    },
    (req) => service.updateIntervals(requestContext(req), req.body),
  );
}
