import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/auth/auth-plugin';
import { requestContext } from '../../platform/http/context';
import { createNoteSchema, noteQuerySchema, notePageSchema, noteViewSchema, updateNoteSchema } from './notes.schemas';
import type { NoteService } from './notes.service';

const idParams = z.strictObject({ noteId: z.uuid('记事编号格式不正确') });

/**
 * Parse, call, present. Every route declares its access (the server refuses to start otherwise), its input schemas and
 * its response schema (a test fails without one). A route with a path id also needs an entry in
 * platform/auth/route-matrix.entries.ts.
 */
export function noteRoutes(app: FastifyInstance, service: NoteService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['站点记事（模板）'];
  const read = { access: { permission: 'stations:read' as const } };
  const write = { access: { permission: 'stations:write' as const } };

  r.get(
    '/api/v1/template-notes',
    {
      config: read,
      schema: { tags, summary: '记事列表（分页）', querystring: noteQuerySchema, response: { 200: notePageSchema } },
    },
    (req) => service.list(requireActor(req), req.query),
  );
  r.get(
    '/api/v1/template-notes/:noteId',
    { config: read, schema: { tags, summary: '记事详情', params: idParams, response: { 200: noteViewSchema } } },
    (req) => service.get(requireActor(req), req.params.noteId),
  );
  r.post(
    '/api/v1/template-notes',
    { config: write, schema: { tags, summary: '新增记事', body: createNoteSchema, response: { 201: noteViewSchema } } },
    async (req, reply) => {
      reply.status(201);
      return service.create(requestContext(req), req.body);
    },
  );
  r.patch(
    '/api/v1/template-notes/:noteId',
    {
      config: write,
      schema: {
        tags,
        summary: '修改记事（带 version，过期返回 409）',
        params: idParams,
        body: updateNoteSchema,
        response: { 200: noteViewSchema },
      },
    },
    (req) => service.update(requestContext(req), req.params.noteId, req.body),
  );
}
