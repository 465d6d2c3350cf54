import { describe, expect, it } from 'vitest';
import { checkCreditCode } from './credit-code';

describe('GB 32100 credit code (R-ORG-1)', () => {
  it('accepts the standard example and computed vectors', () => {
    for (const c of ['91350100M000100Y43', '91110108551385082Q', '91310000775785552L'])
      expect(checkCreditCode(c)).toEqual({ ok: true });
  });
  it('rejects a wrong final check character with the expected one', () => {
    const r = checkCreditCode('91350100M000100Y44');
    expect(r).toMatchObject({ ok: false, reason: 'checksum' });
    if (!r.ok) expect(r.message).toContain('校验位应为 3');
  });
  it('rejects a bad shape, including letters the standard does not use', () => {
    expect(checkCreditCode('123')).toMatchObject({ ok: false, reason: 'format' });
    expect(checkCreditCode('91350100M000100Y4O')).toMatchObject({ ok: false, reason: 'format' });
  });
  it('normalises case and spaces', () => {
    expect(checkCreditCode(' 91110108551385082q ')).toEqual({ ok: true });
  });
});
