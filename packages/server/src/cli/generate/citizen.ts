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
