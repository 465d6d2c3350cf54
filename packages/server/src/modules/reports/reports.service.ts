import {
  REPORT_KIND_CLAUSES,
  REPORT_KIND_LABELS,
  REPORT_RECEIVER,
  type ReportFigures,
  type ReportNarrative,
  type ReportQuery,
  type ReportView,
} from '@shegong/shared';
import type { Db } from '../../db/database';
import type { Clock } from '../../platform/clock';
import type { Attachments } from '../../platform/files/attachments';
import type { ActorContext } from '../../platform/http/context';
import { notFound } from '../../platform/http/errors';
import { pageOf } from '../../platform/http/paging';
import type { ContractLookup } from '../contracts';
import type { ReportSubject } from './reports.figures';
import { reportAbilities } from './reports.policy';
import { reportScope, reportsRepository as repo, type ReportRow } from './reports.repository';
import type { ReportSchedule } from './reports.schedule';
import { listItem, namesFor, type NameDeps } from './reports.view';
import { createReportWorkflow } from './reports.workflow';

export interface ReportFiguresSource {
  compute(subject: ReportSubject): Promise<ReportFigures>;
}

export interface ReportDeps extends NameDeps {
  db: Db;
  clock: Clock;
  schedule: ReportSchedule;
  figures: ReportFiguresSource;
  contracts: Pick<ContractLookup, 'stationIdsOf'>;
  attachments: Attachments;
}

const RECEIVER_NAMES = { county: '县（区）民政局', city: '市民政局', province: '省民政厅', contractor: '承接机构' };
const day = (v: string) => String(v).slice(0, 10);

/**
 * Reports up the hierarchy (R-REP-1…3): the schedule's rows read through the caller's scope, their figures computed
 * from the records while open and frozen on acceptance, the narrative written by people, and the workflow.
 */
export function createReportService(d: ReportDeps) {
  const { db, clock } = d;

  async function subjectOf(r: ReportRow): Promise<ReportSubject> {
    const stationIds = r.stationId ? [r.stationId] : r.contractId ? await d.contracts.stationIdsOf(r.contractId) : null;
    return {
      kind: r.kind,
      periodStart: day(r.periodStart),
      periodEnd: day(r.periodEnd),
      stationIds,
      divisionPath: r.divisionPath,
      unitCode: r.unitCode,
    };
  }
  const compute = async (r: ReportRow) => d.figures.compute(await subjectOf(r));

  async function find(ctx: ActorContext, id: string): Promise<ReportRow> {
    const row = await repo.findInScope(db, reportScope(ctx.actor), id);
    if (!row) throw notFound('报告');
    return row;
  }

  async function view(ctx: ActorContext, r: ReportRow): Promise<ReportView> {
    const today = clock.today();
    const scope = reportScope(ctx.actor);
    const gatherer = r.kind === 'county_quarterly' || r.kind === 'city_half_year';
    const [children, revisions, files, figures] = await Promise.all([
      gatherer ? repo.children(db, scope, r) : Promise.resolve([]),
      repo.revisions(db, r.id),
      d.attachments.list('report', [r.id]),
      r.figures ? Promise.resolve(r.figures) : compute(r),
    ]);
    const names = await namesFor(d, [r, ...children]);
    return {
      ...listItem(r, names, today),
      clause: `《实施方案》${REPORT_KIND_CLAUSES[r.kind]}`,
      receiver: RECEIVER_NAMES[REPORT_RECEIVER[r.kind]],
      narrative: r.narrative as ReportNarrative,
      figures,
      frozen: r.figures !== null,
      returnComment: r.returnComment,
      gathered: children.map((c) => {
        const i = listItem(c, names, today);
        return {
          id: i.id,
          kind: i.kind,
          title: i.title,
          subjectName: i.subjectName,
          status: i.status,
          dueOn: i.dueOn,
          firstSubmittedOn: i.firstSubmittedOn,
          late: i.late,
          daysLate: i.daysLate,
        };
      }),
      attachments: files.get(r.id) ?? [],
      revisions: revisions.map((v) => ({
        revision: v.revision,
        acceptedOn: v.acceptedOn ? day(v.acceptedOn) : null,
        reopenedOn: v.reopenedAt.toISOString(),
        reopenReason: v.reopenReason,
        narrative: v.narrative,
        figures: v.figures,
      })),
      version: r.version,
      abilities: reportAbilities(ctx.actor, r),
    };
  }

  const workflow = createReportWorkflow({ db, clock, find, compute, view });

  return {
    ...workflow,
    /** The reports in the caller's scope, the schedule made current first (it exists by itself, R-REP-1). */
    async list(ctx: ActorContext, q: ReportQuery) {
      await d.schedule.ensure();
      const today = clock.today();
      const page = await repo.page(db, reportScope(ctx.actor), q, today);
      const names = await namesFor(d, page.items);
      return pageOf(
        page.items.map((r) => listItem(r, names, today)),
        page.total,
        q,
      );
    },
    async get(ctx: ActorContext, id: string): Promise<ReportView> {
      return view(ctx, await find(ctx, id));
    },
    /** The record a file is attached to, when the caller may add files (the author while it is open). */
    async forFiles(ctx: ActorContext, id: string, write: boolean) {
      const r = await find(ctx, id);
      if (write && !reportAbilities(ctx.actor, r).edit)
        throw workflow.refusal(r, '上传附件', { actor: ctx.actor, may: 'edit' });
      return {
        id: r.id,
        divisionPath: r.divisionPath,
        summary: `报告附件（${REPORT_KIND_LABELS[r.kind]} ${r.periodKey}）`,
      };
    },
  };
}
export type ReportService = ReturnType<typeof createReportService>;
