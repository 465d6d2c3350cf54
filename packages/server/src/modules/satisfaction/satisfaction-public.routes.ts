import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  publicSatisfactionFormSchema,
  publicSatisfactionInputSchema,
  publicSatisfactionReceiptSchema,
} from '@shegong/shared';
import type { PublicSatisfaction } from './satisfaction-public.service';

const params = z.strictObject({ stationId: z.uuid('社工站编号不正确') });

/** R-EVAL-3: at most this many answers per network address in the window (against flooding, beside the challenge). */
export const PUBLIC_FORM_LIMIT = { max: 5, minutes: 10 } as const;

/** The limit's own answer, in Chinese; the address is used as the counter's key in memory only, never stored. */
const limited = (max: number, minutes: number, what: string) => ({
  max,
  timeWindow: minutes * 60_000,
  keyGenerator: (req: { ip: string }) => req.ip,
  errorResponseBuilder: (_req: unknown, c: { ttl: number }) => ({
    statusCode: 429,
    message: `${what}过于频繁，请 ${Math.max(1, Math.ceil(c.ttl / 60_000))} 分钟后再试`,
  }),
});

/** The station's public satisfaction form (no login): the questions with a challenge, and the answer. */
export function publicSatisfactionRoutes(app: FastifyInstance, form: PublicSatisfaction) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['公开信息'];
  const url = '/api/v1/public/stations/:stationId/satisfaction';
  r.get(
    url,
    {
      config: { access: { public: true }, rateLimit: limited(60, 10, '打开评价页') },
      schema: {
        tags,
        summary: '社工站满意度评价表（无需登录）：站点名称、题目与验证题',
        params,
        response: { 200: publicSatisfactionFormSchema },
      },
    },
    (req) => form.form(req.params.stationId),
  );
  r.post(
    url,
    {
      config: {
        access: { public: true },
        rateLimit: limited(PUBLIC_FORM_LIMIT.max, PUBLIC_FORM_LIMIT.minutes, '提交评价'),
      },
      schema: {
        tags,
        summary: `提交满意度评价（无需登录，默认匿名；同一网络地址 ${PUBLIC_FORM_LIMIT.minutes} 分钟内至多 ${PUBLIC_FORM_LIMIT.max} 次）`,
        params,
        body: publicSatisfactionInputSchema,
        response: { 201: publicSatisfactionReceiptSchema },
      },
    },
    async (req, reply) => {
      reply.status(201);
      return form.answer(req.params.stationId, req.body);
    },
  );
}
