import { inArray, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';
import {
  beneficiaries as b,
  beneficiaryCategories as cats,
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
export const visitDay = (date: SQL | AnyColumn) => sql`(${date} - date '2000-01-01')`;
/** R-SVC-5: whether `visit_days` holds a day between two dates (inclusive): two binary searches, one row. */
export const visitedBetween = (days: AnyColumn | SQL, from: SQL, to: SQL) =>
  sql`(width_bucket(${visitDay(to)}, ${days}) > width_bucket(${visitDay(from)} - 1, ${days}))`;

/** The SQL of `beneficiaries.contacts.ts`: last contact dates, visit days, what a record needs of its people. */
export const contactsRepository = {
  /**
   * Moves each person's dates forward only (greatest): a late-entered older record never moves them back. A home visit
   * adds its day to the visit days, in order (a day already there stays once). A step of the caller's WITH clause (the
   * record's one statement): its rows are written in id order and only once `after` (a condition on the steps before)
   * has been evaluated, so they are locked after the record's other rows, as a withdrawal locks them.
   */
  advanceStep(p: { people: unknown; servedOn: unknown; visit: unknown }, after: SQL): SQL {
    const ids = Array.isArray(p.people) ? sql.param(p.people) : p.people;
    const day = sql`${p.servedOn}::date`;
    return sql`insert into ${contacts} (beneficiary_id, last_service_on, last_visit_on, visit_days)
      select x, ${day}, case when ${p.visit}::boolean then ${day} end,
        case when ${p.visit}::boolean then array[${visitDay(day)}] else '{}'::integer[] end
      from unnest(${ids}::uuid[]) x where ${after} order by x
      on conflict (beneficiary_id) do update set
        last_service_on = greatest(${contacts.lastServiceOn}, excluded.last_service_on),
        last_visit_on = greatest(${contacts.lastVisitOn}, excluded.last_visit_on),
        visit_days = case when cardinality(excluded.visit_days) = 0 or excluded.visit_days[1] = any(${contacts.visitDays})
          then ${contacts.visitDays}
          else array(select d from unnest(${contacts.visitDays} || excluded.visit_days) d order by d) end
      returning 1`;
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
  /**
   * What a record needs of its people, in one statement (a create's answer waits for it): the name, whether archived,
   * the stations of their live links and what the privacy policy reads (birth, the links' workers, the categories).
   */
  preparedRecordPeople(db: DbOrTx) {
    // Qualified: with one table in FROM the builder writes bare column names, and a bare "id" in the subqueries would
    // be the link's or category's own id.
    const person = sql`${b}.${sql.identifier('id')}`;
    const q = db
      .select({
        id: b.id,
        name: b.name,
        birthDate: b.birthDate,
        birthYear: b.birthYear,
        archived: sql<boolean>`${b.archivedAt} is not null`,
        stationIds: sql<
          string[]
        >`array(select ${links.stationId}::text from ${links} where ${links.beneficiaryId} = ${person} and ${links.archivedAt} is null)`,
        workerIds: sql<
          (string | null)[]
        >`array(select ${links.workerId}::text from ${links} where ${links.beneficiaryId} = ${person} and ${links.archivedAt} is null)`,
        categories: sql<
          string[]
        >`array(select ${cats.category} from ${cats} where ${cats.beneficiaryId} = ${person} and ${cats.archivedAt} is null)`,
      })
      .from(b)
      .where(sql`${person} = any(${sql.placeholder('ids')}::uuid[])`)
      .prepare('record_people');
    return (ids: string[]) => q.execute({ ids });
  },
};
