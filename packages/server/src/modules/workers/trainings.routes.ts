import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  confirmTrainingSchema,
  createTrainingSchema,
  pagedSchema,
  trainingQuerySchema,
  trainingViewSchema,
} from '@shegong/shared';
import { requireActor } from '../../platform/auth/auth-plugin';
import { attachmentRoutes } from '../../platform/files/attachment-routes';
import type { Attachments } from '../../platform/files/attachments';
import { requestContext } from '../../platform/http/context';
import { AppError } from '../../platform/http/errors';
import { fileResponse } from '../../platform/http/responses';
import { sendXlsx } from '../../platform/http/xlsx';
import type { TrainingService } from './trainings.service';

/** Training sessions (培训, R-TAL-1, R-STAFF-3): list, record, confirm the organiser, and their files. */
export function trainingRoutes(
  app: FastifyInstance,
  { trainings: service, attachments }: { trainings: TrainingService; attachments: Attachments },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['培训'];
  r.get(
    '/api/v1/trainings',
    {
      config: { access: { permission: 'workers:read' } },
      schema: {
        tags,
        summary: '培训记录（分页；workerId 只列该社工参加的培训；pendingConfirm=true 只列本人可确认主办单位的培训）',
        querystring: trainingQuerySchema,
        response: { 200: pagedSchema(trainingViewSchema) },
      },
    },
    (req) => service.list(requireActor(req), req.query),
  );
  r.get(
    '/api/v1/trainings/export',
    {
      config: { access: { permission: 'export' } },
      schema: {
        tags,
        summary: '导出培训记录（.xlsx，与列表相同的范围和筛选）',
        querystring: trainingQuerySchema,
        response: { 200: fileResponse('培训记录（.xlsx）') },
      },
    },
    async (req, reply) =>
      sendXlsx(reply, await service.exportWorkbook(requestContext(req), req.query), '培训记录.xlsx'),
  );
  r.post(
    '/api/v1/trainings',
    {
      config: { access: { permission: 'trainings:write' } },
      schema: {
        tags,
        summary: '登记培训及参训人员（学时计入资质与继续教育）',
        body: createTrainingSchema,
        response: { 201: trainingViewSchema },
      },
    },
    async (req, reply) => {
      reply.status(201);
      return service.create(requestContext(req), req.body);
    },
  );
  r.post(
    '/api/v1/trainings/:trainingId/confirm',
    {
      config: { access: { permission: 'trainings:confirm' } },
      schema: {
        tags,
        summary: '确认（或更正）承接机构登记的培训主办单位，确认后学时计入资质（R-STAFF-3）',
        params: z.strictObject({ trainingId: z.uuid('培训编号格式不正确') }),
        body: confirmTrainingSchema,
        response: { 200: trainingViewSchema },
      },
    },
    (req) => service.confirm(requestContext(req), req.params.trainingId, req.body.organiserLevel),
  );
  attachmentRoutes(app, attachments, {
    url: '/api/v1/trainings/:trainingId',
    param: 'trainingId',
    entityType: 'training',
    tags,
    summary: '培训通知、签到表等附件',
    upload: { permission: 'trainings:write' },
    download: { permission: 'workers:read' },
    forWrite: async (ctx, id) => {
      const { training, own } = await service.load(ctx.actor, id);
      if (!own) throw new AppError('FORBIDDEN', '只有登记该培训的单位可以上传附件');
      return { id: training.id, divisionPath: training.divisionPath, summary: `上传培训 ${training.title} 的附件` };
    },
    forRead: async (ctx, id) => {
      const { training } = await service.load(ctx.actor, id);
      return { id: training.id, divisionPath: training.divisionPath, summary: `培训 ${training.title} 的附件` };
    },
  });
}
