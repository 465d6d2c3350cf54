import type { Db } from '../../db/database';
import type { Actor } from '../../platform/auth/actor';
import type { Clock } from '../../platform/clock';
import { contractScope, contractsRepository } from './contracts.repository';
import { endedOn } from './contracts.policy';
import { COMPLIANCE_CODES, findingsOf } from './contracts.view';

/** The contracts of one to-do on the desk: how many and the first, so a single one links to its record. */
export interface ContractsDue {
  count: number;
  firstId: string | null;
}
const due = (ids: string[]): ContractsDue => ({ count: ids.length, firstId: ids[0] ?? null });

/**
 * What the 工作台 needs of the contracts in the caller's scope, in four queries whatever their number (the contracts,
 * then their agreements, evaluations and stations): agreements ending within 60 days and unpublished ones, counted by
 * the same finding codes as the compliance overview (R-CON-2, R-CON-3); contract years ended without an evaluation
 * (R-CON-2: renewal waits on it); and the money of the agreements signed this year.
 */
export function createContractDesk(d: { db: Db; clock: Clock }) {
  return {
    async facts(actor: Actor) {
      const today = d.clock.today();
      const rows = await contractsRepository.allInScope(d.db, contractScope(actor.scope));
      const parts = await contractsRepository.partsOf(
        d.db,
        rows.map((c) => c.id),
      );
      const ending: string[] = [];
      const unpublished: string[] = [];
      const unevaluated: string[] = [];
      let amountFen = 0;
      const year = today.slice(0, 4);
      for (const c of [...rows].sort((a, b) => a.signedOn.localeCompare(b.signedOn) || a.id.localeCompare(b.id))) {
        const p = parts.get(c.id)!;
        const codes = new Set(findingsOf(c, p, today).map((f) => f.code));
        const has = (list: readonly string[]) => list.some((code) => codes.has(code));
        if (has(COMPLIANCE_CODES.endingSoon)) ending.push(c.id);
        if (has(COMPLIANCE_CODES.unpublished)) unpublished.push(c.id);
        const evaluated = new Set(p.evs.map((e) => e.yearNo));
        const failed = p.evs.some((e) => e.result === 'failed');
        if (!failed && !endedOn(c, today) && p.ags.some((a) => a.periodEnd < today && !evaluated.has(a.yearNo)))
          unevaluated.push(c.id);
        for (const a of p.ags) if (a.signedOn.startsWith(year)) amountFen += a.amountFen;
      }
      return {
        ending: due(ending),
        unpublished: due(unpublished),
        unevaluated: due(unevaluated),
        amountFen,
      };
    },
  };
}
export type ContractDesk = ReturnType<typeof createContractDesk>;
