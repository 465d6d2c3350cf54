import { describe, expect, it } from 'vitest';
import { cutShort } from './roster.export';

describe('an export cut at its row limit says so on its filter line', () => {
  it('names the total and the rows exported, and nothing when all rows are in', () => {
    expect(cutShort(25_000, 20_000)).toBe('共 25000 行，仅导出前 20000 行：请缩小筛选范围后分批导出');
    expect(cutShort(12, 12)).toBe('');
  });
});
