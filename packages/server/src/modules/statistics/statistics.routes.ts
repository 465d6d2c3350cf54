import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { statisticsQuerySchema, statisticsSchema, VISIT_COMPLETION_DEFINITION } from '@shegong/shared';
import { requestContext } from '../../platform/http/context';
import type { StatisticsService } from './statistics.service';

/** 统计分析 (R-SVC-2…5): service statistics for a part of the caller's scope over whole months. */
export function statisticsRoutes(app: FastifyInstance, service: StatisticsService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/statistics/services',
    {
      config: { access: { permission: 'services:read' } },
      schema: {
        tags: ['统计分析'],
        summary:
          '服务统计：社工站、机构、县（区）、乡镇或全市在统计期内的服务记录（按领域、项目、形式、月份）、服务人次与人数、按类别的服务对象、走访完成、个案、预警与转介；可按下级单位或社工站对比（不对社工个人排名）',
        description: `scope 为区划代码、社工站或机构编号，总在调用者自己的范围内（范围外答 404）；from、to 为月份或日期，按整月统计，默认本年初至本月。走访完成的口径：${VISIT_COMPLETION_DEFINITION}`,
        querystring: statisticsQuerySchema,
        response: { 200: statisticsSchema },
      },
    },
    (req) => service.services(requestContext(req), req.query),
  );
}
