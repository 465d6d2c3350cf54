import { describe, expect, it } from 'vitest';
import { contractFindings, type ContractFacts } from '@shegong/shared';
import { countByCode } from './contracts.view';

// The compliance overview counts findings by their stable code (issue 8), never by the Chinese message text.
const today = '2027-02-01';
const base: ContractFacts = {
  awardedOn: '2026-01-01',
  signedOn: '2026-01-20',
  publishedOn: '2026-01-25',
  cycleStart: '2026-03-01',
  endsOn: null,
  agreements: [{ yearNo: 1, periodEnd: '2027-02-28', publishedOn: '2026-01-25' }],
  evaluations: [],
};
const contracts: ContractFacts[] = [
  base, // year 1 ends within 60 days (R-CON-2), as it does in the next two
  { ...base, signedOn: '2026-03-01', publishedOn: null }, // late (R-CON-1) and unpublished (R-CON-3)
  { ...base, agreements: [{ yearNo: 1, periodEnd: '2027-02-28', publishedOn: null }] }, // agreement unpublished
  {
    ...base,
    cycleStart: '2024-03-01',
    agreements: [
      { yearNo: 1, periodEnd: '2025-02-28', publishedOn: '2024-03-01' },
      { yearNo: 2, periodEnd: '2026-02-28', publishedOn: '2025-03-01' },
      { yearNo: 3, periodEnd: '2027-02-28', publishedOn: '2026-03-01' },
    ],
  }, // the cycle ends within 60 days (R-CON-2)
  { ...base, evaluations: [{ yearNo: 1, result: 'failed' }], endsOn: '2027-02-28' }, // failed: not "ending soon"
];
const rows = (reword: (m: string) => string) =>
  contracts.map((c) => ({
    countyCode: '410928000000',
    findings: contractFindings(c, today).map((f) => ({ ...f, message: reword(f.message) })),
  }));

describe('compliance counts come from finding codes', () => {
  it('R-CON-1…3: counts late signing, unpublished and ending-soon contracts per unit', () => {
    expect(countByCode(rows((m) => m)).get('410928000000')).toEqual({
      contracts: 5,
      lateSigning: 1,
      unpublished: 2,
      endingSoon: 4,
    });
  });

  it('R-CON-2: rewording every message (dropping 到期 and 结束) changes no figure', () => {
    const original = countByCode(rows((m) => m));
    const reworded = countByCode(rows(() => 'reworded message'));
    expect(reworded).toEqual(original);
  });
});
