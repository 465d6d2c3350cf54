import type { FastifyRequest } from 'fastify';
import type { Actor } from '../auth/actor';
import { requireActor } from '../auth/auth-plugin';
import type { RequestContext } from '../audit/audit';

/** The context of an authenticated request: who acts, and what the audit records with the change (ip, request id). */
export type ActorContext = RequestContext & { actor: Actor };

/** The audit context of an authenticated request. */
export function requestContext(req: FastifyRequest): ActorContext {
  return { actor: requireActor(req), ip: req.ip ?? null, requestId: String(req.id) };
}

/** The audit context of a request that may have no session (login). */
export function anonymousContext(req: FastifyRequest): RequestContext {
  return { actor: req.actor, ip: req.ip ?? null, requestId: String(req.id) };
}
