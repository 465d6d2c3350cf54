import { SATISFACTION_QUESTIONS, type PublicSatisfactionForm, type PublicSatisfactionInput } from '@shegong/shared';
import type { Db } from '../../db/database';
import { writeAudit, type RequestContext } from '../../platform/audit/audit';
import type { Clock } from '../../platform/clock';
import { AppError, fieldError } from '../../platform/http/errors';
import type { DivisionService } from '../divisions';
import type { StationLookup } from '../stations';
import type { Challenges } from './satisfaction.challenge';
import { complaintsRepository } from './complaints.repository';
import { responsesRepository } from './satisfaction.repository';

export interface PublicFormDeps {
  db: Db;
  clock: Clock;
  divisions: DivisionService;
  stations: StationLookup;
  challenges: Challenges;
  /** The contractor in charge of the station on a day (contracts). */
  organisationOn(stationId: string, day: string): Promise<string | null>;
}

/**
 * The station's public satisfaction form (R-EVAL-3, 《实施方案》四（四）): no login, anonymous by default. Nothing that
 * identifies who answered is stored: no address, no browser, no account (the audit event carries no IP either).
 */
export function createPublicSatisfaction(d: PublicFormDeps) {
  const { db, clock } = d;

  /** Only operating stations take answers; any other id is answered as unknown. */
  async function operating(stationId: string) {
    const [station] = await d.stations.summaries([stationId]);
    if (!station || station.status !== 'operating') throw new AppError('NOT_FOUND', '该社工站不存在或暂未开放评价');
    return station;
  }

  return {
    async form(stationId: string): Promise<PublicSatisfactionForm> {
      const station = await operating(stationId);
      const townshipCode = station.divisionPath.split('/').filter(Boolean).at(-1) ?? '';
      return {
        stationId: station.id,
        stationName: station.name,
        countyName: d.divisions.find(station.countyCode)?.name ?? '',
        townshipName: d.divisions.find(townshipCode)?.name ?? '',
        questions: SATISFACTION_QUESTIONS.map((q) => ({ ...q })),
        challenge: await d.challenges.issue(station.id),
      };
    },

    /** An answer (and a complaint written with it), in one transaction with its audit; a failed challenge writes nothing. */
    async answer(stationId: string, input: PublicSatisfactionInput) {
      const station = await operating(stationId);
      const used = await d.challenges.check(station.id, input.challengeToken, input.challengeAnswer);
      const today = clock.today();
      const organisationId = await d.organisationOn(station.id, today);
      const contact = input.anonymous
        ? { anonymous: true, contactName: null, contactPhone: null }
        : { anonymous: false, contactName: input.contactName!, contactPhone: input.contactPhone! };
      // No actor and no address: the audit says an answer arrived, never from whom (R-EVAL-3).
      // Not even the request id: a proxy's id (or one the sender chose) would join the answer to an access log.
      const ctx: RequestContext = { actor: null, ip: null, requestId: 'public-form' };
      const complaintOpened = input.complaint.length > 0;
      await db.transaction(async (tx) => {
        // A solved question is good once (R-EVAL-3): a replayed token is refused and nothing is written.
        if (!(await responsesRepository.useChallenge(tx, used.nonce, used.expiresAt, clock.now())))
          throw fieldError('challengeToken', '验证题已使用，请刷新页面后重新作答');
        const row = await responsesRepository.insert(tx, {
          stationId: station.id,
          divisionPath: station.divisionPath,
          organisationId,
          channel: 'public_form',
          answeredOn: today,
          overall: input.overall,
          attitude: input.attitude,
          timeliness: input.timeliness,
          effect: input.effect,
          comment: input.comment,
          ...contact,
        });
        await writeAudit(tx, ctx, {
          action: 'create',
          entityType: 'satisfactionResponse',
          entityId: row.id,
          divisionPath: station.divisionPath,
          summary: `收到满意度评价：${station.name}`,
          after: { overall: row.overall, channel: row.channel },
        });
        if (!complaintOpened) return;
        const complaint = await complaintsRepository.insert(tx, {
          stationId: station.id,
          divisionPath: station.divisionPath,
          organisationId,
          source: 'public_form',
          receivedOn: today,
          content: input.complaint,
          ...contact,
          responseId: row.id,
        });
        await writeAudit(tx, ctx, {
          action: 'create',
          entityType: 'complaint',
          entityId: complaint.id,
          divisionPath: station.divisionPath,
          summary: `收到投诉（扫码评价）：${station.name}`,
          after: { status: 'open', source: 'public_form' },
        });
      });
      return { received: true as const, complaintOpened };
    },
  };
}
export type PublicSatisfaction = ReturnType<typeof createPublicSatisfaction>;
