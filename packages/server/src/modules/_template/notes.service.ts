import type { Db } from '../../db/database';
import { diff, writeAudit } from '../../platform/audit/audit';
import type { Actor } from '../../platform/auth/actor';
import { stationInScope } from '../../platform/auth/scope';
import type { Clock } from '../../platform/clock';
import { AppError, notFound } from '../../platform/http/errors';
import { pageOf } from '../../platform/http/paging';
import type { StationLookup } from '../stations';
import { canEditNote } from './notes.policy';
import { noteScope, notesRepository as repo } from './notes.repository';
import type { CreateNoteInput, NoteQuery, UpdateNoteInput } from './notes.schemas';
import { toNoteView } from './notes.view';
import type { ActorContext } from '../../platform/http/context';

/** Dependencies by name, all required: a missing one is a type error, never a silent stub. */
export interface NoteServiceDeps {
  db: Db;
  clock: Clock;
  stations: StationLookup;
}

export function createNoteService({ db, clock, stations }: NoteServiceDeps) {
  async function load(actor: Actor, id: string) {
    const row = await repo.findInScope(db, noteScope(actor.scope), id);
    if (!row) throw notFound('记事'); // out of scope answers exactly like missing
    return row;
  }

  return {
    async list(actor: Actor, q: NoteQuery) {
      const { items, total } = await repo.page(db, noteScope(actor.scope), q);
      return pageOf(
        items.map((r) => toNoteView(r, actor)),
        total,
        q,
      );
    },

    async get(actor: Actor, id: string) {
      return toNoteView(await load(actor, id), actor);
    },

    async create(ctx: ActorContext, input: CreateNoteInput) {
      // The station must be one the caller sees; read it before the transaction (PGlite has one connection).
      const [station] = await stations.summaries([input.stationId]);
      if (!station || !stationInScope(ctx.actor.scope, station))
        throw new AppError('VALIDATION_FAILED', '「社工站」不存在或无权访问', {
          fieldErrors: { stationId: '社工站不存在或无权访问' },
        });
      const row = await db.transaction(async (tx) => {
        const created = await repo.insert(tx, {
          ...input,
          divisionPath: station.divisionPath,
          createdBy: ctx.actor.userId,
          updatedBy: ctx.actor.userId,
        });
        await writeAudit(tx, ctx, {
          action: 'create',
          entityType: 'templateNote',
          entityId: created.id,
          divisionPath: created.divisionPath,
          summary: `新增记事 ${created.title}`,
          after: input,
        });
        return created;
      });
      return toNoteView(row, ctx.actor);
    },

    async update(ctx: ActorContext, id: string, input: UpdateNoteInput) {
      const current = await load(ctx.actor, id);
      if (!canEditNote(ctx.actor, current)) throw notFound('记事');
      const { version, ...fields } = input;
      const row = await db.transaction(async (tx) => {
        const updated = await repo.update(tx, id, version, {
          ...fields,
          updatedBy: ctx.actor.userId,
          updatedAt: clock.now(),
        });
        if (!updated) throw new AppError('VERSION_CONFLICT', '该记事已被他人修改，请刷新后再保存');
        const changes = diff(
          { title: current.title, body: current.body },
          { title: updated.title, body: updated.body },
        );
        await writeAudit(tx, ctx, {
          action: 'update',
          entityType: 'templateNote',
          entityId: id,
          divisionPath: updated.divisionPath,
          summary: `修改记事 ${updated.title}`,
          ...changes,
        });
        return updated;
      });
      return toNoteView(row, ctx.actor);
    },
  };
}
export type NoteService = ReturnType<typeof createNoteService>;
