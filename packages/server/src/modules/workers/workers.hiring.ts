import {
  checkCitizenId,
  hiringBreaches,
  maskCitizenId,
  type CreateWorkerInput,
  type EducationLevel,
  type Finding,
  type UpdateWorkerInput,
} from '@shegong/shared';
import type { DbOrTx } from '../../db/database';
import { can } from '../../platform/auth/actor';
import { diff, writeAudit } from '../../platform/audit/audit';
import { AppError, fieldError, notFound } from '../../platform/http/errors';
import { workersRepository as repo, type WorkerRow } from './workers.repository';
import type { WorkerDeps, WorkerReads } from './workers.reads';
import type { ActorContext } from '../../platform/http/context';

/** Facts whose change sends a filed worker back through filing (R-STAFF-6). */
const FILED_FACTS = [
  'name',
  'idNumber',
  'education',
  'socialWorkMajor',
  'certificateLevel',
  'role',
  'hireDate',
] as const;
const ID_FORMAT = /^\d{17}[\dX]$/;
const EXCEPTION_HINT = '。如确需聘用，须由县（区）民政局登记例外及理由';

/** One reason a person cannot be put on a roster as entered: the field, the rule and the Chinese message. */
export interface HireProblem {
  field: 'idNumber' | 'hireDate' | 'education';
  rule: string;
  message: string;
  findings?: Finding[];
}

/**
 * GB 11643, R-STAFF-1 (one roster city-wide) and R-STAFF-2 (age and degree at hiring, unless a county recorded an
 * exception) for one person, in one place: the single create, the update and every row of the roster import ask it.
 * The hiring rules are checked whenever their facts are readable, so one pass reports every problem.
 */
export function hiringProblems(
  p: { idNumber: string; education?: EducationLevel; hireDate?: string },
  k: { today: string; organisationId: string; heldBy: string | undefined; excepted: boolean },
): HireProblem[] {
  const out: HireProblem[] = [];
  const id = checkCitizenId(p.idNumber, k.today);
  // A malformed number is the schema's to report; a well-formed one with a wrong check digit or date is ours.
  if (!id.ok && ID_FORMAT.test(p.idNumber)) out.push({ field: 'idNumber', rule: 'GB 11643', message: id.message });
  if (k.heldBy)
    out.push({
      field: 'idNumber',
      rule: 'R-STAFF-1',
      message:
        k.heldBy === k.organisationId
          ? '本机构已登记该身份证号'
          : '该身份证号已在其他承接机构的名册中：一人同一时间只能在一家承接机构的名册中（《实施方案》四（五））',
    });
  if (!id.ok || !p.hireDate || !p.education) return out;
  if (p.hireDate < id.birthDate) {
    out.push({ field: 'hireDate', rule: '日期', message: `不能早于出生日期 ${id.birthDate}` });
    return out;
  }
  const breaches = k.excepted
    ? []
    : hiringBreaches({ birthDate: id.birthDate, hireDate: p.hireDate, education: p.education });
  // Each breach on its own field (a low degree on 学历, the age at hiring on 聘用日期), so an import row points at
  // the cell to correct.
  for (const b of breaches)
    out.push({
      field: b.code === 'R-STAFF-2.low-degree' ? 'education' : 'hireDate',
      rule: 'R-STAFF-2',
      message: `${b.message}${EXCEPTION_HINT}`,
      findings: [b],
    });
  return out;
}

/** The single create's and update's answer to a problem: the first one, as the field error or hiring refusal. */
function refuse(problems: HireProblem[]) {
  const p = problems[0];
  if (!p) return;
  if (p.rule === 'R-STAFF-2') {
    const breaches = problems.filter((q) => q.rule === 'R-STAFF-2');
    throw new AppError(
      'HIRING_REFUSED',
      `不符合聘用条件（R-STAFF-2）：${breaches
        .flatMap((q) => q.findings ?? [])
        .map((f) => f.message)
        .join('；')}${EXCEPTION_HINT}`,
      {
        findings: breaches.flatMap((q) => q.findings ?? []),
        fieldErrors: Object.fromEntries(breaches.map((q) => [q.field, q.message])),
      },
    );
  }
  throw fieldError(p.field, p.message);
}

/** A person who passed `hiringProblems`, ready to be written. */
export interface Hire {
  input: CreateWorkerInput;
  organisationId: string;
  divisionPath: string;
  /** The recorded R-STAFF-2 exception, as the worker's record shows it. */
  exception: string | null;
}

/** How a worker's record shows the recorded R-STAFF-2 exception: the reason and who recorded it. */
export const exceptionNote = (ex: { reason: string; createdByName: string }) =>
  `${ex.reason}（${ex.createdByName} 登记）`;

/** The organisation hiring and where its new workers are recorded: the single create and the roster import ask it. */
export interface Employer {
  organisationId: string;
  divisionPath: string;
}

