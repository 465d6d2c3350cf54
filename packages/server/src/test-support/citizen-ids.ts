const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** A valid GB 11643 number for a Puyang-county resident born on `birth` (YYYYMMDD); odd `seq` is male. */
export function makeCitizenId(birth: string, seq: number): string {
  const body = `410928${birth}${String(seq).padStart(3, '0')}`;
  const sum = WEIGHTS.reduce((s, w, i) => s + Number(body[i]) * w, 0);
  return body + '10X98765432'[sum % 11];
}
