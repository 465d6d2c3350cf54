import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  assignmentSchema,
  createWorkerSchema,
  endAssignmentSchema,
  filingActionSchema,
  hiringExceptionSchema,
  hiringExceptionViewSchema,
  importResultSchema,
  itemsSchema,
  pagedSchema,
  staffOverviewRowSchema,
  unmaskSchema,
  unmaskedSchema,
  updateWorkerSchema,
  workerAccountSchema,
  workerAccountViewSchema,
  workerOptionQuerySchema,
  workerOptionSchema,
  workerQuerySchema,
  workerViewSchema,
} from '@shegong/shared';
import { requireActor } from '../../platform/auth/auth-plugin';
import { attachmentRoutes } from '../../platform/files/attachment-routes';
import type { Attachments } from '../../platform/files/attachments';
import { requestContext } from '../../platform/http/context';
import { fileResponse } from '../../platform/http/responses';
import { sendXlsx } from '../../platform/http/xlsx';
import { dryRunQuery, uploadedImport } from '../../platform/http/xlsx-upload';
import type { RosterImport } from './roster-import';
import type { StaffOverview } from './staff-overview';
import type { WorkerService } from './workers.service';
import { workerExportRoutes } from './workers-export.routes';

const idParams = z.strictObject({ workerId: z.uuid('社工编号格式不正确') });

export interface WorkerRouteDeps {
  workers: WorkerService;
  overview: StaffOverview;
  rosterImport: RosterImport;
  attachments: Attachments;
}

