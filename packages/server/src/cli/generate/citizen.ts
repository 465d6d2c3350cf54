import type { Rng } from './random';

// GB 11643-1999 citizen ID numbers (DOMAIN-NOTES §5): 6-digit address code, birth date, 3-digit sequence (odd for
// men), ISO 7064 MOD 11-2 check character.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** The check character of a 17-digit body. */
export function checkCharacter(body: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (body.charCodeAt(i) - 48) * WEIGHTS[i];
  return CHECK[sum % 11];
}

/**
 * A valid citizen ID for a person of `gender` born on `birthDate` (YYYY-MM-DD) in the area `area6`, never one in
 * `used` (which it joins): one person once, as the registry's unique index demands.
 */
export function citizenId(rng: Rng, area6: string, birthDate: string, gender: 'male' | 'female', used: Set<string>) {
  const birth = birthDate.replaceAll('-', '');
  for (;;) {
    let seq = rng.int(0, 998);
    if ((seq % 2 === 1) !== (gender === 'male')) seq += 1;
    const body = `${area6}${birth}${String(seq).padStart(3, '0')}`;
    const id = body + checkCharacter(body);
    if (!used.has(id)) {
      used.add(id);
      return id;
    }
  }
}

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** A valid GB 32100 (统一社会信用代码, DOMAIN-NOTES §5) code code of a 民政-registered organisation in `area6`, distinct per `seq`. */
export function creditCode(area6: string, seq: number): string {
  const org = String(10_000_000 + seq).slice(-8);
  const c9 = 11 - (ORG_WEIGHTS.reduce((s, w, i) => s + Number(org[i]) * w, 0) % 11);
  const body = `52${area6}${org}${c9 === 10 ? 'X' : c9 === 11 ? '0' : String(c9)}`;
  const sum = CODE_WEIGHTS.reduce((s, w, i) => s + CHARSET.indexOf(body[i]) * w, 0);
  return body + CHARSET[(31 - (sum % 31)) % 31];
}
