import type { Db } from '../../db/database';
import type { Actor } from '../../platform/auth/actor';
import type { Clock } from '../../platform/clock';
import { missingOf, monthEnd, prevMonth } from './payroll.grid';
import { workersDeskRepository as desk } from './workers-desk.repository';
import { workerScope, workersRepository as repo } from './workers.repository';

/**
 * What the 工作台 needs of the roster in the caller's scope, in two queries whatever the number of workers: filings
 * by status (R-STAFF-6: the county approves submitted ones, the employer resubmits returned ones), and last month's
 * pay and 五险一金 missing, per organisation (R-STAFF-6), judged by the payroll grid's own rule (`missingOf`).
 */
export function createWorkerDesk(d: { db: Db; clock: Clock }) {
  return {
    async facts(actor: Actor) {
      const today = d.clock.today();
      const month = prevMonth(today.slice(0, 7));
      const where = repo.where(workerScope(actor.scope, today), {}, today);
      const [filings, records] = await Promise.all([
        desk.filingCounts(d.db, where),
        desk.monthRecords(d.db, where, month, monthEnd(month)),
      ]);
      const missingByOrganisation = new Map<string, number>();
      for (const { organisationId, record: r } of records) {
        if (missingOf(r ?? undefined).length > 0)
          missingByOrganisation.set(organisationId, (missingByOrganisation.get(organisationId) ?? 0) + 1);
      }
      const filing = (s: string) => {
        const f = filings.find((x) => x.status === s);
        return { count: f?.count ?? 0, firstId: f?.firstId ?? null };
      };
      return {
        submitted: filing('submitted'),
        returned: filing('returned'),
        draft: filing('draft'),
        month,
        missingByOrganisation,
      };
    },
  };
}
export type WorkerDesk = ReturnType<typeof createWorkerDesk>;
