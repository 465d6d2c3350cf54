import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';
import { disclosures, organisations } from './organisations.table';

export type DisclosureRow = typeof disclosures.$inferSelect;
export type NewDisclosure = typeof disclosures.$inferInsert;

/** All SQL on disclosures (R-ORG-2). The caller has already read the organisation within its scope. */
export const disclosuresRepository = {
  /** The live disclosures of these organisations, newest first: one query for any number of organisations. */
  async ofOrganisations(db: DbOrTx, organisationIds: string[]): Promise<DisclosureRow[]> {
    if (organisationIds.length === 0) return [];
    return db
      .select()
      .from(disclosures)
      .where(and(inArray(disclosures.organisationId, organisationIds), isNull(disclosures.archivedAt)))
      .orderBy(desc(disclosures.publishedAt), desc(disclosures.id));
  },

  /** A live disclosure of that organisation. */
  async findOfOrganisation(db: DbOrTx, organisationId: string, id: string): Promise<DisclosureRow | undefined> {
    const rows = await db
      .select()
      .from(disclosures)
      .where(
        and(eq(disclosures.id, id), eq(disclosures.organisationId, organisationId), isNull(disclosures.archivedAt)),
      )
      .limit(1);
    return rows[0];
  },

  /** A live disclosure of a live organisation: what the public may download files of. */
  async findPublic(db: DbOrTx, organisationId: string, id: string): Promise<{ id: string } | undefined> {
    const rows = await db
      .select({ id: disclosures.id })
      .from(disclosures)
      .innerJoin(organisations, eq(organisations.id, disclosures.organisationId))
      .where(
        and(
          eq(disclosures.id, id),
          eq(organisations.id, organisationId),
          isNull(disclosures.archivedAt),
          isNull(organisations.archivedAt),
        ),
      )
      .limit(1);
    return rows[0];
  },

  async insert(db: DbOrTx, values: NewDisclosure): Promise<DisclosureRow> {
    const [d] = await db.insert(disclosures).values(values).returning();
    return d;
  },
};
