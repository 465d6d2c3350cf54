import { can, type Actor } from '../../platform/auth/actor';

/**
 * Who may do what with a station. Reading is settled by the scope (stationScope in the repository: out of scope answers
 * 404); changing it (fields, signage, service rooms) needs `stations:write` on top.
 */
export const canWriteStation = (actor: Actor | null) => !!actor && can(actor, 'stations:write');
