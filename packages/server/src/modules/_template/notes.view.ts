import type { Actor } from '../../platform/auth/actor';
import type { NoteView } from './notes.schemas';
import { canEditNote } from './notes.policy';
import type { NoteRow } from './notes.repository';

/** Row → what the caller may see (masking and findings would go here too). */
export const toNoteView = (row: NoteRow, actor: Actor): NoteView => ({
  id: row.id,
  stationId: row.stationId,
  title: row.title,
  body: row.body,
  version: row.version,
  updatedAt: row.updatedAt.toISOString(),
  canEdit: canEditNote(actor, row),
});
