import { EXAMPLE_INDICATOR_SET, type IndicatorSetInput } from '@shegong/shared';
import { contractFixture } from './contract-fixture';
import { DIV, type Session, type TestApp } from './test-app';

/** An indicator set the city has adopted (in use): the example, renamed, with any changes given (R-EVAL-2). */
export async function adoptedSet(t: TestApp, changes: Partial<IndicatorSetInput> = {}): Promise<string> {
  const city = (await t.as('city_admin', DIV.city)).session;
  const made = await t.call(city, 'POST', '/api/v1/indicator-sets', {
    ...EXAMPLE_INDICATOR_SET,
    name: '濮阳市社工站绩效评估指标体系',
    ...changes,
  });
  if (made.statusCode !== 201) throw new Error(`set not created: ${made.body}`);
  const adopted = await t.call(city, 'PATCH', `/api/v1/indicator-sets/${made.json().id}`, {
    adopt: true,
    version: made.json().version,
  });
  if (adopted.statusCode !== 200) throw new Error(`set not adopted: ${adopted.body}`);
  return made.json().id;
}

/**
 * The contract fixture (濮阳县, 柳屯镇's contract from 2026-01-01, its org admin) with an adopted set, the contract's
 * id, and the county officer's and city officer's sessions: what a round needs.
 */
export async function evaluationFixture(t: TestApp, seed: number) {
  const f = await contractFixture(t, seed);
  const setId = await adoptedSet(t);
  const list = await t.call(f.county, 'GET', '/api/v1/contracts?pageSize=200');
  const contractId: string = list.json().items.find((c: { title: string }) => c.title === '柳屯镇社工站合同').id;
  const city = (await t.as('city_officer', DIV.city)).session;
  return { ...f, setId, contractId, city };
}

/** Opens a round of a kind for year `yearNo` of the contract and answers its id. */
export async function openRound(
  t: TestApp,
  s: Session,
  body: { kind: 'midterm' | 'final' | 'self_assessment'; setId: string; contractId: string; yearNo?: number },
): Promise<string> {
  const res = await t.call(s, 'POST', '/api/v1/evaluation-rounds', {
    kind: body.kind,
    setId: body.setId,
    subjects: [{ contractId: body.contractId, yearNo: body.yearNo ?? 1 }],
  });
  if (res.statusCode !== 201) throw new Error(`round not opened: ${res.body}`);
  return res.json().items[0].id;
}
