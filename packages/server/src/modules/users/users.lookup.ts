import type { DbOrTx } from '../../db/database';
import { usersRepository as repo } from './users.repository';

/** What other modules may ask about users: who did something, by display name. */
export const createUserLookup = ({ db }: { db: DbOrTx }) => ({
  displayNames: (ids: string[]) => repo.displayNames(db, [...new Set(ids)]),
});
export type UserLookup = ReturnType<typeof createUserLookup>;