/** Hiring (R-STAFF-1, R-STAFF-2) and changing a worker's facts (R-STAFF-6 re-filing). */
export function createHiring(d: WorkerDeps & { reads: WorkerReads }) {
  const { db, clock, reads } = d;

  /**
   * The caller's organisation as an employer, in one place for the single create and the roster import: only
   * contractor staff with `workers:write` hire (`refusal` says what was refused), the organisation must exist, and a
   * new worker is recorded at the organisation's division path.
   */
  async function employer(ctx: ActorContext, refusal: string): Promise<Employer> {
    if (ctx.actor.scope.kind !== 'organisation' || !can(ctx.actor, 'workers:write'))
      throw new AppError('FORBIDDEN', refusal);
    const org = await d.organisations.get(ctx.actor.scope.organisationId);
    if (!org) throw notFound('承接机构');
    return { organisationId: org.id, divisionPath: org.divisionPath };
  }

  /**
   * Writes hired people (each already passed `hiringProblems`) and one audit line, inside the caller's transaction:
   * the single create writes one, the roster import all its rows, 500 a statement so the connection is held briefly.
   */
  async function hire(tx: DbOrTx, ctx: ActorContext, hires: Hire[], label = '导入社工名册') {
    const now = clock.now();
    const values = hires.map((h) => {
      const id = checkCitizenId(h.input.idNumber, clock.today());
      if (!id.ok) throw fieldError('idNumber', id.message);
      return {
        ...h.input,
        organisationId: h.organisationId,
        divisionPath: h.divisionPath,
        birthDate: id.birthDate,
        gender: id.gender,
        hiringExceptionReason: h.exception,
        createdAt: now,
        updatedAt: now,
        createdBy: ctx.actor.userId,
        updatedBy: ctx.actor.userId,
      };
    });
    const created = [];
    for (let i = 0; i < values.length; i += 500) created.push(...(await repo.insert(tx, values.slice(i, i + 500))));
    const [one] = created;
    if (!one) return created;
    await writeAudit(tx, ctx, {
      action: 'create',
      entityType: 'worker',
      ...(created.length === 1
        ? { entityId: one.id, summary: `登记社工 ${one.name}（${maskCitizenId(one.idNumber)}）`, after: hires[0].input }
        : {
            summary: `${label} ${created.length} 人`,
            after: { workers: created.map((w) => `${w.name} ${maskCitizenId(w.idNumber)}`) },
          }),
      divisionPath: one.divisionPath,
    });
    return created;
  }

  return {
    hire,
    employer,
    async create(ctx: ActorContext, input: CreateWorkerInput) {
      const org = await employer(ctx, '只有承接机构可以登记本机构的社工');
      const [holder, ex] = await Promise.all([
        repo.holderOf(db, input.idNumber),
        repo.hiringException(db, org.organisationId, input.idNumber),
      ]);
      const k = { today: clock.today(), organisationId: org.organisationId, heldBy: holder?.organisationId };
      refuse(hiringProblems(input, { ...k, excepted: !!ex }));
      const exception = ex ? exceptionNote(ex) : null;
      const [created] = await db.transaction((tx) => hire(tx, ctx, [{ input, ...org, exception }]));
      return (await reads.views([{ ...created, currentPath: created.divisionPath }], ctx.actor))[0];
    },

    async update(ctx: ActorContext, workerId: string, input: UpdateWorkerInput) {
      const w = await reads.loadOwn(ctx, workerId);
      if (w.version !== input.version) throw new AppError('VERSION_CONFLICT', '该社工信息已被他人修改，请刷新后再保存');
      const { version, ...fields } = input;
      const changed = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
      const next = { ...w, ...changed } as WorkerRow;
      const holder = next.idNumber !== w.idNumber ? await repo.holderOf(db, next.idNumber, w.id) : undefined;
      const id = checkCitizenId(next.idNumber, clock.today());
      if (!id.ok) throw fieldError('idNumber', id.message);
      const facts = { idNumber: next.idNumber, hireDate: next.hireDate, education: next.education as EducationLevel };
      const k = { today: clock.today(), organisationId: w.organisationId, heldBy: holder?.organisationId };
      refuse(hiringProblems(facts, { ...k, excepted: !!w.hiringExceptionReason }));
      const refile =
        w.filingStatus !== 'draft' && FILED_FACTS.some((f) => fields[f] !== undefined && fields[f] !== w[f]);
      const updated = await db.transaction(async (tx) => {
        const n = await repo.update(tx, workerId, version, {
          ...fields,
          birthDate: id.birthDate,
          gender: id.gender,
          ...(refile ? { filingStatus: 'draft' as const, filingComment: '关键信息已变更，须重新备案' } : {}),
          updatedAt: clock.now(),
          updatedBy: ctx.actor.userId,
        });
        if (!n) throw new AppError('VERSION_CONFLICT', '该社工信息已被他人修改，请刷新后再保存');
        // Birth date and gender follow from the ID number: the audit keeps neither (writeAudit masks the ID itself).
        const facts = ({ birthDate: _b, gender: _g, createdAt: _c, updatedAt: _u, currentPath: _p, ...r }: WorkerRow) =>
          r;
        await writeAudit(tx, ctx, {
          action: 'update',
          entityType: 'worker',
          entityId: n.id,
          divisionPath: w.currentPath,
          summary: `修改社工 ${n.name}${refile ? '（须重新备案）' : ''}`,
          ...diff(facts(w), facts({ ...n, currentPath: w.currentPath })),
        });
        return { ...n, currentPath: w.currentPath };
      });
      return (await reads.views([updated], ctx.actor))[0];
    },
  };
}
export type Hiring = ReturnType<typeof createHiring>;
