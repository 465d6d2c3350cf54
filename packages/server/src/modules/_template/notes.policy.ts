import type { Actor } from '../../platform/auth/actor';
import { can } from '../../platform/auth/actor';
import type { NoteRow } from './notes.repository';

// Who may do what with one note. The record is already in the actor's scope (the repository saw to that); the policy
// adds what scope alone does not say. A real module names its own permissions in shared/auth/roles.ts.
export const canEditNote = (actor: Actor, _note: NoteRow) => can(actor, 'stations:write');
