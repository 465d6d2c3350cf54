import type { DeskFigures, DeskUnit, DeskView } from '@shegong/shared';
import { can } from '../../platform/auth/actor';
import type { Clock } from '../../platform/clock';
import { AppError } from '../../platform/http/errors';
import type { ActorContext } from '../../platform/http/context';
import type { ContractDesk } from '../contracts';
import type { DivisionService } from '../divisions';
import type { ProgressService } from '../plan';
import type { PurchasePlanService } from '../purchasing';
import type { StationDesk, StationLookup } from '../stations';
import type { StaffOverview, TrainingService, WorkerDesk, WorkerService } from '../workers';
import { toDos } from './desk.items';
import { byUrgency, item, perOrganisation, rankings, rate } from './desk.view';

export interface DeskDeps {
  clock: Clock;
  divisions: DivisionService;
  stations: StationLookup;
  stationDesk: StationDesk;
  progress: ProgressService;
  overview: StaffOverview;
  contracts: ContractDesk;
  workers: WorkerDesk;
  workerService: WorkerService;
  plans: PurchasePlanService;
  trainings: TrainingService;
  organisationNames: (ids: string[]) => Promise<Map<string, string>>;
  /** The roster record a social worker's login is bound to. */
  workerOf: (userId: string) => Promise<string | null>;
}

const FIRST = { page: 1, pageSize: 1 } as const;
const notFoundAsNull = (e: unknown) => {
  if (e instanceof AppError && e.code === 'NOT_FOUND') return null;
  throw e;
};

/**
 * 工作台: what waits on the caller, the key figures of their scope and, for the city, its units ranked. Composed from
 * the modules that hold each fact (a constant number of queries whatever the number of records): officers and
 * contractor staff by their permissions, a social worker their own record.
 */
export function createDeskService(d: DeskDeps) {
  async function forWorker(ctx: ActorContext): Promise<DeskView> {
    const today = d.clock.today();
    const id = await d.workerOf(ctx.actor.userId);
    // A worker assigned to no station today is out of their own scope (404): then nothing waits on the desk.
    const me = id ? await d.workerService.get(ctx, id).catch(notFoundAsNull) : null;
    const status = me?.deadline.status;
    // R-STAFF-3: the worker's own trainings whose hours wait for an officer to confirm the organiser.
    const trained = me ? await d.trainings.list(ctx.actor, { workerId: me.id, page: 1, pageSize: 200 }) : null;
    const unconfirmed = trained?.items.filter((t) => !t.organiserConfirmed).length ?? 0;
    const deadline = me
      ? item(
          status === 'overdue' ? 'qualification_overdue' : 'qualification_due',
          {
            count: status === 'overdue' || status === 'at_risk' ? 1 : 0,
            firstId: me.id,
          },
          {
            title: status === 'overdue' ? '本人取得职业资格已超期' : '本人取得职业资格的期限临近',
            detail: `须在 ${me.deadline.on ?? ''} 前取得社会工作职业资格（学历、证书或培训学时）`,
            list: '/workers',
            record: '/workers',
            ruleId: 'R-STAFF-4',
            severity: status === 'overdue' ? 'error' : 'warning',
          },
        )
      : [];
    const items = [
      ...deadline,
      ...item(
        'trainings_unconfirmed',
        { count: unconfirmed },
        {
          title: '本人参加的培训待民政部门确认',
          detail: '主办单位确认后，培训学时计入职业资格',
          list: '/trainings',
          ruleId: 'R-STAFF-3',
          severity: 'info',
        },
      ),
    ];
    return { today, items: byUrgency(items), figures: null, ranking: { byBuild: [], byQualified: [] } };
  }

  return {
    async view(ctx: ActorContext): Promise<DeskView> {
      const { actor } = ctx;
      if (actor.role === 'social_worker') return forWorker(ctx);
      const today = d.clock.today();
      const officer = actor.scope.kind === 'division';
      const readsWorkers = can(actor, 'workers:read');
      const readsContracts = can(actor, 'contracts:read');
      const none = { total: 0, items: [] as { id: string }[] };
      const [progress, built, units, contracts, roster, toFile, drafts, returned, trainings, breaches] =
        await Promise.all([
          can(actor, 'plan:read') ? d.progress.report(actor) : null,
          can(actor, 'plan:read') ? null : d.stations.inScope(actor.scope, ['operating', 'suspended']),
          readsWorkers ? d.overview.perUnit(actor) : [],
          readsContracts ? d.contracts.facts(actor) : null,
          readsWorkers ? d.workers.facts(actor) : null,
          can(actor, 'purchase:file') ? d.plans.list(actor, { ...FIRST, status: 'submitted' }) : none,
          can(actor, 'purchase:write') ? d.plans.list(actor, { ...FIRST, status: 'draft' }) : none,
          can(actor, 'purchase:write') ? d.plans.list(actor, { ...FIRST, status: 'returned' }) : none,
          officer && can(actor, 'trainings:confirm')
            ? d.trainings.list(actor, { ...FIRST, pendingConfirm: 'true' })
            : none,
          officer ? d.stationDesk.breaches(actor) : null,
        ]);
      const payrollMissing = roster && can(actor, 'payroll:read') ? roster.missingByOrganisation : new Map();
      const orgNames = await d.organisationNames([...payrollMissing.keys()]);
      const sum = (k: 'workers' | 'qualified' | 'atRisk' | 'overdue') => units.reduce((n, u) => n + u[k], 0);
      const plan = (p: { total: number; items: { id: string }[] }) => ({ count: p.total, firstId: p.items[0]?.id });
      const missing = [...payrollMissing.values()].reduce((n, x) => n + x, 0);

      const items = toDos(actor, {
        officer,
        breaches,
        roster,
        contracts,
        plans: { toFile: plan(toFile), returned: plan(returned), drafts: plan(drafts), trainings: plan(trainings) },
        payroll: { month: roster?.month ?? '', missing, detail: perOrganisation(payrollMissing, orgNames) },
        deadlines: { atRisk: sum('atRisk'), overdue: sum('overdue') },
      });

      const unitRows: DeskUnit[] = units.map((u) => {
        const p = progress?.rows.find((r) => r.divisionCode === u.countyCode)?.total;
        return {
          countyCode: u.countyCode,
          countyName: u.countyName,
          built: p?.built ?? 0,
          planned: p?.planned ?? 0,
          buildPercent: p?.percent ?? null,
          workers: u.workers,
          qualified: u.qualified,
          qualifiedPercent: rate(u.qualified, u.workers),
        };
      });
      const figures: DeskFigures = {
        stationsBuilt: progress ? progress.total.total.built : (built?.length ?? 0),
        stationsPlanned: progress ? progress.total.total.planned : null,
        buildPercent: progress ? progress.total.total.percent : null,
        workers: sum('workers'),
        qualified: sum('qualified'),
        qualifiedPercent: rate(sum('qualified'), sum('workers')),
        contractAmountFen: contracts?.amountFen ?? 0,
        year: Number(today.slice(0, 4)),
      };
      const city = officer && d.divisions.countiesIn(actor.scope).length > 1;
      return {
        today,
        items: byUrgency(items),
        figures,
        ranking: city ? rankings(unitRows) : { byBuild: [], byQualified: [] },
      };
    },
  };
}
export type DeskService = ReturnType<typeof createDeskService>;
