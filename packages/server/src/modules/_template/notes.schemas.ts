import { pageQuery, pagedSchema } from '@shegong/shared';
import { z } from 'zod';

// In a real module this file is packages/shared/src/<area>/<area>.schemas.ts: the server validates with it, OpenAPI
// is generated from it, and the web takes its types and form rules from it.
export const createNoteSchema = z.strictObject({
  stationId: z.uuid('社工站编号格式不正确'),
  title: z.string().trim().min(1, '请填写标题').max(100, '标题不超过 100 字'),
  body: z.string().max(2000, '内容不超过 2000 字').default(''),
});
export type CreateNoteInput = z.infer<typeof createNoteSchema>;

export const updateNoteSchema = createNoteSchema
  .omit({ stationId: true })
  .partial()
  .extend({ version: z.number().int() });
export type UpdateNoteInput = z.infer<typeof updateNoteSchema>;

export const noteQuerySchema = z.strictObject({ stationId: z.uuid('社工站编号格式不正确').optional(), ...pageQuery });
export type NoteQuery = z.infer<typeof noteQuerySchema>;

export const noteViewSchema = z.object({
  id: z.string(),
  stationId: z.string(),
  title: z.string(),
  body: z.string(),
  version: z.number(),
  updatedAt: z.string(),
  canEdit: z.boolean(),
});
export type NoteView = z.infer<typeof noteViewSchema>;
export const notePageSchema = pagedSchema(noteViewSchema);
