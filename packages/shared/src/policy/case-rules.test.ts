import { describe, expect, it } from 'vitest';
import { canTake, lockedFields, readinessErrors, type CaseContent } from './case-rules';

const base: CaseContent = {
  status: 'assessment',
  openedOn: '2026-11-01',
  needs: [{ domainCode: 2, note: '独居，缺少照料' }],
  riskLevel: 'medium',
  goals: [{ id: 'g1', title: '建立日常照料安排', scoreBefore: 3, scoreAfter: null }],
  tasks: [{ goalId: 'g1', title: '联系邻里互助', dueOn: '2026-12-15' }],
  closureReason: null,
  followUpOn: null,
};
const writer = { writer: true, approver: false };
const lead = { writer: false, approver: true };

describe('case rules (R-SVC-3)', () => {
  it('R-SVC-3: the worker submits a plan, only the project lead approves or returns it', () => {
    expect(canTake('submit-plan', 'assessment', writer)).toBe(true);
    expect(canTake('submit-plan', 'assessment', lead)).toBe(false);
    expect(canTake('approve-plan', 'plan_submitted', writer)).toBe(false);
    expect(canTake('approve-plan', 'plan_submitted', lead)).toBe(true);
    expect(canTake('return-plan', 'plan_submitted', lead)).toBe(true);
    expect(canTake('approve-plan', 'intervention', lead)).toBe(false);
  });

  it('R-SVC-3: a closure is submitted by the worker and approved by the lead; a closed case takes no step', () => {
    expect(canTake('submit-closure', 'intervention', writer)).toBe(true);
    expect(canTake('approve-closure', 'closure_submitted', lead)).toBe(true);
    expect(canTake('approve-closure', 'closure_submitted', writer)).toBe(false);
    for (const a of ['submit-plan', 'submit-closure', 'approve-closure', 'return-closure'] as const)
      expect(canTake(a, 'closed', { writer: true, approver: true })).toBe(false);
  });

  it('R-SVC-3: a plan needs an assessment, a goal rated before and a task', () => {
    expect(readinessErrors('submit-plan', base, '2026-11-29')).toEqual({});
    const empty = { ...base, needs: [], riskLevel: null, goals: [], tasks: [] };
    expect(Object.keys(readinessErrors('submit-plan', empty, '2026-11-29')).sort()).toEqual([
      'goals',
      'needs',
      'riskLevel',
      'tasks',
    ]);
    const unrated = { ...base, goals: [{ ...base.goals[0], scoreBefore: null }] };
    expect(readinessErrors('submit-plan', unrated, '2026-11-29').goals).toBe('请为每个目标填写介入前评分');
  });

  it('R-SVC-3: a closure needs a reason, a follow-up date not in the past and goals rated after', () => {
    const c = { ...base, status: 'intervention' as const };
    expect(Object.keys(readinessErrors('submit-closure', c, '2026-11-29')).sort()).toEqual([
      'closureReason',
      'followUpOn',
      'goals',
    ]);
    const ready = { ...c, closureReason: 'goals_met' as const, followUpOn: '2027-01-10' };
    expect(
      readinessErrors('submit-closure', { ...ready, goals: [{ ...c.goals[0], scoreAfter: 8 }] }, '2026-11-29'),
    ).toEqual({});
    // A person who moved away cannot rate the goals again.
    expect(readinessErrors('submit-closure', { ...ready, closureReason: 'moved' }, '2026-11-29')).toEqual({});
    expect(readinessErrors('submit-closure', { ...ready, followUpOn: '2026-11-01' }, '2026-11-29').followUpOn).toBe(
      '回访日期不能早于今天',
    );
  });

  it('R-SVC-3: a submitted plan is locked; in 介入 only scores, tasks and the closure change', () => {
    expect(lockedFields('plan_submitted', ['needs'])).toEqual(['needs']);
    expect(lockedFields('intervention', ['goals', 'tasks', 'closure'])).toEqual([]);
    expect(lockedFields('intervention', ['needs', 'riskLevel'])).toEqual(['needs', 'riskLevel']);
    expect(lockedFields('assessment', ['needs', 'goals'])).toEqual([]);
    expect(lockedFields('closed', ['closure'])).toEqual(['closure']);
  });
});
