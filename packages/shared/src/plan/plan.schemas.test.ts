import { describe, expect, it } from 'vitest';
import { progressPercent } from './plan.schemas';

describe('R-PLAN-1 progress percent', () => {
  it('is built/planned with one decimal, null when nothing is planned', () => {
    expect(progressPercent(1, 3)).toBe(33.3);
    expect(progressPercent(27, 27)).toBe(100);
    expect(progressPercent(0, 0)).toBeNull();
    expect(progressPercent(2, 0)).toBeNull();
  });
});
