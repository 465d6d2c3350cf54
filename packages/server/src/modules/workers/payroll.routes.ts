import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  importResultSchema,
  monthSchema,
  payrollGridSchema,
  payrollQuerySchema,
  putPayrollSchema,
} from '@shegong/shared';
import { requestContext } from '../../platform/http/context';
import { fileResponse } from '../../platform/http/responses';
import { sendXlsx } from '../../platform/http/xlsx';
import { dryRunQuery, uploadedImport } from '../../platform/http/xlsx-upload';
import type { PayrollImport } from './payroll-import';
import type { PayrollService } from './payroll.service';

const monthParams = z.strictObject({ month: monthSchema });
/**
 * A month's grid is one sheet edited and saved whole (整月一次提交), bounded by the roster the caller reaches:
 * `{ items, totals }`.
 */
const grid = { 200: payrollGridSchema };

export function payrollRoutes(
  app: FastifyInstance,
  { payroll: service, payrollImport }: { payroll: PayrollService; payrollImport: PayrollImport },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['薪酬社保'];
  r.get(
    '/api/v1/payroll/:month/template.xlsx',
    {
      config: { access: { permission: 'payroll:read' } },
      schema: {
        tags,
        summary: '下载该月薪酬社保导入模板（承接机构：预填该月社工的身份证号和姓名）',
        params: monthParams,
        response: { 200: fileResponse('薪酬社保导入模板（.xlsx）') },
      },
    },
    async (req, reply) =>
      sendXlsx(
        reply,
        await payrollImport.template(requestContext(req), req.params.month),
        `${req.params.month} 薪酬社保导入模板.xlsx`,
      ),
  );
  r.get(
    '/api/v1/payroll/:month',
    {
      config: { access: { permission: 'payroll:read' } },
      schema: {
        tags,
        summary: '月度薪酬和五险一金（缺项与缺月标出，可按县（区）和承接机构筛选，附合计）',
        params: monthParams,
        querystring: payrollQuerySchema,
        response: grid,
      },
    },
    (req) => service.grid(requestContext(req), req.params.month, req.query),
  );
  r.get(
    '/api/v1/payroll/:month/export',
    {
      // The `export` permission: officers, and contractors for their own organisation (scoped like the grid).
      config: { access: { permission: 'export' } },
      schema: {
        tags,
        summary: '导出月度薪酬和五险一金（.xlsx，筛选同列表，附合计行）',
        params: monthParams,
        querystring: payrollQuerySchema,
        response: { 200: fileResponse('月度薪酬社保表（.xlsx）') },
      },
    },
    async (req, reply) => {
      const [y, m] = req.params.month.split('-').map(Number);
      const buf = await service.exportWorkbook(requestContext(req), req.params.month, req.query);
      return sendXlsx(reply, buf, `${y}年${m}月薪酬社保表.xlsx`);
    },
  );
  r.put(
    '/api/v1/payroll/:month',
    {
      config: { access: { permission: 'workers:write' } },
      schema: {
        tags,
        summary: '保存月度薪酬和五险一金（整月一次提交）',
        params: monthParams,
        body: putPayrollSchema,
        response: grid,
      },
    },
    (req) => service.put(requestContext(req), req.params.month, req.body.rows),
  );
  r.post(
    '/api/v1/payroll/:month/import',
    {
      config: { access: { permission: 'workers:write' } },
      schema: {
        tags,
        summary: '从 Excel/CSV 导入月度薪酬社保：dryRun=true 只检查；无任何错误时才整体写入',
        params: monthParams,
        querystring: dryRunQuery,
        consumes: ['multipart/form-data'],
        response: { 200: importResultSchema },
      },
    },
    async (req) =>
      payrollImport.importMonth(
        requestContext(req),
        req.params.month,
        await uploadedImport(req),
        req.query.dryRun === 'true',
      ),
  );
  r.post(
    '/api/v1/payroll/:month/import/problems',
    {
      config: { access: { permission: 'workers:write' } },
      schema: {
        tags,
        summary: '下载导入问题清单：上传的表格加“问题”列（只检查，不写入）',
        params: monthParams,
        consumes: ['multipart/form-data'],
        response: { 200: fileResponse('导入问题清单（.xlsx）') },
      },
    },
    async (req, reply) =>
      sendXlsx(
        reply,
        await payrollImport.monthProblems(requestContext(req), req.params.month, await uploadedImport(req)),
        `${req.params.month} 薪酬社保导入问题.xlsx`,
      ),
  );
}