/** The roster (社工队伍): list, hire, change, assign, file, unmask, logins, the Excel import and the overview. */
export function workerRoutes(
  app: FastifyInstance,
  { workers: service, overview, rosterImport, attachments }: WorkerRouteDeps,
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['社工队伍'];
  const read = { access: { permission: 'workers:read' as const } };
  const write = { access: { permission: 'workers:write' as const } };
  const ok = { 200: workerViewSchema };
  r.get(
    '/api/v1/workers',
    {
      config: read,
      schema: {
        tags,
        summary: '社工名册（分页；身份证号、电话按权限脱敏；含资质、期限与合规提示）',
        querystring: workerQuerySchema,
        response: { 200: pagedSchema(workerViewSchema) },
      },
    },
    (req) => service.list(requestContext(req), req.query),
  );
  r.post(
    '/api/v1/workers',
    {
      config: write,
      schema: {
        tags,
        summary: '登记社工（R-STAFF-2 聘用条件校验）',
        body: createWorkerSchema,
        response: { 201: workerViewSchema },
      },
    },
    async (req, reply) => {
      reply.status(201);
      return service.create(requestContext(req), req.body);
    },
  );
  r.get(
    '/api/v1/workers/options',
    {
      config: read,
      schema: {
        tags,
        summary: '选择社工（按姓名搜索，最多 50 人；只含姓名、所在机构和社工站，不含身份证号、电话）',
        querystring: workerOptionQuerySchema,
        response: { 200: itemsSchema(workerOptionSchema) },
      },
    },
    async (req) => ({ items: await service.options(requireActor(req), req.query) }),
  );
  r.get(
    '/api/v1/workers/overview',
    {
      config: { access: { permission: 'plan:read' } },
      schema: {
        tags,
        summary: '各单位驻站社工配备与资质情况（R-STAFF-1、R-STAFF-4、R-STAFF-6）',
        response: { 200: itemsSchema(staffOverviewRowSchema) },
      },
    },
    async (req) => ({ items: await overview.perUnit(requireActor(req)) }),
  );
  workerExportRoutes(app, { workers: service, overview });
  r.get(
    '/api/v1/workers/template.xlsx',
    {
      config: read,
      schema: { tags, summary: '下载社工名册导入模板', response: { 200: fileResponse('社工名册导入模板（.xlsx）') } },
    },
    async (_req, reply) => sendXlsx(reply, await rosterImport.template(), '社工名册导入模板.xlsx'),
  );
  r.post(
    '/api/v1/workers/import',
    {
      config: write,
      schema: {
        tags,
        summary: '从 Excel/CSV 导入社工名册：dryRun=true 只检查；无任何错误时才整体写入',
        querystring: dryRunQuery,
        consumes: ['multipart/form-data'],
        response: { 200: importResultSchema },
      },
    },
    async (req) =>
      rosterImport.importRoster(requestContext(req), await uploadedImport(req), req.query.dryRun === 'true'),
  );
  r.post(
    '/api/v1/workers/import/problems',
    {
      config: write,
      schema: {
        tags,
        summary: '下载导入问题清单：上传的表格加“问题”列（只检查，不写入）',
        consumes: ['multipart/form-data'],
        response: { 200: fileResponse('导入问题清单（.xlsx）') },
      },
    },
    async (req, reply) =>
      sendXlsx(
        reply,
        await rosterImport.rosterProblems(requestContext(req), await uploadedImport(req)),
        '社工名册导入问题.xlsx',
      ),
  );
  r.get(
    '/api/v1/workers/:workerId',
    {
      config: read,
      schema: {
        tags,
        summary: '社工详情（含计算所得的资质 qualification 与 findings）',
        params: idParams,
        response: ok,
      },
    },
    (req) => service.get(requestContext(req), req.params.workerId),
  );
  r.patch(
    '/api/v1/workers/:workerId',
    {
      config: write,
      schema: {
        tags,
        summary: '修改社工（已备案的关键信息变更须重新备案）',
        params: idParams,
        body: updateWorkerSchema,
        response: ok,
      },
    },
    (req) => service.update(requestContext(req), req.params.workerId, req.body),
  );
  r.post(
    '/api/v1/workers/:workerId/assignments',
    {
      config: write,
      schema: { tags, summary: '派驻到社工站', params: idParams, body: assignmentSchema, response: ok },
    },
    (req) => service.assign(requestContext(req), req.params.workerId, req.body),
  );
  r.post(
    '/api/v1/workers/:workerId/assignments/:assignmentId/end',
    {
      config: write,
      schema: {
        tags,
        summary: '结束派驻',
        params: idParams.extend({ assignmentId: z.uuid() }),
        body: endAssignmentSchema,
        response: ok,
      },
    },
    (req) => service.endAssignment(requestContext(req), req.params.workerId, req.params.assignmentId, req.body.endOn),
  );
  for (const action of ['submit', 'approve', 'return'] as const) {
    r.post(
      `/api/v1/workers/:workerId/filing/${action}`,
      {
        config: read,
        schema: {
          tags,
          summary: {
            submit: '报县（区）民政局备案',
            approve: '审核通过备案（县（区））',
            return: '退回备案并填写意见（县（区））',
          }[action],
          params: idParams,
          body: filingActionSchema,
          response: ok,
        },
      },
      (req) => service.filing(requestContext(req), req.params.workerId, action, req.body.version, req.body.comment),
    );
  }
  r.post(
    '/api/v1/workers/:workerId/unmask',
    {
      config: { access: { permission: 'workers:unmask' } },
      schema: {
        tags,
        summary: '查看身份证号和电话明文（须填写原因，记入审计日志）',
        params: idParams,
        body: unmaskSchema,
        response: { 200: unmaskedSchema },
      },
    },
    (req) => service.unmask(requestContext(req), req.params.workerId, req.body.reason),
  );
  r.post(
    '/api/v1/workers/:workerId/account',
    {
      config: write,
      schema: {
        tags,
        summary: '为社工开通登录账号（驻站社工，范围为当日派驻的社工站）',
        params: idParams,
        body: workerAccountSchema,
        response: { 201: workerAccountViewSchema },
      },
    },
    async (req, reply) => {
      reply.status(201);
      return service.createAccount(requestContext(req), req.params.workerId, req.body);
    },
  );
  // Labour contracts and personnel documents carry personal data: only the employer downloads them.
  attachmentRoutes(app, attachments, {
    url: '/api/v1/workers/:workerId',
    param: 'workerId',
    entityType: 'worker',
    tags,
    summary: '劳动合同、人事档案等附件',
    upload: write.access,
    download: { permission: 'workers:pii' },
    auditDownloads: true,
    forWrite: async (ctx, id) => {
      const w = await service.loadOwn(ctx, id);
      return { id: w.id, divisionPath: w.divisionPath, summary: `上传社工 ${w.name} 的附件` };
    },
    forRead: async (ctx, id) => {
      const w = await service.load(ctx.actor, id);
      return { id: w.id, divisionPath: w.divisionPath, summary: `社工 ${w.name} 的附件` };
    },
  });
  r.post(
    '/api/v1/hiring-exceptions',
    {
      config: { access: { permission: 'workers:approve' } },
      schema: {
        tags,
        summary: '登记聘用条件例外（年龄或学历不符，须写明理由）',
        body: hiringExceptionSchema,
        response: { 201: hiringExceptionViewSchema },
      },
    },
    async (req, reply) => {
      reply.status(201);
      return service.recordException(requestContext(req), req.body);
    },
  );
}
