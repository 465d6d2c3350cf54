import type { SatisfactionQuery, SatisfactionRate, SatisfactionRatesQuery } from '@shegong/shared';
import type { Db } from '../../db/database';
import { writeAudit } from '../../platform/audit/audit';
import type { ActorContext } from '../../platform/http/context';
import { fieldError } from '../../platform/http/errors';
import { pageOf } from '../../platform/http/paging';
import type { StationLookup } from '../stations';
import type { NamesOf } from './satisfaction.names';
import { responseScope, responsesRepository as repo } from './satisfaction.repository';
import { clearContact, responseView } from './satisfaction.view';

export interface SatisfactionDeps {
  db: Db;
  stations: StationLookup;
  namesOf: NamesOf;
}

const empty = () => ({ answers: 0, satisfied: 0 });

/** 满意度 (R-EVAL-3): the answers in the caller's scope and the satisfaction rate per station. */
export function createSatisfactionService(d: SatisfactionDeps) {
  const { db } = d;
  return {
    /** Answers in scope, newest first; a contact in clear (the project lead's) is an audited read (R-SCOPE-2). */
    async list(ctx: ActorContext, q: SatisfactionQuery) {
      if (q.from && q.to && q.to < q.from) throw fieldError('to', '结束日期不能早于开始日期');
      const { items, total } = await repo.page(db, responseScope(ctx.actor), q);
      const names = await d.namesOf(items);
      const clear = items.filter((r) => clearContact(ctx.actor, r));
      if (clear.length)
        await writeAudit(db, ctx, {
          action: 'read_pii',
          entityType: 'satisfactionResponse',
          summary: `查看满意度评价的联系方式（${clear.length} 条）`,
        });
      return pageOf(
        items.map((r) => responseView(ctx.actor, r, names)),
        total,
        q,
      );
    },

    /**
     * Per station in scope (operating stations, and any other with answers in the period): answers, satisfied
     * answers (overall ≥ 4) and the same by channel, both the public form and the call-back.
     */
    async rates(ctx: ActorContext, q: SatisfactionRatesQuery): Promise<{ items: SatisfactionRate[] }> {
      if (q.to < q.from) throw fieldError('to', '结束日期不能早于开始日期');
      const tallies = await repo.tallies(db, responseScope(ctx.actor), q.from, q.to);
      const operating = await d.stations.inScope(ctx.actor.scope, ['operating']);
      const ids = new Set([...operating.map((s) => s.id), ...tallies.map((t) => t.stationId)]);
      const stations = await d.stations.summaries([...ids]);
      const under = (path: string) => !q.unit || path.includes(`/${q.unit}/`);
      const items = stations
        .filter((s) => under(s.divisionPath))
        .sort((a, b) => a.countyCode.localeCompare(b.countyCode) || a.name.localeCompare(b.name, 'zh-CN'))
        .map((s) => {
          const byChannel = { public_form: empty(), call_back: empty() };
          for (const t of tallies.filter((x) => x.stationId === s.id)) byChannel[t.channel] = { ...t };
          const sum = (k: 'answers' | 'satisfied') => byChannel.public_form[k] + byChannel.call_back[k];
          return {
            stationId: s.id,
            stationName: s.name,
            answers: sum('answers'),
            satisfied: sum('satisfied'),
            byChannel: {
              public_form: { answers: byChannel.public_form.answers, satisfied: byChannel.public_form.satisfied },
              call_back: { answers: byChannel.call_back.answers, satisfied: byChannel.call_back.satisfied },
            },
          };
        });
      return { items };
    },
  };
}
export type SatisfactionService = ReturnType<typeof createSatisfactionService>;
