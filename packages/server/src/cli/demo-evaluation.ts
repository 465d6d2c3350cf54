import { EXAMPLE_INDICATOR_SET, addDays } from '@shegong/shared';
import type { DemoApi, DemoSession } from './demo-api';
import type { DemoContract } from './demo-contracts';
import type { Rng } from './demo-names';

interface RoundItem {
  key: string;
  points: number;
  suggested: number | null;
}

/**
 * 督导评估 in the demo (R-EVAL-1, R-EVAL-2), through the real routes: the city adapts the example indicator set into
 * its own and adopts it; each county holds the 中期评估 of every agreement year whose first half is over, scoring each
 * item from the platform's figure or, where nothing is measured, from a believable spread; the 末期评估 is left for the
 * user to hold. A finding becomes a rectification item here and there.
 */
export async function evaluateDemo(
  api: DemoApi,
  s: { admin: DemoSession; officerOf: (code: string) => DemoSession },
  contracts: DemoContract[],
  today: string,
  rng: Rng,
) {
  const set = await api.call<{ id: string; version: number }>(s.admin, 'POST', '/api/v1/indicator-sets', {
    ...EXAMPLE_INDICATOR_SET,
    name: '濮阳市乡镇（街道）社工站项目绩效评估指标体系',
    note: '依据《实施方案》六（六）制定，由县级民政部门中期、末期评估和市级抽查评估使用。',
  });
  await api.call(s.admin, 'PATCH', `/api/v1/indicator-sets/${set.id}`, { adopt: true, version: set.version });
  let rounds = 0;
  for (const c of contracts) {
    const county = s.officerOf(c.unit.code);
    const detail = await api.call<{ agreements: { yearNo: number; periodStart: string; periodEnd: string }[] }>(
      county,
      'GET',
      `/api/v1/contracts/${c.id}`,
    );
    const year = detail.agreements.find((a) => a.periodStart <= today && a.periodEnd >= today);
    if (!year || addMonths(year.periodStart, 6) > today) continue;
    const opened = await api.call<{ items: { id: string }[] }>(county, 'POST', '/api/v1/evaluation-rounds', {
      kind: 'midterm',
      setId: set.id,
      subjects: [{ contractId: c.id, yearNo: year.yearNo }],
      evaluators: `${c.unit.name}民政局评估组`,
    });
    const id = opened.items[0]!.id;
    const round = await api.call<{ items: RoundItem[]; version: number }>(
      county,
      'GET',
      `/api/v1/evaluation-rounds/${id}`,
    );
    const scores = round.items.map((it) => {
      if (it.suggested !== null) return { key: it.key, score: it.suggested, reason: '', note: '平台数据' };
      // Unmeasured items: 75–100 % of the points, in half points.
      const score = Math.round(it.points * (0.75 + rng() * 0.25) * 2) / 2;
      return { key: it.key, score, reason: '', note: '查阅台账、实地查看' };
    });
    const finding = rng() < 0.4 ? '部分服务档案缺少服务对象签名，个案评估记录不够完整。' : '';
    const saved = await api.call<{ version: number }>(county, 'PUT', `/api/v1/evaluation-rounds/${id}/scores`, {
      version: round.version,
      scores,
      visitOn: [addDays(addMonths(year.periodStart, 6), 5), today].sort()[0],
      visitNotes: '查看站点服务台账和活动记录，访谈驻站社工和服务对象。',
      findings: finding,
    });
    if (finding)
      await api.call(county, 'POST', '/api/v1/rectifications', {
        roundId: id,
        finding: '服务档案缺少服务对象签名',
        requirement: '补齐签名，建立档案自查制度',
        deadline: addDays(today, 10 + Math.floor(rng() * 30)),
      });
    await api.call(county, 'POST', `/api/v1/evaluation-rounds/${id}/sign-off`, { version: saved.version });
    rounds++;
  }
  return { rounds };
}

function addMonths(d: string, n: number) {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1 + n, day)).toISOString().slice(0, 10);
}
