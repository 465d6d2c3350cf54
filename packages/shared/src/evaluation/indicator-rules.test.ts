import { describe, expect, it } from 'vitest';
import { EXAMPLE_INDICATOR_SET as EX } from './example-indicator-set';
import {
  annualResult,
  gradeOf,
  indicatorSetProblems,
  keyedItems,
  passes,
  roundTotal,
  suggestedScore,
  totalPoints,
} from './indicator-rules';
import { indicatorSetInputSchema } from './indicator-sets.schemas';
import { drawSample } from './spot-check-sample';

describe('R-EVAL-2 indicator sets', () => {
  it('the shipped example is a valid 100-point set on the plan’s four dimensions, marked as an example', () => {
    expect(indicatorSetInputSchema.safeParse(EX).success).toBe(true);
    expect(indicatorSetProblems(EX)).toEqual({});
    expect(totalPoints(EX.dimensions)).toBe(100);
    expect(EX.dimensions.map((d) => d.name)).toEqual(['行政监管', '项目管理', '服务成效', '社会影响']);
    expect(EX.name).toContain('示例');
    const items = keyedItems(EX.dimensions);
    expect(items[0]!.key).toBe('1.1.1');
    expect(new Set(items.map((i) => i.key)).size).toBe(items.length);
  });

  it('refuses sums that do not add up, bands out of order and weights not totalling 100, by field', () => {
    const bad = structuredClone(EX);
    bad.dimensions[0]!.points = 21;
    bad.dimensions[1]!.groups[0]!.items[0]!.points = 4.5;
    bad.bands = [
      { label: '合格', min: 60 },
      { label: '优秀', min: 90 },
    ];
    bad.combination.finalWeight = 50;
    const p = indicatorSetProblems(bad);
    expect(p['dimensions.0.points']).toContain('不一致');
    expect(p['dimensions.1.groups.0.points']).toContain('9.5');
    expect(p.bands).toContain('从高到低');
    expect(p['combination.finalWeight']).toContain('100');
  });

  it('grades at the band boundaries: a total equal to a lower bound earns that band', () => {
    expect(gradeOf(90, EX.bands)).toBe('优秀');
    expect(gradeOf(89.9, EX.bands)).toBe('良好');
    expect(gradeOf(60, EX.bands)).toBe('合格');
    expect(gradeOf(59.9, EX.bands)).toBe('不合格');
    expect(gradeOf(0, EX.bands)).toBe('不合格');
    expect(passes(60, 60)).toBe(true);
    expect(passes(59.9, 60)).toBe(false);
  });

  it('sums scores in tenths and suggests points × rate to the nearest half point', () => {
    expect(roundTotal([0.1, 0.2, null])).toBe(0.3);
    expect(suggestedScore(5, 0.75)).toBe(4);
    expect(suggestedScore(5, 0.7)).toBe(3.5);
    expect(suggestedScore(8, 1.4)).toBe(8);
    expect(suggestedScore(8, null)).toBeNull();
  });
});

describe('R-CON-2 R-EVAL-1 annual result', () => {
  const rule = { combination: EX.combination, passLine: EX.passLine, bands: EX.bands };
  it('waits for both county rounds and any spot check still being scored', () => {
    expect(annualResult([{ kind: 'midterm', total: 80 }], rule, 0)).toEqual({
      complete: false,
      missing: '末期评估尚未签署',
    });
    const both = [
      { kind: 'midterm' as const, total: 80 },
      { kind: 'final' as const, total: 90 },
    ];
    expect(annualResult(both, rule, 1)).toMatchObject({ complete: false });
  });
  it('weighs 中期 40 and 末期 60, and a spot check below the pass line vetoes the year', () => {
    const r = annualResult(
      [
        { kind: 'midterm', total: 55 },
        { kind: 'final', total: 63.5 },
        { kind: 'self_assessment', total: 100 },
      ],
      rule,
      0,
    );
    // 55 × 0.4 + 63.5 × 0.6 = 22 + 38.1 = 60.1
    expect(r).toMatchObject({ complete: true, score: 60.1, grade: '合格', passed: true });
    const vetoed = annualResult(
      [
        { kind: 'midterm', total: 90 },
        { kind: 'final', total: 90 },
        { kind: 'spot_check', total: 59.5 },
      ],
      rule,
      0,
    );
    expect(vetoed).toMatchObject({ complete: true, score: 90, passed: false, grade: '不合格' });
    const ignored = annualResult(
      [
        { kind: 'midterm', total: 90 },
        { kind: 'final', total: 90 },
        { kind: 'spot_check', total: 59.5 },
      ],
      { ...rule, combination: { ...rule.combination, spotCheck: 'none' } },
      0,
    );
    expect(ignored).toMatchObject({ passed: true, grade: '优秀' });
  });
});

describe('R-EVAL-1 spot-check sample', () => {
  const pool = Array.from({ length: 40 }, (_, i) => ({ id: `c${String(i).padStart(2, '0')}` }));
  it('is reproducible from its seed whatever the pool’s order, and differs with another seed', () => {
    const a = drawSample(pool, 8, 'puyang-2026');
    const b = drawSample([...pool].reverse(), 8, 'puyang-2026');
    expect(a.map((x) => x.id)).toEqual(b.map((x) => x.id));
    expect(new Set(a.map((x) => x.id)).size).toBe(8);
    expect(drawSample(pool, 8, 'other').map((x) => x.id)).not.toEqual(a.map((x) => x.id));
    expect(drawSample(pool.slice(0, 3), 8, 's')).toHaveLength(3);
  });
});
