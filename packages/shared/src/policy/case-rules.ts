import type { CaseStatus, ClosureReason } from '../services/service-enums';

// Case work (个案, R-SVC-3, MZ/T 094) as pure rules: which step each actor may take from each stage, what a stage
// must hold before it moves on, and what may be changed in each stage. The server enforces them; the page reads the
// same answers (as the case's `abilities`) to show only the buttons that work.

export const CASE_ACTIONS = [
  'submit-plan',
  'approve-plan',
  'return-plan',
  'submit-closure',
  'approve-closure',
  'return-closure',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];
export const CASE_ACTION_LABELS: Record<CaseAction, string> = {
  'submit-plan': '提交服务计划',
  'approve-plan': '批准服务计划',
  'return-plan': '退回服务计划',
  'submit-closure': '申请结案',
  'approve-closure': '批准结案',
  'return-closure': '退回结案申请',
};

/** Who acts on a case: its worker (or a colleague allowed to write it) and the project lead who approves. */
export type CaseRole = 'writer' | 'approver';

/** Each action: the stages it starts from, the stage it leads to, and who takes it. */
export const CASE_TRANSITIONS: Record<CaseAction, { from: readonly CaseStatus[]; to: CaseStatus; by: CaseRole }> = {
  'submit-plan': { from: ['intake', 'assessment'], to: 'plan_submitted', by: 'writer' },
  'approve-plan': { from: ['plan_submitted'], to: 'intervention', by: 'approver' },
  'return-plan': { from: ['plan_submitted'], to: 'assessment', by: 'approver' },
  // A case may end before a plan (the person moved, died, no longer eligible): the lead still approves the closure.
  'submit-closure': { from: ['intake', 'assessment', 'intervention'], to: 'closure_submitted', by: 'writer' },
  'approve-closure': { from: ['closure_submitted'], to: 'closed', by: 'approver' },
  'return-closure': { from: ['closure_submitted'], to: 'intervention', by: 'approver' },
};

/** The actions that need a reason (a return says why, so the worker knows what to change). */
export const REASON_ACTIONS: readonly CaseAction[] = ['return-plan', 'return-closure'];

/** Whether an actor with these roles may take the action from this stage (R-SVC-3). */
export function canTake(action: CaseAction, status: CaseStatus, roles: { writer: boolean; approver: boolean }) {
  const t = CASE_TRANSITIONS[action];
  return t.from.includes(status) && roles[t.by];
}

/** The content the stage rules look at. */
export interface CaseContent {
  status: CaseStatus;
  openedOn: string;
  needs: { domainCode: number; note: string }[];
  riskLevel: 'high' | 'medium' | 'low' | null;
  goals: { id: string; title: string; scoreBefore: number | null; scoreAfter: number | null }[];
  tasks: { goalId: string | null; title: string; dueOn: string }[];
  closureReason: ClosureReason | null;
  followUpOn: string | null;
}

/** Reasons after which the person cannot be asked to rate the goals again. */
export const UNRATED_CLOSURES: readonly ClosureReason[] = ['lost_contact', 'moved', 'died'];

/**
 * What a stage must hold before the case moves on, as field errors (empty = ready). A plan needs the assessment
 * (needs, risk) and at least one goal with a task; a goal is rated before the plan is submitted and after before the
 * closure (the evaluation, kept apart from the person's satisfaction).
 */
export function readinessErrors(action: CaseAction, c: CaseContent, today: string): Record<string, string> {
  const e: Record<string, string> = {};
  if (action === 'submit-plan') {
    if (c.needs.length === 0) e.needs = '提交计划前请在预估中至少填写一项需求';
    if (!c.riskLevel) e.riskLevel = '提交计划前请评定风险等级';
    if (c.goals.length === 0) e.goals = '服务计划至少要有一个目标';
    else if (c.goals.some((g) => g.scoreBefore === null)) e.goals = '请为每个目标填写介入前评分';
    if (c.tasks.length === 0) e.tasks = '服务计划至少要有一项任务（含完成期限）';
  }
  if (action === 'submit-closure') {
    if (!c.closureReason) e.closureReason = '请选择结案原因';
    if (!c.followUpOn) e.followUpOn = '请填写结案后的回访日期';
    else if (c.followUpOn < today) e.followUpOn = '回访日期不能早于今天';
    const rated = !c.closureReason || !UNRATED_CLOSURES.includes(c.closureReason);
    if (rated && c.status === 'intervention' && c.goals.some((g) => g.scoreAfter === null))
      e.goals = '结案前请为每个目标填写介入后评分';
  }
  return e;
}

/** What a PATCH may change in each stage: the plan until it is submitted; progress and closure while in 介入. */
export const EDITABLE: Record<CaseStatus, readonly string[]> = {
  intake: ['source', 'intakeNote', 'needs', 'riskLevel', 'strengths', 'goals', 'tasks', 'closure'],
  assessment: ['source', 'intakeNote', 'needs', 'riskLevel', 'strengths', 'goals', 'tasks', 'closure'],
  plan_submitted: [],
  // In 介入 the approved goals stay (their scores move), tasks may be added and done, the closure is prepared.
  intervention: ['scores', 'tasks', 'closure'],
  closure_submitted: [],
  closed: [],
};

/** The fields of a change that the stage does not allow (empty = allowed). */
export function lockedFields(status: CaseStatus, sent: string[]): string[] {
  const allowed = EDITABLE[status];
  return sent.filter((f) => !allowed.includes(f) && !(f === 'goals' && allowed.includes('scores')));
}

/** The stepper's steps (MZ/T 094): 接案, 预估, 计划, 介入, 结案. */
export const CASE_STEPS = ['接案', '预估', '服务计划', '介入', '结案'] as const;
export const stepOf = (s: CaseStatus): number =>
  ({ intake: 0, assessment: 1, plan_submitted: 2, intervention: 3, closure_submitted: 4, closed: 4 })[s];
