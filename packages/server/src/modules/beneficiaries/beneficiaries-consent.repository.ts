import { and, desc, eq, inArray, isNull, lte } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';
import {
  beneficiaries as b,
  beneficiaryConsents as consents,
  beneficiaryStations as links,
} from './beneficiaries.table';

// What the alerts and referrals modules ask of the registry inside their own transaction: is the person served by the
// station, who is responsible for them there, and has the person (or guardian) consented to referral.

/** A person as served by one station: their name and the worker responsible for them there. */
export interface PersonAtStation {
  id: string;
  name: string;
  workerId: string | null;
}

/** The person, if the station serves them today (a live link); null otherwise (answered as "not found" by callers). */
export async function personAtStation(
  tx: DbOrTx,
  beneficiaryId: string,
  stationId: string,
): Promise<PersonAtStation | null> {
  const [row] = await tx
    .select({ id: b.id, name: b.name, workerId: links.workerId })
    .from(links)
    .innerJoin(b, eq(b.id, links.beneficiaryId))
    .where(and(eq(links.beneficiaryId, beneficiaryId), eq(links.stationId, stationId), isNull(links.archivedAt)))
    .limit(1);
  return row ?? null;
}

/** Names and responsible workers of several people at their stations, for views (one query). */
export async function peopleAtStations(
  tx: DbOrTx,
  pairs: { beneficiaryId: string; stationId: string }[],
): Promise<Map<string, PersonAtStation>> {
  const ids = [...new Set(pairs.map((p) => p.beneficiaryId))];
  if (ids.length === 0) return new Map();
  const rows = await tx
    .select({ id: b.id, name: b.name, workerId: links.workerId, stationId: links.stationId })
    .from(b)
    .leftJoin(links, and(eq(links.beneficiaryId, b.id), isNull(links.archivedAt)))
    .where(inArray(b.id, ids));
  const out = new Map<string, PersonAtStation>();
  for (const p of pairs) {
    const mine = rows.filter((r) => r.id === p.beneficiaryId);
    const here = mine.find((r) => r.stationId === p.stationId) ?? mine[0];
    if (here)
      out.set(`${p.beneficiaryId}:${p.stationId}`, {
        id: here.id,
        name: here.name,
        workerId: here.stationId === p.stationId ? here.workerId : null,
      });
  }
  return out;
}

/**
 * 附件2 (一)3: the consent to referral in force on a day — the latest referral decision recorded for the person on or
 * before it (by date, then by when it was entered), if that decision is `given`; its id, or null (none recorded by
 * then, refused or withdrawn). A referral cannot rest on a consent given after it.
 */
export async function currentReferralConsent(tx: DbOrTx, beneficiaryId: string, onDay: string): Promise<string | null> {
  const [latest] = await tx
    .select({ id: consents.id, decision: consents.decision })
    .from(consents)
    .where(
      and(eq(consents.beneficiaryId, beneficiaryId), eq(consents.kind, 'referral'), lte(consents.recordedOn, onDay)),
    )
    .orderBy(desc(consents.recordedOn), desc(consents.createdAt), desc(consents.id))
    .limit(1);
  return latest?.decision === 'given' ? latest.id : null;
}
