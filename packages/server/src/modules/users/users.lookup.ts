import type { DbOrTx } from '../../db/database';
import { usersRepository as repo } from './users.repository';

/** What other modules may ask about users: who did something, by display name. */
export const createUserLookup = ({ db }: { db: DbOrTx }) => ({
  displayNames: (ids: string[]) => repo.displayNames(db, [...new Set(ids)]),
  /** The active third-party evaluators (role `evaluator`), who may be assigned to evaluation rounds. */
  evaluators: () => repo.activeOfRole(db, 'evaluator'),
});
export type UserLookup = ReturnType<typeof createUserLookup>;
