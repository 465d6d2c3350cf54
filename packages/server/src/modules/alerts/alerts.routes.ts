import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  alertActionSchema,
  alertPageSchema,
  alertQuerySchema,
  alertSummarySchema,
  alertViewSchema,
  closeAlertSchema,
  raiseAlertSchema,
} from '@shegong/shared';
import { requestContext } from '../../platform/http/context';
import type { AlertService } from './alerts.service';

const idParams = z.strictObject({ alertId: z.uuid('预警编号格式不正确') });

/** 预警 (R-SVC-5): raise on a person, list, the login banner, and the handling steps. */
export function alertRoutes(app: FastifyInstance, service: AlertService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['预警'];
  const read = { access: { permission: 'alerts:read' as const } };
  const handle = { access: { permission: 'alerts:handle' as const } };
  const path = '/api/v1/alerts/:alertId';

  r.get(
    '/api/v1/alerts',
    {
      config: read,
      schema: {
        tags,
        summary: '预警列表（类型、站点、状态与时间；按状态、类型、站点、是否已上报市级筛选）',
        querystring: alertQuerySchema,
        response: { 200: alertPageSchema },
      },
    },
    (req) => service.list(requestContext(req), req.query),
  );
  r.get(
    '/api/v1/alerts/summary',
    {
      config: read,
      schema: {
        tags,
        summary: '登录提醒与工作台：待处理预警数及最早的几条',
        response: { 200: alertSummarySchema },
      },
    },
    (req) => service.summary(requestContext(req)),
  );
  r.post(
    '/api/v1/alerts',
    {
      config: { access: { permission: 'services:write' as const } },
      schema: {
        tags,
        summary: '对服务对象发出预警（疑似虐待、家庭暴力、遗弃或其他危机），立即送达项目负责人和县（区）民政部门',
        body: raiseAlertSchema,
        response: { 201: alertViewSchema },
      },
    },
    async (req, reply) => {
      reply.status(201);
      return service.raise(requestContext(req), req.body);
    },
  );
  r.get(
    path,
    {
      config: read,
      schema: {
        tags,
        summary: '预警详情（情况描述与处置记录仅对发出人、责任社工、项目负责人、县（区）民政部门及超时后的市级可见）',
        params: idParams,
        response: { 200: alertViewSchema },
      },
    },
    (req) => service.get(requestContext(req), req.params.alertId),
  );
  r.post(
    `${path}/acknowledge`,
    {
      config: handle,
      schema: { tags, summary: '响应预警（确认已知悉）', params: idParams, response: { 200: alertViewSchema } },
    },
    (req) => service.acknowledge(requestContext(req), req.params.alertId),
  );
  r.post(
    `${path}/actions`,
    {
      config: handle,
      schema: {
        tags,
        summary: '记录处置措施',
        params: idParams,
        body: alertActionSchema,
        response: { 200: alertViewSchema },
      },
    },
    (req) => service.addAction(requestContext(req), req.params.alertId, req.body),
  );
  r.post(
    `${path}/close`,
    {
      config: handle,
      schema: {
        tags,
        summary: '关闭预警（填写关闭说明）',
        params: idParams,
        body: closeAlertSchema,
        response: { 200: alertViewSchema },
      },
    },
    (req) => service.close(requestContext(req), req.params.alertId, req.body),
  );
}
