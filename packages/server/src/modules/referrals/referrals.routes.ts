import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createReferralSchema,
  referralPageSchema,
  referralQuerySchema,
  referralViewSchema,
  updateReferralSchema,
} from '@shegong/shared';
import { requestContext } from '../../platform/http/context';
import type { ReferralService } from './referrals.service';

const idParams = z.strictObject({ referralId: z.uuid('转介记录编号格式不正确') });

/** 资源链接 / 转介 (附件2 (一)3). */
export function referralRoutes(app: FastifyInstance, service: ReferralService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['转介'];
  const read = { access: { permission: 'services:read' as const } };
  const write = { access: { permission: 'services:write' as const } };

  r.get(
    '/api/v1/referrals',
    {
      config: read,
      schema: {
        tags,
        summary: '转介与资源链接列表（按去向、状态、站点、服务对象筛选）',
        querystring: referralQuerySchema,
        response: { 200: referralPageSchema },
      },
    },
    (req) => service.list(requestContext(req), req.query),
  );
  r.post(
    '/api/v1/referrals',
    {
      config: write,
      schema: {
        tags,
        summary: '登记转介（须已记录服务对象或监护人同意转介）',
        body: createReferralSchema,
        response: { 201: referralViewSchema },
      },
    },
    async (req, reply) => {
      reply.status(201);
      return service.create(requestContext(req), req.body);
    },
  );
  r.get(
    '/api/v1/referrals/:referralId',
    {
      config: read,
      schema: { tags, summary: '转介详情', params: idParams, response: { 200: referralViewSchema } },
    },
    (req) => service.get(requestContext(req), req.params.referralId),
  );
  r.patch(
    '/api/v1/referrals/:referralId',
    {
      config: write,
      schema: {
        tags,
        summary: '更新转介状态与结果（已提交 → 已受理 → 已获得／未获得，获得金额）',
        params: idParams,
        body: updateReferralSchema,
        response: { 200: referralViewSchema },
      },
    },
    (req) => service.update(requestContext(req), req.params.referralId, req.body),
  );
}
