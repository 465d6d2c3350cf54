import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  changePasswordSchema,
  loginResultSchema,
  loginSchema,
  LOGIN_RATE_LIMIT,
  SESSION_LIMITS,
} from '@shegong/shared';
import { requireActor, SESSION_COOKIE } from '../../platform/auth/auth-plugin';
import { anonymousContext, requestContext } from '../../platform/http/context';
import { okResponse } from '../../platform/http/responses';
import type { AuthService } from './auth.service';

export function authRoutes(app: FastifyInstance, service: AuthService, opts: { cookieSecure: boolean }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['登录与会话'];
  const cookie = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: opts.cookieSecure };

  // Per network address, whatever name is tried (password spraying); the per-account lockout stays as well.
  const rateLimit = {
    max: LOGIN_RATE_LIMIT.max,
    timeWindow: LOGIN_RATE_LIMIT.minutes * 60_000,
    keyGenerator: (req: { ip: string }) => req.ip,
    errorResponseBuilder: (_req: unknown, c: { ttl: number }) => ({
      statusCode: 429,
      message: `登录尝试过于频繁，请 ${Math.max(1, Math.ceil(c.ttl / 60_000))} 分钟后再试`,
    }),
  };
  r.post(
    '/api/v1/auth/login',
    {
      config: { access: { public: true }, rateLimit },
      schema: {
        tags,
        summary: '登录（同一网络地址 10 分钟内最多 30 次）',
        body: loginSchema,
        response: { 200: loginResultSchema },
      },
    },
    async (req, reply) => {
      const { token, body } = await service.login(anonymousContext(req), req.body, req.headers['user-agent'] ?? null);
      reply.setCookie(SESSION_COOKIE, token, { ...cookie, maxAge: SESSION_LIMITS.absoluteHours * 3600 });
      return body;
    },
  );
  r.get(
    '/api/v1/auth/me',
    {
      config: { access: { session: 'any' } },
      schema: { tags, summary: '当前用户、CSRF 令牌与是否须改密码', response: { 200: loginResultSchema } },
    },
    async (req) => {
      const a = requireActor(req);
      return {
        user: service.sessionUser({
          id: a.userId,
          username: a.username,
          displayName: a.displayName,
          role: a.role,
          divisionCode: a.divisionCode,
        }),
        csrfToken: a.csrfToken,
        mustChangePassword: a.mustChangePassword,
      };
    },
  );
  r.post(
    '/api/v1/auth/logout',
    { config: { access: { session: 'any' } }, schema: { tags, summary: '退出登录', response: { 200: okResponse } } },
    async (req, reply) => {
      await service.logout(requestContext(req));
      reply.clearCookie(SESSION_COOKIE, cookie);
      return { ok: true as const };
    },
  );
  r.post(
    '/api/v1/auth/password',
    {
      config: { access: { session: 'any' } },
      schema: { tags, summary: '修改密码', body: changePasswordSchema, response: { 200: okResponse } },
    },
    async (req) => {
      await service.changePassword(requestContext(req), req.body);
      return { ok: true as const };
    },
  );
}
