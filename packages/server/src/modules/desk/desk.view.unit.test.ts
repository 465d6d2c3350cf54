import type { DeskUnit } from '@shegong/shared';
import { describe, expect, it } from 'vitest';
import { byUrgency, item, listed, perOrganisation, rankings } from './desk.view';

const unit = (countyCode: string, built: number, planned: number, qualified: number, workers: number): DeskUnit => ({
  countyCode,
  countyName: countyCode,
  built,
  planned,
  buildPercent: planned ? Math.round((built / planned) * 1000) / 10 : null,
  workers,
  qualified,
  qualifiedPercent: workers ? Math.round((qualified / workers) * 1000) / 10 : null,
});

describe('工作台 presenter', () => {
  it('links one record to itself and several to the list, shows the clause and drops what has nothing waiting', () => {
    const x = { title: 't', detail: 'd', list: '/workers?filingStatus=submitted', record: '/workers' } as const;
    const one = item(
      'filings_to_approve',
      { count: 1, firstId: 'w1' },
      { ...x, ruleId: 'R-STAFF-6', severity: 'warning' },
    );
    expect(one).toEqual([expect.objectContaining({ count: 1, link: '/workers/w1', clause: '《实施方案》二（二）' })]);
    const two = item(
      'filings_to_approve',
      { count: 2, firstId: 'w1' },
      { ...x, ruleId: 'R-STAFF-6', severity: 'warning' },
    );
    expect(two[0].link).toBe('/workers?filingStatus=submitted');
    expect(item('filings_to_approve', { count: 0 }, { ...x, ruleId: 'R-STAFF-6', severity: 'warning' })).toEqual([]);
  });

  it('puts breaches first, keeping the order within a severity', () => {
    const mk = (title: string, severity: 'error' | 'warning' | 'info') =>
      item('payroll_missing', { count: 1 }, { title, detail: '', list: '/', ruleId: 'R-STAFF-6', severity })[0];
    expect(
      byUrgency([mk('a', 'info'), mk('b', 'warning'), mk('c', 'error'), mk('d', 'warning')]).map((i) => i.title),
    ).toEqual(['c', 'b', 'd', 'a']);
  });

  it('names at most three, then how many in all', () => {
    expect(listed(['甲', '乙'], '个社工站')).toBe('甲、乙');
    expect(listed(['甲', '乙', '丙', '丁', '戊'], '个社工站')).toBe('甲、乙、丙 等 5 个社工站');
    const names = new Map([
      ['o1', '益民'],
      ['o2', '和谐'],
    ]);
    expect(
      perOrganisation(
        new Map([
          ['o2', 1],
          ['o1', 3],
        ]),
        names,
      ),
    ).toBe('益民 3 人、和谐 1 人');
  });

  it('ranks units by rate, then by the figure behind it, then by code; units without a rate last', () => {
    const r = rankings([unit('b', 1, 10, 0, 0), unit('a', 2, 20, 1, 2), unit('c', 0, 0, 2, 2), unit('d', 5, 10, 1, 4)]);
    expect(r.byBuild.map((u) => u.countyCode)).toEqual(['d', 'a', 'b', 'c']);
    expect(r.byQualified.map((u) => u.countyCode)).toEqual(['c', 'a', 'd', 'b']);
  });
});
