import { and, eq, inArray, isNull, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';
import {
  beneficiaries as b,
  beneficiaryContacts as contacts,
  beneficiaryStations as links,
} from './beneficiaries.table';

/** A person's last contact, exactly (after a record was changed or withdrawn, recomputed by the services module). */
export interface ContactDates {
  beneficiaryId: string;
  lastServiceOn: string | null;
  lastVisitOn: string | null;
  /** Every home-visit day as `visitDay` numbers, ascending and distinct. */
  visitDays: number[];
}

/** A date (a SQL date expression) as its number in `beneficiary_contacts.visit_days`: days since 2000-01-01. */
export const visitDay = (date: SQL) => sql`(${date} - date '2000-01-01')`;
/** R-SVC-5: whether `visit_days` holds a day between two dates (inclusive): two binary searches, one row. */
export const visitedBetween = (days: AnyColumn | SQL, from: SQL, to: SQL) =>
  sql`(width_bucket(${visitDay(to)}, ${days}) > width_bucket(${visitDay(from)} - 1, ${days}))`;

/** The SQL of `beneficiaries.contacts.ts`: who a station serves, last contact dates, people by id. */
export const contactsRepository = {
  /** Of the people named, those the station serves (a live link, the person not archived). */
  async servedBy(tx: DbOrTx, stationId: string, ids: string[]): Promise<Set<string>> {
    const rows = await tx
      .select({ id: links.beneficiaryId })
      .from(links)
      .innerJoin(b, eq(b.id, links.beneficiaryId))
      .where(
        and(
          eq(links.stationId, stationId),
          inArray(links.beneficiaryId, ids),
          isNull(links.archivedAt),
          isNull(b.archivedAt),
        ),
      );
    return new Set(rows.map((r) => r.id));
  },
  /**
   * Moves each person's dates forward only (greatest): a late-entered older record never moves them back. A home visit
   * adds its day to the visit days, in order (a day already there stays once).
   */
  async advance(tx: DbOrTx, ids: string[], servedOn: string, visit: boolean) {
    const days = visit ? sql`array[${visitDay(sql`${servedOn}::date`)}]` : sql`'{}'::integer[]`;
    await tx
      .insert(contacts)
      .values(
        ids.map((id) => ({
          beneficiaryId: id,
          lastServiceOn: servedOn,
          lastVisitOn: visit ? servedOn : null,
          visitDays: days,
        })),
      )
      .onConflictDoUpdate({
        target: contacts.beneficiaryId,
        set: {
          lastServiceOn: sql`greatest(${contacts.lastServiceOn}, excluded.last_service_on)`,
          lastVisitOn: sql`greatest(${contacts.lastVisitOn}, excluded.last_visit_on)`,
          visitDays: visit
            ? sql`case when excluded.visit_days[1] = any(${contacts.visitDays}) then ${contacts.visitDays}
                else array(select d from unnest(${contacts.visitDays} || excluded.visit_days) d order by d) end`
            : sql`${contacts.visitDays}`,
        },
      });
  },
  /**
   * Locks the people's contact rows (in id order) until the transaction ends. A person without one gets an empty row
   * first: that insert waits for a record of theirs being written at the same moment (which inserts the row), so the
   * recomputation that follows sees that record instead of overwriting its visit day.
   */
  async lock(tx: DbOrTx, ids: string[]) {
    await tx
      .insert(contacts)
      .values(ids.map((id) => ({ beneficiaryId: id })))
      .onConflictDoNothing();
    await tx
      .select({ id: contacts.beneficiaryId })
      .from(contacts)
      .where(inArray(contacts.beneficiaryId, ids))
      .orderBy(contacts.beneficiaryId)
      .for('update');
  },
  /** Sets the dates exactly. */
  async reset(tx: DbOrTx, rows: ContactDates[]) {
    await tx
      .insert(contacts)
      .values(rows)
      .onConflictDoUpdate({
        target: contacts.beneficiaryId,
        set: {
          lastServiceOn: sql`excluded.last_service_on`,
          lastVisitOn: sql`excluded.last_visit_on`,
          visitDays: sql`excluded.visit_days`,
        },
      });
  },
  async rows(db: DbOrTx, ids: string[]) {
    return db.select().from(b).where(inArray(b.id, ids));
  },
};
