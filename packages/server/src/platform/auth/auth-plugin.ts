import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ROLE_PERMISSIONS, type Role } from '@shegong/shared';
import { AppError } from '../http/errors';
import type { Actor, RouteAccess } from './actor';
import type { SessionStore } from './sessions';

/**
 * The station lists behind contractor and social worker scopes, supplied by the modules that own them: the stations a
 * worker is assigned to today, and the stations an organisation's live contracts cover today. Both are recomputed on
 * every request from the Clock, so an ended contract or assignment stops giving access the same day (R-SCOPE-1).
 */
export interface ScopeSources {
  workerStations(workerId: string): Promise<string[]>;
  organisationStations(organisationId: string): Promise<string[]>;
  /** A third-party evaluator's assigned rounds and the stations of those being scored (R-EVAL-1). */
  evaluatorReach(userId: string): Promise<{ roundIds: string[]; stationIds: string[] }>;
}

/** One /api/v1 route as registered: the route-matrix test walks these, so a new route cannot go untested. */
export interface RouteEntry {
  method: string;
  url: string;
  access: RouteAccess;
  /** Whether the route declares the schema of its answers (`schema.response`); a test requires it of every route. */
  responds: boolean;
}
declare module 'fastify' {
  interface FastifyInstance {
    routeTable: RouteEntry[];
  }
}

export const SESSION_COOKIE = 'sg_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Endpoints a user whose password change is due may still call. */
const PASSWORD_CHANGE_ALLOWED = new Set(['/api/v1/auth/me', '/api/v1/auth/logout', '/api/v1/auth/password']);

/**
 * Authentication and the first layer of authorisation: resolves the session into `req.actor`, refuses
 * routes without a declared access rule at start-up, and enforces login, CSRF, forced password change
 * and the route's permission on every request.
 */
export function registerAuth(app: FastifyInstance, sessions: SessionStore, sources: ScopeSources): void {
  app.decorateRequest('actor', null);

  app.decorate('routeTable', [] as RouteEntry[]);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v1/')) return;
    if (!route.config?.access) throw new Error(`route ${route.method} ${route.url} declares no access rule`);
    for (const method of [route.method].flat())
      if (method !== 'HEAD')
        app.routeTable.push({
          method,
          url: route.url,
          access: route.config.access,
          responds: !!route.schema?.response,
        });
  });

  /**
   * A social worker reaches the stations assigned to them today that their employer's contracts still cover: when a
   * contract ends, the old contractor's workers lose its stations with it (records belong to the station).
   */
  async function workerReach(workerId: string, organisationId: string | null) {
    const [assigned, covered] = await Promise.all([
      sources.workerStations(workerId),
      organisationId ? sources.organisationStations(organisationId) : Promise.resolve(null),
    ]);
    return covered ? assigned.filter((id) => covered.includes(id)) : assigned;
  }

  app.addHook('onRequest', async (req) => {
    const token = req.cookies[SESSION_COOKIE];
    if (!token || !req.url.startsWith('/api/')) return;
    const row = await sessions.resolve(token);
    if (!row) return;
    const u = row.user;
    const role = u.role as Role;
    const path = u.divisionPath;
    req.actor = {
      userId: u.id,
      username: u.username,
      displayName: u.displayName,
      role,
      divisionCode: u.divisionCode,
      permissions: ROLE_PERMISSIONS[role] ?? [],
      scope: u.workerId
        ? { kind: 'stations', stationIds: await workerReach(u.workerId, u.organisationId), path }
        : role === 'evaluator'
          ? { kind: 'stations', ...(await sources.evaluatorReach(u.id)), path }
          : u.organisationId
            ? {
                kind: 'organisation',
                organisationId: u.organisationId,
                stationIds: await sources.organisationStations(u.organisationId),
                path,
              }
            : { kind: 'division', path },
      sessionId: row.session.id,
      csrfToken: row.session.csrfToken,
      mustChangePassword: u.mustChangePassword,
      ...(u.workerId ? { workerId: u.workerId } : {}),
    } satisfies Actor;
  });

  // Answers about people and records must not linger in browser or proxy caches (R-SCOPE-2); only public pages may.
  app.addHook('onSend', async (req, reply) => {
    if (req.url.startsWith('/api/') && !req.url.startsWith('/api/v1/public/') && !reply.hasHeader('cache-control'))
      reply.header('cache-control', 'no-store');
  });

  // Before validation: who may call is settled before anything about the body is said (401/403 before 400).
  app.addHook('preValidation', async (req) => {
    const access = req.routeOptions.config?.access;
    if (!access || 'public' in access) return;
    const actor = requireActor(req);
    if (!SAFE_METHODS.has(req.method) && req.headers['x-csrf-token'] !== actor.csrfToken) {
      throw new AppError('CSRF_INVALID', '安全校验失败（CSRF 令牌缺失或无效），请刷新页面后重试');
    }
    if (actor.mustChangePassword && !PASSWORD_CHANGE_ALLOWED.has(req.routeOptions.url ?? '')) {
      throw new AppError('PASSWORD_CHANGE_REQUIRED', '首次登录或密码已被重置，请先修改密码');
    }
    if ('permission' in access && !actor.permissions.includes(access.permission)) {
      throw new AppError('FORBIDDEN', '您的角色没有此操作的权限');
    }
  });
}

export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('UNAUTHENTICATED', '未登录或登录已过期，请重新登录');
  return req.actor;
}
