import type { AttachmentView, CaseListItem, CaseView } from '@shegong/shared';
import type { Actor } from '../../platform/auth/actor';
import { abilitiesOf, seesNotes } from './cases.policy';
import type { CaseEventRow, CaseGoalRow, CaseRow, CaseTaskRow } from './cases.repository';

/** Names a page of cases needs, read once for the page. */
export interface CaseNames {
  stations: Map<string, string>;
  workers: Map<string, string>;
  people: Map<string, string>;
}

export const toCaseListItem = (row: CaseRow, names: CaseNames): CaseListItem => ({
  id: row.id,
  stationId: row.stationId,
  stationName: names.stations.get(row.stationId) ?? '',
  beneficiaryId: row.beneficiaryId,
  personName: names.people.get(row.beneficiaryId) ?? '',
  workerId: row.workerId,
  workerName: row.workerId ? (names.workers.get(row.workerId) ?? null) : null,
  status: row.status,
  source: row.source,
  openedOn: row.openedOn,
  closedOn: row.closedOn,
  updatedAt: row.updatedAt.toISOString(),
});

export interface CaseDetail {
  goals: CaseGoalRow[];
  tasks: CaseTaskRow[];
  events: CaseEventRow[];
  userNames: Map<string, string>;
  documents: AttachmentView[];
}

/**
 * A case's page (R-SVC-3, R-SCOPE-2): its notes, plan, closure and the reasons in its timeline only for those who see
 * notes; everyone in scope sees the case, its stage, its dates and who moved it on.
 */
export function toCaseView(row: CaseRow, actor: Actor, names: CaseNames, d: CaseDetail): CaseView {
  const notes = seesNotes(actor, row);
  return {
    ...toCaseListItem(row, names),
    notesVisible: notes,
    intakeNote: notes ? row.intakeNote : null,
    needs: notes ? row.needs : [],
    riskLevel: notes ? row.riskLevel : null,
    strengths: notes ? row.strengths : null,
    goals: notes
      ? d.goals.map((g) => ({ id: g.id, title: g.title, scoreBefore: g.scoreBefore, scoreAfter: g.scoreAfter }))
      : [],
    tasks: notes
      ? d.tasks.map((t) => ({ id: t.id, goalId: t.goalId, title: t.title, dueOn: t.dueOn, doneOn: t.doneOn }))
      : [],
    planApprovedAt: row.planApprovedAt?.toISOString() ?? null,
    closure: {
      reason: notes ? row.closureReason : null,
      note: notes ? row.closureNote : null,
      followUpOn: row.followUpOn,
      satisfaction: notes ? row.satisfaction : null,
    },
    timeline: d.events.map((e) => ({
      id: e.id,
      kind: e.kind,
      note: notes ? e.note : '',
      at: e.at.toISOString(),
      byName: e.createdBy ? (d.userNames.get(e.createdBy) ?? null) : null,
    })),
    documents: notes ? d.documents : [],
    version: row.version,
    abilities: abilitiesOf(actor, row),
  };
}
