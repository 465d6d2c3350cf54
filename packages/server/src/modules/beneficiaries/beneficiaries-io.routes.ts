import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { BENEFICIARY_CATEGORIES, beneficiaryImportResultSchema, beneficiaryQuerySchema } from '@shegong/shared';
import { requestContext } from '../../platform/http/context';
import { fileResponse } from '../../platform/http/responses';
import { sendXlsx } from '../../platform/http/xlsx';
import { uploadedImport } from '../../platform/http/xlsx-upload';
import { BENEFICIARY_IMPORT_MAX_BYTES } from './beneficiaries-import.spec';
import type { BeneficiaryExport } from './beneficiaries.export';
import type { BeneficiaryImport } from './beneficiaries.import';

const tags = ['服务对象'];
const write = { access: { permission: 'beneficiaries:write' as const } };

/** The page's choices for the whole file: the category of a roster without a 类别 column, and the station. */
const fileOptions = {
  category: z.enum(BENEFICIARY_CATEGORIES, '请选择类别').optional(),
  stationId: z.uuid('请选择社工站').optional(),
};
const importQuery = z.strictObject({ dryRun: z.enum(['true', 'false']).default('true'), ...fileOptions });
const problemsQuery = z.strictObject(fileOptions);

/** 服务对象 template, import (dry run, then all or nothing), the problems download (R-SVC-1) and the export (R-SCOPE-2). */
export function beneficiaryIoRoutes(
  app: FastifyInstance,
  d: { imports: BeneficiaryImport; exportList: BeneficiaryExport },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const upload = (req: Parameters<typeof uploadedImport>[0]) =>
    uploadedImport(req, { maxBytes: BENEFICIARY_IMPORT_MAX_BYTES });
  r.get(
    '/api/v1/beneficiaries/template.xlsx',
    {
      config: write,
      schema: {
        tags,
        summary: '下载服务对象名单导入模板',
        response: { 200: fileResponse('服务对象名单导入模板（.xlsx）') },
      },
    },
    async (_req, reply) => sendXlsx(reply, await d.imports.template(), '服务对象名单导入模板.xlsx'),
  );
  r.post(
    '/api/v1/beneficiaries/import',
    {
      config: write,
      schema: {
        tags,
        summary:
          '从 Excel/CSV 导入服务对象名单（低保、特困、残疾人名册等，最多 10 万行）：dryRun=true 只检查，逐行给出新增、匹配（将补充的类别或信息）或无变化；无任何错误时才整体写入，类别按时段追加、不覆盖历史',
        querystring: importQuery,
        consumes: ['multipart/form-data'],
        response: { 200: beneficiaryImportResultSchema },
      },
    },
    async (req) => {
      const { dryRun, ...opts } = req.query;
      return d.imports.importList(requestContext(req), await upload(req), dryRun === 'true', opts);
    },
  );
  r.post(
    '/api/v1/beneficiaries/import/problems',
    {
      config: write,
      schema: {
        tags,
        summary: '下载服务对象名单的导入问题清单：上传的表格加“问题”列（只检查，不写入）',
        querystring: problemsQuery,
        consumes: ['multipart/form-data'],
        response: { 200: fileResponse('导入问题清单（.xlsx）') },
      },
    },
    async (req, reply) =>
      sendXlsx(
        reply,
        await d.imports.problems(requestContext(req), await upload(req), req.query),
        '服务对象名单导入问题.xlsx',
      ),
  );
  r.get(
    '/api/v1/beneficiaries/export',
    {
      // The list's own permission is checked by the export (scope and masking as the list).
      config: { access: { permission: 'export' } },
      schema: {
        tags,
        summary:
          '导出服务对象名单（.xlsx）：与列表相同的范围、筛选和脱敏（上级单位姓名仅显示姓氏，证件号和电话按角色脱敏），记入审计日志',
        querystring: beneficiaryQuerySchema.omit({ page: true, pageSize: true }),
        response: { 200: fileResponse('服务对象名单（.xlsx）') },
      },
    },
    async (req, reply) => sendXlsx(reply, await d.exportList(requestContext(req), req.query), '服务对象名单.xlsx'),
  );
}
