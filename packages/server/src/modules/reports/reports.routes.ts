import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  reopenReportSchema,
  reportActionSchema,
  reportPageSchema,
  reportQuerySchema,
  reportSettingsViewSchema,
  reportViewSchema,
  returnReportSchema,
  updateReportSchema,
  updateReportSettingsSchema,
} from '@shegong/shared';
import type { Attachments } from '../../platform/files/attachments';
import { attachmentRoutes } from '../../platform/files/attachment-routes';
import { requestContext } from '../../platform/http/context';
import type { ReportSettingsService } from './report-settings';
import type { ReportService } from './reports.service';

const params = z.strictObject({ reportId: z.uuid('报告编号格式不正确') });
const url = '/api/v1/reports/:reportId';

/** 报告 (R-REP-1…3): the schedule's reports, their narrative, the workflow, attachments and the city's due dates. */
export function reportRoutes(
  app: FastifyInstance,
  d: { service: ReportService; settings: ReportSettingsService; attachments: Attachments },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['报告'];
  const read = { access: { permission: 'reports:read' as const } };
  const write = { access: { permission: 'reports:write' as const } };
  const review = { access: { permission: 'reports:review' as const } };
  const { service } = d;

  r.get(
    '/api/v1/reports',
    {
      config: read,
      schema: {
        tags,
        summary: '报告列表（按类型、期间、县区、机构、状态、是否逾期筛选）；报告按合同与日历自动生成',
        querystring: reportQuerySchema,
        response: { 200: reportPageSchema },
      },
    },
    (req) => service.list(requestContext(req), req.query),
  );
  r.get(
    url,
    {
      config: read,
      schema: { tags, summary: '报告详情（数据由系统按记录计算）', params, response: { 200: reportViewSchema } },
    },
    (req) => service.get(requestContext(req), req.params.reportId),
  );
  r.patch(
    url,
    {
      config: write,
      schema: {
        tags,
        summary: '填写报告文字部分',
        params,
        body: updateReportSchema,
        response: { 200: reportViewSchema },
      },
    },
    (req) => service.update(requestContext(req), req.params.reportId, req.body),
  );
  const action = (
    name: 'submit' | 'accept' | 'return' | 'reopen',
    summary: string,
    config: { access: { permission: 'reports:read' | 'reports:write' | 'reports:review' } },
    body: typeof reportActionSchema | typeof returnReportSchema | typeof reopenReportSchema,
  ) =>
    r.post(
      `${url}/${name}`,
      { config, schema: { tags, summary, params, body, response: { 200: reportViewSchema } } },
      // The body was validated by the schema named for this action.
      (req) => service[name](requestContext(req), req.params.reportId, req.body as never),
    );
  action('submit', '提交报告', write, reportActionSchema);
  action('accept', '接收报告（数据随之冻结）', review, reportActionSchema);
  action('return', '退回报告（须填写退回意见）', review, returnReportSchema);
  action('reopen', '重新打开已接收的报告以更正（须说明原因，原版本保留）', read, reopenReportSchema);

  attachmentRoutes(app, d.attachments, {
    url,
    param: 'reportId',
    entityType: 'report',
    tags,
    summary: '报告附件',
    upload: { permission: 'reports:write' },
    download: { permission: 'reports:read' },
    forWrite: (ctx, id) => service.forFiles(ctx, id, true),
    forRead: (ctx, id) => service.forFiles(ctx, id, false),
  });

  r.get(
    '/api/v1/report-settings',
    { config: read, schema: { tags, summary: '报告截止日设置', response: { 200: reportSettingsViewSchema } } },
    () => d.settings.view(),
  );
  r.put(
    '/api/v1/report-settings',
    {
      config: { access: { permission: 'reports:configure' as const } },
      schema: {
        tags,
        summary: '修改报告截止日（市级）',
        body: updateReportSettingsSchema,
        response: { 200: reportSettingsViewSchema },
      },
    },
    (req) => d.settings.update(requestContext(req), req.body),
  );
}
