import type { TwoWorlds } from './two-worlds';
import type { TestApp } from './test-app';

/** The record ids of the supervision fixture, added to each world's ids (two-worlds.ts's IdKey includes them). */
export const SUPERVISION_ID_KEYS = ['supervisionSession', 'supervisionReview'] as const;
export type SupervisionIdKey = (typeof SUPERVISION_ID_KEYS)[number];

/**
 * 督导 (R-EVAL-4) in both worlds, after the worlds and their cases are built: the contractor records a session attended
 * by the world's worker and a review comment on the world's case (so the worker reaches both). Topics and comment are
 * found nowhere else, so a leak of either can be searched for.
 */
export async function openWorldSupervision(t: TestApp, worlds: TwoWorlds) {
  for (const w of [worlds.A, worlds.B]) {
    const town = w.key === 'A' ? '柳屯镇' : '城关镇';
    const topics = `${town}督导主题`;
    const session = await t.call(w.sessions.org_admin, 'POST', '/api/v1/supervision-sessions', {
      stationId: w.ids.station,
      supervisorName: `${town}督导`,
      supervisorKind: 'external',
      heldOn: '2026-06-01',
      hours: 2,
      topics,
      workerIds: [w.ids.worker],
    });
    if (session.statusCode !== 201)
      throw new Error(`world supervision: session answered ${session.statusCode} ${session.body}`);
    w.ids.supervisionSession = session.json().id;
    const comment = `${town}督导意见`;
    const review = await t.call(w.sessions.org_admin, 'POST', '/api/v1/supervision-reviews', {
      targetKind: 'case',
      targetId: w.ids.case,
      reviewerName: `${town}督导`,
      comment,
      sessionId: w.ids.supervisionSession,
    });
    if (review.statusCode !== 201)
      throw new Error(`world supervision: review answered ${review.statusCode} ${review.body}`);
    w.ids.supervisionReview = review.json().id;
    w.marks.push(topics, comment);
  }
}
