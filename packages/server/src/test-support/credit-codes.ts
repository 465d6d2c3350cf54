const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** A valid GB 32100 code for a 民政-registered social service organisation in Puyang, distinct per seed. */
export function makeCreditCode(seed: number): string {
  const org = String(10_000_000 + seed).slice(-8);
  const orgSum = ORG_WEIGHTS.reduce((s, w, i) => s + Number(org[i]) * w, 0);
  const c9 = 11 - (orgSum % 11);
  const body = `52410900${org}${c9 === 10 ? 'X' : c9 === 11 ? '0' : String(c9)}`;
  const sum = WEIGHTS.reduce((s, w, i) => s + CHARSET.indexOf(body[i]) * w, 0);
  return body + CHARSET[(31 - (sum % 31)) % 31];
}
