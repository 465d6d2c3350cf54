import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendDocx } from '../../platform/documents/send-docx';
import { requestContext } from '../../platform/http/context';
import { fileResponse } from '../../platform/http/responses';
import { sendXlsx } from '../../platform/http/xlsx';
import { createReportExports, type ReportExportDeps, type ReportExports } from './reports.exports';

const params = z.strictObject({ reportId: z.uuid('报告编号格式不正确') });

/** 报告 exports (R-REP-3): the report as Word in 公文 layout, its figures as Excel; 404 outside the reader's scope. */
export function reportExportRoutes(app: FastifyInstance, exports: ReportExports) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['报告'];
  const config = { access: { permission: 'reports:read' as const } };
  r.get(
    '/api/v1/reports/:reportId/document.docx',
    {
      config,
      schema: {
        tags,
        summary: '导出报告（Word，公文格式：标题、主送、数据表格、下级报告报送情况、正文各部分、落款和页码）',
        params,
        response: { 200: fileResponse('报告（.docx）') },
      },
    },
    async (req, reply) => {
      const { bytes, filename } = await exports.document(requestContext(req), req.params.reportId);
      return sendDocx(reply, bytes, filename);
    },
  );
  r.get(
    '/api/v1/reports/:reportId/figures.xlsx',
    {
      config,
      schema: {
        tags,
        summary: '导出报告数据（Excel，A4 横向打印：概况、领域和项目、服务形式、对象类别、分单位、下级报告）',
        params,
        response: { 200: fileResponse('报告数据（.xlsx）') },
      },
    },
    async (req, reply) => {
      const { bytes, filename } = await exports.workbook(requestContext(req), req.params.reportId);
      return sendXlsx(reply, bytes, filename);
    },
  );
}

/** The exports composed and their routes registered: one line in app-reports.ts. */
export function registerReportExports(app: FastifyInstance, d: ReportExportDeps) {
  reportExportRoutes(app, createReportExports(d));
}
