import type { FastifyServerOptions } from 'fastify';
import { loggableError, redactText } from '../audit/redact';

/**
 * Server log settings: errors without SQL parameters and with personal data masked, request URLs masked (a search
 * may carry an ID number). Used by main.ts for the app and its own process log.
 */
export function loggerOptions(level: string): Exclude<FastifyServerOptions['logger'], boolean | undefined> {
  return {
    level,
    serializers: {
      err: (e: Error) => loggableError(e) as { type: string; message: string; stack: string },
      req: (r: { method?: string; url?: string; id?: unknown }) => ({
        method: r.method,
        url: redactText(String(r.url ?? '')),
        id: r.id,
      }),
    },
  };
}
