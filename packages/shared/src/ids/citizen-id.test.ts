import { describe, expect, it } from 'vitest';
import { ageOn, checkCitizenId, maskCitizenId, maskPhone } from './citizen-id';

const T = '2026-11-28';

describe('GB 11643 citizen ID', () => {
  it('refuses an address code whose first two digits are not a province-level code', () => {
    // 99…: the check digit fits, the province does not exist.
    const id = '99010519491231002';
    const sum = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2].reduce((s, w, i) => s + Number(id[i]) * w, 0);
    const r = checkCitizenId(id + '10X98765432'[sum % 11], T);
    expect(r).toMatchObject({ ok: false, message: expect.stringContaining('省级行政区划代码') });
  });
  it('accepts the standard example and derives birth date and gender', () => {
    expect(checkCitizenId('11010519491231002X', T)).toEqual({ ok: true, birthDate: '1949-12-31', gender: 'female' });
    expect(checkCitizenId('440524188001010014', '2026-01-01')).toMatchObject({ ok: false });
    expect(checkCitizenId('440524190001010014', T)).toMatchObject({ ok: false });
  });
  it('rejects a wrong check digit with the expected one', () => {
    const r = checkCitizenId('110105194912310021', T);
    expect(r).toMatchObject({ ok: false });
    if (!r.ok) expect(r.message).toContain('校验位应为 X');
  });
  it('rejects impossible or future birth dates', () => {
    expect(checkCitizenId('110105194902310021', T)).toMatchObject({
      ok: false,
      message: expect.stringContaining('无效'),
    });
    expect(checkCitizenId('110105209901010021', '2026-11-28')).toMatchObject({ ok: false });
  });
  it('masks IDs and phones the way UX.md shows', () => {
    expect(maskCitizenId('41092819900101123X')).toBe('410928********123X');
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
  it('counts full years of age', () => {
    expect(ageOn('1980-06-15', '2025-06-14')).toBe(44);
    expect(ageOn('1980-06-15', '2025-06-15')).toBe(45);
  });
});
