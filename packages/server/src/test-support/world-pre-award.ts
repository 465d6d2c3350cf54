import { PDF, upload, type TwoWorlds } from './two-worlds';
import type { TestApp } from './test-app';

/** The record ids of the 立项评估 fixture, added to each world's ids (two-worlds.ts's IdKey includes them). */
export const PRE_AWARD_ID_KEYS = ['preAwardEvaluation', 'preAwardFile'] as const;
export type PreAwardIdKey = (typeof PRE_AWARD_ID_KEYS)[number];

/**
 * 立项评估 (R-EVAL-1) in both worlds, after they are built: each county records a third-party agency's evaluation of
 * its procurement's organisation and uploads the agency's report. The agency's name, the summary and the file name
 * are found nowhere else, so a leak of any can be searched for.
 */
export async function openWorldPreAward(t: TestApp, worlds: TwoWorlds) {
  for (const w of [worlds.A, worlds.B]) {
    const county = w.sessions.county_officer;
    const town = w.key === 'A' ? '柳屯镇' : '城关镇';
    const agency = `${town}立项评估事务所`;
    const summary = `${town}立项评估三方面均合格`;
    const aspect = { passed: true, note: '' };
    const created = await t.call(county, 'POST', '/api/v1/pre-award-evaluations', {
      procurementId: w.ids.procurement,
      organisationId: w.ids.organisation,
      agency,
      evaluatedOn: '2026-01-10',
      qualification: aspect,
      management: aspect,
      talent: aspect,
      summary,
    });
    if (created.statusCode !== 201)
      throw new Error(`world pre-award: create answered ${created.statusCode} ${created.body}`);
    w.ids.preAwardEvaluation = created.json().id;
    const name = `${town}立项评估报告.pdf`;
    const file = await upload(t, county, `/api/v1/pre-award-evaluations/${w.ids.preAwardEvaluation}/files`, {
      name,
      type: 'application/pdf',
      bytes: PDF,
    });
    if (file.statusCode !== 201) throw new Error(`world pre-award: file answered ${file.statusCode} ${file.body}`);
    w.ids.preAwardFile = file.json().fileId;
    w.marks.push(agency, summary, name);
  }
}
