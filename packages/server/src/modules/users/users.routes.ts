import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createUserSchema, pagedSchema, updateUserSchema, userQuerySchema, userViewSchema } from '@shegong/shared';
import { requireActor } from '../../platform/auth/auth-plugin';
import { requestContext } from '../../platform/http/context';
import type { UserService } from './users.service';

const idParams = z.strictObject({ userId: z.uuid('用户编号格式不正确') });

export function userRoutes(app: FastifyInstance, service: UserService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['用户'];
  r.get(
    '/api/v1/users',
    {
      config: { access: { permission: 'users:read' } },
      schema: {
        tags,
        summary: '用户列表（本单位范围，分页）',
        querystring: userQuerySchema,
        response: { 200: pagedSchema(userViewSchema) },
      },
    },
    (req) => service.list(requireActor(req), req.query),
  );
  r.post(
    '/api/v1/users',
    {
      config: { access: { permission: 'users:manage' } },
      schema: {
        tags,
        summary: '新增用户（初始密码，首次登录须修改）',
        body: createUserSchema,
        response: { 201: userViewSchema },
      },
    },
    async (req, reply) => {
      reply.status(201);
      return service.create(requestContext(req), req.body);
    },
  );
  r.get(
    '/api/v1/users/:userId',
    {
      config: { access: { permission: 'users:read' } },
      schema: { tags, summary: '用户详情', params: idParams, response: { 200: userViewSchema } },
    },
    (req) => service.get(requireActor(req), req.params.userId),
  );
  r.patch(
    '/api/v1/users/:userId',
    {
      config: { access: { permission: 'users:manage' } },
      schema: {
        tags,
        summary: '修改、停用/启用用户或重置密码（带 version）',
        params: idParams,
        body: updateUserSchema,
        response: { 200: userViewSchema },
      },
    },
    (req) => service.update(requestContext(req), req.params.userId, req.body),
  );
}
