import { maskName, type HandoverView, type MatchView } from '@shegong/shared';
import type { z } from 'zod';
import type { linkBeneficiarySchema, matchQuerySchema } from '@shegong/shared';
import { writeAudit } from '../../platform/audit/audit';
import { can, type Actor } from '../../platform/auth/actor';
import { stationInScope } from '../../platform/auth/scope';
import type { ActorContext } from '../../platform/http/context';
import { fieldError, notFound } from '../../platform/http/errors';
import type { StationSummary } from '../stations';
import { isRestricted, isSensitive, seesNames } from './beneficiaries.policy';
import type { BeneficiaryDeps, BeneficiaryReads } from './beneficiaries.reads';
import { beneficiariesRepository as repo, beneficiaryScope, type BeneficiaryRow } from './beneficiaries.repository';
import { listItem, policyFacts } from './beneficiaries.view';
import { visitsRepository } from './visits.repository';

interface MatchingDeps extends BeneficiaryDeps {
  reads: BeneficiaryReads;
  writableStation(ctx: ActorContext, stationId: string): Promise<StationSummary>;
  responsibleWorker(ctx: ActorContext, stationId: string, workerId: string | null): Promise<string | null>;
}

const HANDOVER_LIST = 50;

/** Lists that would confirm a withheld fact leave withheld records out (R-SCOPE-2; see `filterOf`). */
const withheldFor = (actor: Actor) =>
  can(actor, 'beneficiaries:sensitive') ? {} : { withheld: { workerId: actor.workerId ?? null } };

/**
 * One person once (R-SVC-1): who a new registration may already be, linking a second station to the one record, and
 * what a station's new team inherits (records belong to the station, not to the contractor).
 */
export function createBeneficiaryMatching(d: MatchingDeps) {
  const { db, clock, reads } = d;

  /**
   * What a match shows: enough to recognise the person, no identity; the id only when the caller may open it; a record
   * withheld from the caller (sensitive) only as much as an out-of-scope one.
   */
  async function matchOf(actor: Actor, row: BeneficiaryRow, by: MatchView['by']): Promise<MatchView> {
    const [inScope, lc] = await Promise.all([
      repo.findInScope(db, beneficiaryScope(actor.scope, { selective: true }), row.id),
      reads.listContext([row]),
    ]);
    const links = lc.links.get(row.id) ?? [];
    const stations = await d.stations.summaries(links.map((l) => l.stationId));
    const open = !!inScope && !isRestricted(actor, policyFacts(row, lc), lc.today);
    return {
      id: inScope ? row.id : null,
      by,
      name: open && seesNames(actor) ? row.name : maskName(row.name),
      gender: row.gender,
      birthYear: open || !isSensitive(policyFacts(row, lc), lc.today) ? row.birthYear : null,
      village: row.village,
      stationNames: stations.map((s) => s.name),
      inScope: !!inScope,
      linkId: by === 'person' && !inScope ? row.id : null,
    };
  }

  return {
    matchOf,

    /** Before saving: the record holding this ID city-wide, or people without ID who may be the same person. */
    async matches(ctx: ActorContext, q: z.infer<typeof matchQuerySchema>) {
      if (/^\d{17}[\dX]$/.test(q.idNumber)) {
        const row = await repo.byIdNumber(db, q.idNumber);
        return { items: row ? [await matchOf(ctx.actor, row, 'id')] : [] };
      }
      if (!q.name) return { items: [] };
      const rows = await repo.samePerson(db, q);
      return { items: await Promise.all(rows.map((r) => matchOf(ctx.actor, r, 'person'))) };
    },

    /** A second station serving a registered person links to the record instead of copying it. */
    async link(ctx: ActorContext, input: z.infer<typeof linkBeneficiarySchema>) {
      const station = await d.writableStation(ctx, input.stationId);
      let row: BeneficiaryRow | undefined;
      if (input.idNumber) {
        row = await repo.byIdNumber(db, input.idNumber);
        if (!row) throw fieldError('idNumber', '未找到该身份证号的服务对象，请直接登记');
        // The ID alone is guessable (one birth date has at most 1000 numbers): the caller names the person too.
        if (row.name !== input.name?.trim()) throw fieldError('name', '与该身份证号登记的姓名不一致，请核对');
      } else {
        // A person without ID: the match's id and the same name (the caller saw the person, not just an id).
        row = input.beneficiaryId ? await repo.byId(db, input.beneficiaryId) : undefined;
        if (!row || row.idNumber || row.name !== input.name?.trim())
          throw fieldError('beneficiaryId', '未找到该服务对象：有身份证号的请按身份证号关联');
      }
      const person = row;
      const links = await repo.linksOf(db, [person.id]);
      if (links.some((l) => l.stationId === station.id)) throw fieldError('stationId', '该服务对象已由本站服务');
      const workerId = await d.responsibleWorker(ctx, station.id, input.workerId);
      await db.transaction(async (tx) => {
        await repo.insertLink(tx, {
          beneficiaryId: person.id,
          stationId: station.id,
          divisionPath: station.divisionPath,
          workerId,
          since: clock.today(),
          createdBy: ctx.actor.userId,
          updatedBy: ctx.actor.userId,
        });
        await writeAudit(tx, ctx, {
          action: 'update',
          entityType: 'beneficiary',
          entityId: person.id,
          divisionPath: station.divisionPath,
          summary: `${station.name} 关联服务对象 ${maskName(person.name)}（一人一档，不重复登记）`,
          after: { stationId: station.id, workerId },
        });
      });
      return reads.viewOf(ctx.actor, person.id);
    },

    /** What a station's team inherits: counts, people at high risk, people without a responsible worker there today. */
    async handover(ctx: ActorContext, stationId: string): Promise<HandoverView> {
      const [station] = await d.stations.summaries([stationId]);
      if (!station || !stationInScope(ctx.actor.scope, station)) throw notFound('社工站');
      const today = clock.today();
      const scope = beneficiaryScope(ctx.actor.scope, { stationId: station.id });
      const assigned = await d.workers.assignedToday([station.id]);
      const [counts, high, unassigned, due] = await Promise.all([
        repo.stationCounts(db, station.id, today),
        repo.page(db, repo.where(scope, { stationId: station.id, risk: 'high', ...withheldFor(ctx.actor) }, today), {
          page: 1,
          pageSize: HANDOVER_LIST,
        }),
        repo.unassignedAt(
          db,
          station.id,
          assigned.map((w) => w.workerId),
          HANDOVER_LIST,
        ),
        // R-SVC-5: the people of the station due a visit today (as the visits-due list counts them).
        visitsRepository.intervalDays(db).then((days) =>
          visitsRepository.duePage(db, repo.where(scope, withheldFor(ctx.actor), today), days, today, today, {
            limit: 0,
            offset: 0,
          }),
        ),
      ]);
      const lc = await reads.listContext([...high.items, ...unassigned.rows]);
      return {
        stationId: station.id,
        stationName: station.name,
        total: counts.total,
        minors: counts.minors,
        withoutConsent: counts.withoutConsent,
        highRisk: high.items.map((r) => listItem(r, ctx.actor, lc)),
        unassigned: unassigned.rows.map((r) => listItem(r, ctx.actor, lc)),
        unassignedTotal: unassigned.total,
        // Open cases come from the cases module (not asked here yet).
        openCases: null,
        visitsDue: due.total,
      };
    },
  };
}
