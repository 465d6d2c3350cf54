import type { DeskItem } from '@shegong/shared';
import { can, type Actor } from '../../platform/auth/actor';
import type { ContractDesk } from '../contracts';
import type { StationDesk } from '../stations';
import type { WorkerDesk } from '../workers';
import { item, listed } from './desk.view';

type Due = { count: number; firstId?: string | null };

/** The facts the to-dos are made of, gathered by the service from each module that holds them. */
export interface DeskFacts {
  officer: boolean;
  breaches: Awaited<ReturnType<StationDesk['breaches']>> | null;
  roster: Awaited<ReturnType<WorkerDesk['facts']>> | null;
  contracts: Awaited<ReturnType<ContractDesk['facts']>> | null;
  plans: { toFile: Due; returned: Due; drafts: Due; trainings: Due };
  payroll: { month: string; missing: number; detail: string };
  deadlines: { atRisk: number; overdue: number };
}

/**
 * What waits on an officer or contractor, by their permissions: each duty with the clause it comes from
 * (R-ST, R-STAFF-3/4/6, R-PUR-2, R-CON-2/3) and a link to the record, or to the list when there are several.
 */
export function toDos(actor: Actor, f: DeskFacts): DeskItem[] {
  const { officer, breaches, roster, contracts } = f;
  const { toFile, returned, drafts, trainings } = f.plans;
  return [
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
    ...item('plans_to_file', toFile, {
      title: '年度购买服务计划待备案',
      detail: '县（区）已报送的年度购买服务计划，备案或退回',
      list: '/purchase-plans',
      record: '/purchase-plans',
      ruleId: 'R-PUR-2',
      severity: 'warning',
    }),
    ...item('plans_to_submit', returned, {
      title: '年度购买服务计划被退回',
      detail: '按市民政局意见修改后重新报送',
      list: '/purchase-plans',
      record: '/purchase-plans',
      ruleId: 'R-PUR-2',
      severity: 'warning',
    }),
    ...item('plans_to_submit', drafts, {
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
      { count: f.payroll.missing },
      {
        title: `${f.payroll.month} 工资或五险一金未登记`,
        detail: f.payroll.detail,
        // The month the server's Clock means, not the browser's idea of last month.
        list: `/payroll?month=${f.payroll.month}`,
        ruleId: 'R-STAFF-6',
        severity: 'warning',
      },
    ),
    ...item(
      'qualification_overdue',
      { count: f.deadlines.overdue },
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
      { count: f.deadlines.atRisk },
      {
        title: '社工取得职业资格的期限 90 日内到期',
        detail: '督促通过学历、证书或培训学时取得职业资格',
        list: '/workers?deadline=at_risk',
        ruleId: 'R-STAFF-4',
        severity: 'warning',
      },
    ),
    ...item('trainings_to_confirm', trainings, {
      title: '培训主办单位待确认',
      detail: '确认后培训学时计入社工的职业资格',
      list: '/trainings',
      ruleId: 'R-STAFF-3',
      severity: 'info',
    }),
  ];
}
