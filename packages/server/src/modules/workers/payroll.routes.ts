import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { monthSchema, putPayrollSchema } from '@shegong/shared';
import { requestContext } from '../../platform/http/context';
import { AppError } from '../../platform/http/errors';
import { sendXlsx } from '../../platform/http/xlsx';
import type { PayrollService } from './payroll.service';

const monthParams = z.strictObject({ month: monthSchema });

export function payrollRoutes(app: FastifyInstance, service: PayrollService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['薪酬社保'];
  r.get(
    '/api/v1/payroll/template.xlsx',
    { config: { access: { permission: 'payroll:read' } }, schema: { tags, summary: '下载月度薪酬社保导入模板' } },
    async (_req, reply) => sendXlsx(reply, await service.template(), '薪酬社保导入模板.xlsx'),
  );
  r.get(
    '/api/v1/payroll/:month',
    {
      config: { access: { permission: 'payroll:read' } },
      schema: { tags, summary: '月度薪酬和五险一金（缺项与缺月标出）', params: monthParams },
    },
    async (req) => ({ items: await service.grid(requestContext(req), req.params.month) }),
  );
  r.put(
    '/api/v1/payroll/:month',
    {
      config: { access: { permission: 'workers:write' } },
      schema: { tags, summary: '保存月度薪酬和五险一金（整月一次提交）', params: monthParams, body: putPayrollSchema },
    },
    (req) => service.put(requestContext(req), req.params.month, req.body.rows),
  );
  r.post(
    '/api/v1/payroll/:month/import',
    {
      config: { access: { permission: 'workers:write' } },
      schema: {
        tags,
        summary: '从 Excel 导入月度薪酬社保：dryRun=true 只检查；无任何错误时才整体写入',
        params: monthParams,
        querystring: z.strictObject({ dryRun: z.enum(['true', 'false']).default('true') }),
        consumes: ['multipart/form-data'],
      },
    },
    async (req) => {
      if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 上传 .xlsx 文件');
      const part = await req.file({ limits: { fileSize: 10 * 1024 * 1024 } });
      if (!part)
        throw new AppError('VALIDATION_FAILED', '「文件」请选择 .xlsx 文件', { fieldErrors: { file: '请选择文件' } });
      return service.importMonth(
        requestContext(req),
        req.params.month,
        await part.toBuffer(),
        req.query.dryRun === 'true',
      );
    },
  );
}
