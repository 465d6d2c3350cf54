import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CIRCULAR_MEASURE_LABELS,
  circularQuerySchema,
  circularSchema,
  commendationSchema,
  timelinessQuerySchema,
  timelinessSchema,
} from '@shegong/shared';
import { requireActor } from '../../platform/auth/auth-plugin';
import { requestContext } from '../../platform/http/context';
import { fileResponse } from '../../platform/http/responses';
import { sendXlsx } from '../../platform/http/xlsx';
import type { CircularService } from './circulars';
import type { TimelinessService } from './timeliness';

const MEASURES = Object.values(CIRCULAR_MEASURE_LABELS).join('、');

/** 完成及时率 (R-REP-3) and the city's 通报 (R-REP-4, 六（七）): the civil affairs offices' views, in their scope. */
export function circularRoutes(app: FastifyInstance, d: { timeliness: TimelinessService; circulars: CircularService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['报告'];
  r.get(
    '/api/v1/reports/timeliness',
    {
      config: { access: { permission: 'reports:read' } },
      schema: {
        tags,
        summary: '报告完成率与及时率：按县（区）、承接机构和报告期开始月份（应报、已报、按时、逾期、未报）',
        description:
          '期间内（报告期在其中开始的报告）截止日已过或已提交的报告为应报；首次提交不晚于截止日（含当日）为按时。完成率 = 已报 / 应报，及时率 = 按时 / 应报。县（区）只看本单位；承接机构答 403。',
        querystring: timelinessQuerySchema,
        response: { 200: timelinessSchema },
      },
    },
    (req) => d.timeliness.view(requireActor(req), req.query),
  );
  r.get(
    '/api/v1/circulars',
    {
      config: { access: { permission: 'reports:read' } },
      schema: {
        tags,
        summary: `通报：各县（区）${MEASURES}的排名与表彰标记`,
        description:
          '名次在全市各县（区）中排列（1 为最好），综合排名按各项名次的平均；县（区）只看到本单位一行。不对个人排名。',
        querystring: circularQuerySchema,
        response: { 200: circularSchema },
      },
    },
    (req) => d.circulars.view(requireActor(req), req.query.period),
  );
  r.get(
    '/api/v1/circulars.xlsx',
    {
      config: { access: { permission: 'reports:read' } },
      schema: {
        tags,
        summary: '导出通报（.xlsx，A4 横向打印）',
        querystring: circularQuerySchema,
        response: { 200: fileResponse('通报（.xlsx）') },
      },
    },
    async (req, reply) => {
      const { buf, label } = await d.circulars.exportWorkbook(requestContext(req), req.query.period);
      return sendXlsx(reply, buf, `社工站工作进展通报（${label}）.xlsx`);
    },
  );
  r.put(
    '/api/v1/circulars/commendations',
    {
      config: { access: { permission: 'reports:review' } },
      schema: {
        tags,
        summary: '标记或取消表彰（市级，《实施方案》二（一））',
        body: commendationSchema,
        response: { 200: circularSchema },
      },
    },
    (req) => d.circulars.commend(requestContext(req), req.body),
  );
}
