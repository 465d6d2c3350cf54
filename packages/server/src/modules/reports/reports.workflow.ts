import { REPORT_KIND_LABELS, REPORT_STATUS_LABELS, type ReportNarrative, type ReportView } from '@shegong/shared';
import type { Db, DbOrTx } from '../../db/database';
import { writeAudit } from '../../platform/audit/audit';
import type { Clock } from '../../platform/clock';
import type { ActorContext } from '../../platform/http/context';
import { AppError } from '../../platform/http/errors';
import { concerns, reportAbilities, type ReportAbilities } from './reports.policy';
import { reportsRepository as repo, type ReportInsert, type ReportRow } from './reports.repository';

interface WorkflowDeps {
  db: Db;
  clock: Clock;
  find(ctx: ActorContext, id: string): Promise<ReportRow>;
  compute(r: ReportRow): Promise<NonNullable<ReportRow['figures']>>;
  view(ctx: ActorContext, r: ReportRow): Promise<ReportView>;
}

type Figures = NonNullable<ReportRow['figures']>;
const stale = () => new AppError('VERSION_CONFLICT', '报告已被他人修改，请刷新后重试');

/**
 * The report's workflow (R-REP-3): draft → submitted → accepted, or returned with comments → resubmitted; an accepted
 * report is locked with its figures frozen; a correction reopens it with a reason and keeps the accepted version.
 * Each step re-reads the row under a lock, checks the version the caller saw, and is audited in the same transaction.
 */
export function createReportWorkflow(d: WorkflowDeps) {
  const { db, clock } = d;

  function refusal(
    r: Pick<ReportRow, 'kind' | 'status'>,
    what: string,
    by?: { actor: ActorContext['actor']; may: keyof ReportAbilities },
  ): AppError {
    // Not this level's report to write or to receive, whatever its state: a permission refusal, not a state one.
    if (by && !concerns(by.actor, r, by.may)) return new AppError('FORBIDDEN', `您无权对此报告${what}`);
    if (r.status === 'accepted')
      return new AppError('REPORT_LOCKED', `报告已接收并锁定，不能${what}；如需更正，请先申请重新打开并说明原因`);
    return new AppError(
      'INVALID_TRANSITION',
      `${REPORT_KIND_LABELS[r.kind]}当前为“${REPORT_STATUS_LABELS[r.status]}”，您不能${what}`,
    );
  }

  /** One step: the row in scope, locked, at the version the caller saw, allowed by its abilities now. */
  async function step(
    ctx: ActorContext,
    id: string,
    version: number,
    what: string,
    may: keyof ReportAbilities,
    change: (tx: DbOrTx, r: ReportRow, figures: Figures | null) => Promise<Partial<ReportInsert>>,
    summary: (r: ReportRow) => string,
    freeze: (r: ReportRow) => boolean = () => false,
  ): Promise<ReportView> {
    const seen = await d.find(ctx, id);
    // Computed before the transaction: the figures read many tables, and the embedded database has one connection.
    const figures = freeze(seen) ? (seen.figures ?? (await d.compute(seen))) : null;
    const after = await db.transaction(async (tx) => {
      const r = await repo.lock(tx, id);
      if (!r) throw stale();
      if (r.version !== version) throw stale();
      if (!reportAbilities(ctx.actor, r)[may]) throw refusal(r, what, { actor: ctx.actor, may });
      const set = await change(tx, r, figures);
      const row = await repo.update(tx, id, version, { ...set, updatedAt: clock.now(), updatedBy: ctx.actor.userId });
      if (!row) throw stale();
      await writeAudit(tx, ctx, {
        action: 'update',
        entityType: 'report',
        entityId: id,
        divisionPath: r.divisionPath,
        summary: summary(r),
        before: { status: r.status, narrative: what === '修改' ? r.narrative : undefined },
        after: { status: row.status, narrative: what === '修改' ? row.narrative : undefined },
      });
      return row;
    });
    return d.view(ctx, after);
  }

  const label = (r: ReportRow) => `${REPORT_KIND_LABELS[r.kind]}（${r.periodKey}）`;

  return {
    refusal,
    /** The narrative sections people write (the figures are never typed, R-REP-3). */
    update: (ctx: ActorContext, id: string, body: { version: number; narrative: ReportNarrative }) =>
      step(
        ctx,
        id,
        body.version,
        '修改',
        'edit',
        async (_tx, r) => ({ narrative: { ...(r.narrative as ReportNarrative), ...body.narrative } }),
        (r) => `修改${label(r)}`,
      ),

    submit: (ctx: ActorContext, id: string, body: { version: number }) =>
      step(
        ctx,
        id,
        body.version,
        '提交',
        'submit',
        async (_tx, r, figures) => {
          const now = clock.now();
          return {
            status: 'submitted',
            submittedAt: now,
            submittedBy: ctx.actor.userId,
            // Lateness is judged on the first submission (R-REP-3).
            firstSubmittedAt: r.firstSubmittedAt ?? now,
            firstSubmittedOn: r.firstSubmittedOn ?? clock.today(),
            returnComment: null,
            // The city's report goes to the province, outside the platform: sending it freezes its figures.
            figures: r.kind === 'city_half_year' ? figures : null,
          };
        },
        (r) => `提交${label(r)}`,
        (r) => r.kind === 'city_half_year',
      ),

    accept: (ctx: ActorContext, id: string, body: { version: number }) =>
      step(
        ctx,
        id,
        body.version,
        '接收',
        'accept',
        async (_tx, _r, figures) => ({
          status: 'accepted',
          // Frozen as they are on acceptance: later corrections of the records do not change an accepted report.
          figures,
          acceptedOn: clock.today(),
          decidedAt: clock.now(),
          decidedBy: ctx.actor.userId,
        }),
        (r) => `接收${label(r)}`,
        () => true,
      ),

    return: (ctx: ActorContext, id: string, body: { version: number; comment: string }) =>
      step(
        ctx,
        id,
        body.version,
        '退回',
        'return',
        async () => ({
          status: 'returned',
          returnComment: body.comment,
          decidedAt: clock.now(),
          decidedBy: ctx.actor.userId,
        }),
        (r) => `退回${label(r)}：${body.comment}`,
      ),

    reopen: (ctx: ActorContext, id: string, body: { version: number; reason: string }) =>
      step(
        ctx,
        id,
        body.version,
        '重新打开',
        'reopen',
        async (tx, r, figures) => {
          // Both versions stay: the accepted one is kept as it was.
          await repo.insertRevision(tx, {
            reportId: r.id,
            revision: r.revision,
            narrative: r.narrative as ReportNarrative,
            figures: r.figures ?? figures!,
            acceptedOn: r.acceptedOn,
            reopenedAt: clock.now(),
            reopenedBy: ctx.actor.userId,
            reopenReason: body.reason,
          });
          return { status: 'draft', figures: null, acceptedOn: null, returnComment: null, revision: r.revision + 1 };
        },
        (r) => `重新打开${label(r)}更正：${body.reason}`,
        () => true,
      ),
  };
}
