import { PDF, upload, type TwoWorlds } from './two-worlds';
import type { TestApp } from './test-app';

/** The record ids of the case fixture, added to each world's ids (two-worlds.ts's IdKey includes them). */
export const CASE_ID_KEYS = ['case', 'caseFile'] as const;
export type CaseIdKey = (typeof CASE_ID_KEYS)[number];

/**
 * 个案 (R-SVC-3) in both worlds, after they are built: the resident worker opens a case for the world's person with a
 * document; the intake note is a case note found nowhere else, so a leak of it can be searched for. A case's version
 * is 1 until its content changes (a document does not change it).
 */
export async function openWorldCases(t: TestApp, worlds: TwoWorlds) {
  for (const w of [worlds.A, worlds.B]) {
    const s = w.sessions.social_worker;
    const town = w.key === 'A' ? '柳屯镇' : '城关镇';
    const intakeNote = `${town}个案求助问题`;
    const opened = await t.call(s, 'POST', '/api/v1/cases', {
      stationId: w.ids.station,
      beneficiaryId: w.ids.beneficiary,
      source: 'visit',
      openedOn: '2026-05-01',
      intakeNote,
    });
    if (opened.statusCode !== 201) throw new Error(`world cases: case answered ${opened.statusCode} ${opened.body}`);
    w.ids.case = opened.json().id;
    const name = `${town}个案预估表.pdf`;
    const file = await upload(t, s, `/api/v1/cases/${w.ids.case}/files`, { name, type: 'application/pdf', bytes: PDF });
    if (file.statusCode !== 201) throw new Error(`world cases: document answered ${file.statusCode} ${file.body}`);
    w.ids.caseFile = file.json().fileId;
    w.marks.push(intakeNote, name);
  }
}
