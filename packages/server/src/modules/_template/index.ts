// What app.ts and other modules may use. Never a table: other modules ask through a lookup that answers facts.
export { createNoteService, type NoteService, type NoteServiceDeps } from './notes.service';
export { noteRoutes } from './notes.routes';
