import { and, asc, eq, ilike, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { OrganisationQuery, PageQuery, Scope } from '@shegong/shared';
import type { DbOrTx } from '../../db/database';
import { containsPattern } from '../../platform/db/search';
import { pageRows } from '../../platform/http/paging';
import { organisations } from './organisations.table';

export type OrganisationRow = typeof organisations.$inferSelect;
export type NewOrganisation = typeof organisations.$inferInsert;

/**
 * Who reads which organisations: organisations are public information, so every officer reads all of them (an award
 * may go to one registered elsewhere); contractor staff read only their own organisation.
 */
export const organisationScope = (scope: Scope): SQL | undefined =>
  scope.kind === 'organisation' ? eq(organisations.id, scope.organisationId) : undefined;

const live = isNull(organisations.archivedAt);

/** The fields the public portal shows (R-ORG-2): no legal representative, no contact person or phone. */
const publicFields = {
  id: organisations.id,
  name: organisations.name,
  creditCode: organisations.creditCode,
  type: organisations.type,
  grade: organisations.grade,
  gradeValidUntil: organisations.gradeValidUntil,
  registrationAuthority: organisations.registrationAuthority,
  local: organisations.local,
  address: organisations.address,
};

/** What other modules may know (see OrganisationFacts in the lookup). */
const factFields = {
  id: organisations.id,
  name: organisations.name,
  divisionCode: organisations.divisionCode,
  divisionPath: organisations.divisionPath,
  type: organisations.type,
  socialWorkInScope: organisations.socialWorkInScope,
  grade: organisations.grade,
  gradeValidUntil: organisations.gradeValidUntil,
  local: organisations.local,
};

/** All SQL on the organisations table. Reads of one record or of the list take the caller's scope condition. */
export const organisationsRepository = {
  async findInScope(db: DbOrTx, scope: SQL | undefined, id: string): Promise<OrganisationRow | undefined> {
    const rows = await db
      .select()
      .from(organisations)
      .where(and(eq(organisations.id, id), live, scope))
      .limit(1);
    return rows[0];
  },

  /** One page of the registry, filtered, by name; `total` counts the same filter. Two queries whatever the page. */
  async list(db: DbOrTx, scope: SQL | undefined, q: OrganisationQuery) {
    const conds: (SQL | undefined)[] = [live, scope];
    if (q.county) conds.push(eq(organisations.divisionCode, q.county));
    if (q.type) conds.push(eq(organisations.type, q.type));
    if (q.local) conds.push(eq(organisations.local, q.local === 'true'));
    if (q.q)
      conds.push(
        or(ilike(organisations.name, containsPattern(q.q)), ilike(organisations.creditCode, containsPattern(q.q))),
      );
    const where = and(...conds);
    const rows = db.select().from(organisations).where(where).orderBy(asc(organisations.name), asc(organisations.id));
    return pageRows(rows.$dynamic(), db.$count(organisations, where), q);
  },

  async idByCreditCode(db: DbOrTx, creditCode: string): Promise<string | undefined> {
    const rows = await db
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.creditCode, creditCode))
      .limit(1);
    return rows[0]?.id;
  },

  async insert(db: DbOrTx, values: NewOrganisation): Promise<OrganisationRow> {
    const [o] = await db.insert(organisations).values(values).returning();
    return o;
  },

  /** Optimistic update: undefined when the version moved on. */
  async update(db: DbOrTx, id: string, version: number, patch: Partial<NewOrganisation>) {
    const [o] = await db
      .update(organisations)
      .set({ ...patch, version: version + 1 })
      .where(and(eq(organisations.id, id), eq(organisations.version, version)))
      .returning();
    return o as OrganisationRow | undefined;
  },

  /** R-ORG-2: one page of the organisations with social work in scope, for the public portal. */
  async publicPage(db: DbOrTx, q: { q?: string } & PageQuery) {
    const conds: (SQL | undefined)[] = [live, eq(organisations.socialWorkInScope, true)];
    if (q.q) conds.push(ilike(organisations.name, containsPattern(q.q)));
    const where = and(...conds);
    const rows = db
      .select(publicFields)
      .from(organisations)
      .where(where)
      .orderBy(asc(organisations.name), asc(organisations.id));
    return pageRows(rows.$dynamic(), db.$count(organisations, where), q);
  },

  async facts(db: DbOrTx, id: string) {
    const rows = await db
      .select(factFields)
      .from(organisations)
      .where(and(eq(organisations.id, id), live))
      .limit(1);
    return rows[0];
  },

  /** Names by id, prepared (a service record's answer names its organisation): the ids one array parameter. */
  preparedNames(db: DbOrTx) {
    const q = db
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(sql`${organisations.id} = any(${sql.placeholder('ids')}::uuid[])`)
      .prepare('organisation_names');
    return async (ids: string[]) =>
      new Map(ids.length ? (await q.execute({ ids })).map((r) => [r.id, r.name] as const) : []);
  },
};
