import type { DeskFigures, DeskItem, DeskUnit, DeskView } from '@shegong/shared';
import { can } from '../../platform/auth/actor';
import type { Clock } from '../../platform/clock';
import type { ActorContext } from '../../platform/http/context';
import type { ContractDesk } from '../contracts';
import type { DivisionService } from '../divisions';
import type { ProgressService } from '../plan';
import type { PurchasePlanService } from '../purchasing';
import type { StationDesk, StationLookup } from '../stations';
import type { StaffOverview, TrainingService, WorkerDesk, WorkerService } from '../workers';
import { byUrgency, item, listed, perOrganisation, rankings, rate } from './desk.view';

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

/**
 * 工作台: what waits on the caller, the key figures of their scope and, for the city, its units ranked. Composed from
 * the modules that hold each fact (a constant number of queries whatever the number of records): officers and
 * contractor staff by their permissions, a social worker their own record.
 */
export function createDeskService(d: DeskDeps) {
  async function forWorker(ctx: ActorContext): Promise<DeskView> {
    const today = d.clock.today();
    const id = await d.workerOf(ctx.actor.userId);
    const me = id ? await d.workerService.get(ctx, id).catch(() => null) : null;
    const status = me?.deadline.status;
    const items = me
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
    return { today, items, figures: null, ranking: { byBuild: [], byQualified: [] } };
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

      const items: DeskItem[] = [
        ...(breaches
          ? item('stations_noncompliant', breaches, {
              title: '社工站有不合规项',
              detail: listed(breaches.names, '个社工站'),
              list: '/stations',
              record: '/stations',
              ruleId: breaches.ruleId,
              severity: 'error',
            })
          : []),
        ...(can(actor, 'workers:approve') && roster
          ? item('filings_to_approve', roster.submitted, {
              title: '社工备案待审核',
              detail: '承接机构已报送的社工备案，审核通过或退回',
              list: '/workers?filingStatus=submitted',
              record: '/workers',
              ruleId: 'R-STAFF-6',
              severity: 'warning',
            })
          : []),
        ...(!officer && can(actor, 'workers:write') && roster
          ? [
              ...item('filings_returned', roster.returned, {
                title: '社工备案被退回',
                detail: '按退回意见修改后重新报送',
                list: '/workers?filingStatus=returned',
                record: '/workers',
                ruleId: 'R-STAFF-6',
                severity: 'warning',
              }),
              ...item('filings_to_submit', roster.draft, {
                title: '社工备案待报送',
                detail: '向民政部门报送社工备案',
                list: '/workers?filingStatus=draft',
                record: '/workers',
                ruleId: 'R-STAFF-6',
                severity: 'info',
              }),
            ]
          : []),
        ...item('plans_to_file', plan(toFile), {
          title: '年度购买服务计划待备案',
          detail: '县（区）已报送的年度购买服务计划，备案或退回',
          list: '/purchase-plans',
          record: '/purchase-plans',
          ruleId: 'R-PUR-2',
          severity: 'warning',
        }),
        ...item('plans_to_submit', plan(returned), {
          title: '年度购买服务计划被退回',
          detail: '按市民政局意见修改后重新报送',
          list: '/purchase-plans',
          record: '/purchase-plans',
          ruleId: 'R-PUR-2',
          severity: 'warning',
        }),
        ...item('plans_to_submit', plan(drafts), {
          title: '年度购买服务计划待报送',
          detail: '编制完成后报送市民政局备案',
          list: '/purchase-plans',
          record: '/purchase-plans',
          ruleId: 'R-PUR-2',
          severity: 'info',
        }),
        ...(contracts
          ? [
              ...item('contracts_ending', contracts.ending, {
                title: '合同或年度协议 60 日内到期',
                detail: officer
                  ? '完成年度评估，评估合格后续签；三年周期结束的启动新一轮采购'
                  : '配合年度评估；评估合格后续签下一年协议',
                list: '/contracts',
                record: '/contracts',
                ruleId: 'R-CON-2',
                severity: 'warning',
              }),
              ...(officer
                ? [
                    ...item('evaluations_missing', contracts.unevaluated, {
                      title: '协议年度已结束，尚无年度评估',
                      detail: '组织年度评估并登记结果；评估合格后方可续签',
                      list: '/contracts',
                      record: '/contracts',
                      ruleId: 'R-CON-2',
                      severity: 'error',
                    }),
                    ...item('agreements_unpublished', contracts.unpublished, {
                      title: '合同或协议尚未公告',
                      detail: '依法公告后登记公告日期',
                      list: '/contracts',
                      record: '/contracts',
                      ruleId: 'R-CON-3',
                      severity: 'warning',
                    }),
                  ]
                : []),
            ]
          : []),
        ...item(
          'payroll_missing',
          { count: missing },
          {
            title: `${roster?.month ?? ''} 工资或五险一金未登记`,
            detail: perOrganisation(payrollMissing, orgNames),
            list: '/payroll',
            ruleId: 'R-STAFF-6',
            severity: 'warning',
          },
        ),
        ...item(
          'qualification_overdue',
          { count: sum('overdue') },
          {
            title: '社工取得职业资格已超期',
            detail: '驻站社工须在合同开始 2 年内取得职业资格',
            list: '/workers?deadline=overdue',
            ruleId: 'R-STAFF-4',
            severity: 'error',
          },
        ),
        ...item(
          'qualification_due',
          { count: sum('atRisk') },
          {
            title: '社工取得职业资格的期限 90 日内到期',
            detail: '督促通过学历、证书或培训学时取得职业资格',
            list: '/workers?deadline=at_risk',
            ruleId: 'R-STAFF-4',
            severity: 'warning',
          },
        ),
        ...item('trainings_to_confirm', plan(trainings), {
          title: '培训主办单位待确认',
          detail: '确认后培训学时计入社工的职业资格',
          list: '/trainings',
          ruleId: 'R-STAFF-3',
          severity: 'info',
        }),
      ];

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
