import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';
import { appSecrets } from './secrets.table';

/**
 * A secret shared by every process on the same database: the first caller stores a random one (a concurrent first
 * caller's insert is ignored), everyone reads the stored value, so a token one process signs another can check.
 */
export function sharedSecret(db: DbOrTx, name: string): () => Promise<Buffer> {
  let cached: Promise<Buffer> | null = null;
  return () =>
    (cached ??= (async () => {
      await db
        .insert(appSecrets)
        .values({ name, value: randomBytes(32).toString('base64') })
        .onConflictDoNothing();
      const [row] = await db.select({ value: appSecrets.value }).from(appSecrets).where(eq(appSecrets.name, name));
      return Buffer.from(row!.value, 'base64');
    })().catch((e: unknown) => {
      cached = null;
      throw e;
    }));
}
