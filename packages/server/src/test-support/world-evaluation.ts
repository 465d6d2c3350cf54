import { EXAMPLE_INDICATOR_SET } from '@shegong/shared';
import { PDF, upload, type TwoWorlds } from './two-worlds';
import type { TestApp } from './test-app';

/** The record ids of the evaluation fixture, added to each world's ids (two-worlds.ts's IdKey includes them). */
export const EVALUATION_ID_KEYS = ['indicatorSet', 'round', 'roundFile', 'rectification', 'rectificationFile'] as const;
export type EvaluationIdKey = (typeof EVALUATION_ID_KEYS)[number];

/**
 * 督导评估 (R-EVAL-1, R-EVAL-4) in both worlds, after they are built: the city adopts one indicator set (the city's,
 * the same in both worlds); each county opens the 中期评估 of its contract's first year and notes a finding, makes it a
 * rectification item, and the contractor attaches evidence. The finding, the item and the file name are found
 * nowhere else, so a leak of any can be searched for.
 */
export async function openWorldEvaluation(t: TestApp, worlds: TwoWorlds) {
  const city = worlds.city.city_admin;
  const set = await t.call(city, 'POST', '/api/v1/indicator-sets', {
    ...EXAMPLE_INDICATOR_SET,
    name: '市级评估指标体系',
  });
  if (set.statusCode !== 201) throw new Error(`world evaluation: set answered ${set.statusCode} ${set.body}`);
  const adopted = await t.call(city, 'PATCH', `/api/v1/indicator-sets/${set.json().id}`, {
    adopt: true,
    version: set.json().version,
  });
  if (adopted.statusCode !== 200) throw new Error(`world evaluation: adopt answered ${adopted.statusCode}`);
  for (const w of [worlds.A, worlds.B]) {
    const county = w.sessions.county_officer;
    const town = w.key === 'A' ? '柳屯镇' : '城关镇';
    w.ids.indicatorSet = set.json().id;
    const opened = await t.call(county, 'POST', '/api/v1/evaluation-rounds', {
      kind: 'midterm',
      setId: w.ids.indicatorSet,
      subjects: [{ contractId: w.ids.contract, yearNo: 1 }],
    });
    if (opened.statusCode !== 201)
      throw new Error(`world evaluation: round answered ${opened.statusCode} ${opened.body}`);
    w.ids.round = opened.json().items[0].id;
    // The world's third-party evaluator is assigned to it (and so reaches the world's station while it is scored).
    const evaluator = (await t.call(w.sessions.evaluator, 'GET', '/api/v1/auth/me')).json().user.id;
    const assigned = await t.call(county, 'PUT', `/api/v1/evaluation-rounds/${w.ids.round}/evaluators`, {
      version: 1,
      userIds: [evaluator],
    });
    if (assigned.statusCode !== 200)
      throw new Error(`world evaluation: assign answered ${assigned.statusCode} ${assigned.body}`);
    const findings = `${town}中期评估发现台账不全`;
    const noted = await t.call(county, 'PUT', `/api/v1/evaluation-rounds/${w.ids.round}/scores`, {
      version: 2,
      scores: [],
      findings,
    });
    if (noted.statusCode !== 200) throw new Error(`world evaluation: findings answered ${noted.statusCode}`);
    const evidenceName = `${town}评估现场照片.pdf`;
    const evidence = await upload(
      t,
      county,
      `/api/v1/evaluation-rounds/${w.ids.round}/files`,
      { name: evidenceName, type: 'application/pdf', bytes: PDF },
      { label: '1.1.1 驻站社工配备' },
    );
    if (evidence.statusCode !== 201) throw new Error(`world evaluation: evidence answered ${evidence.statusCode}`);
    w.ids.roundFile = evidence.json().fileId;
    w.marks.push(evidenceName);
    const finding = `${town}服务档案缺少签名`;
    const item = await t.call(county, 'POST', '/api/v1/rectifications', {
      roundId: w.ids.round,
      finding,
      requirement: '补齐签名',
      deadline: '2026-07-15',
    });
    if (item.statusCode !== 201) throw new Error(`world evaluation: item answered ${item.statusCode} ${item.body}`);
    w.ids.rectification = item.json().id;
    const name = `${town}整改佐证.pdf`;
    const file = await upload(t, w.sessions.org_admin, `/api/v1/rectifications/${w.ids.rectification}/files`, {
      name,
      type: 'application/pdf',
      bytes: PDF,
    });
    if (file.statusCode !== 201) throw new Error(`world evaluation: file answered ${file.statusCode} ${file.body}`);
    w.ids.rectificationFile = file.json().fileId;
    w.marks.push(findings, finding, name);
  }
}
