// GB 11643-1999 citizen ID number (公民身份号码), see DOMAIN-NOTES §5.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export type CitizenIdCheck =
  { ok: true; birthDate: string; gender: 'male' | 'female' } | { ok: false; message: string };

/** Province-level codes of GB/T 2260 (the first two digits of an address code); 71/81/82 for 台湾、香港、澳门. */
export const PROVINCE_CODES: ReadonlySet<string> = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
]);

/**
 * Validates shape, the province of the address code, birth date (real, not after `today`) and the ISO 7064 MOD 11-2
 * check character; derives birth date and gender. `today` is the caller's Clock date (Asia/Shanghai).
 */
export function checkCitizenId(raw: string, today: string): CitizenIdCheck {
  const id = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, message: '应为 18 位身份证号（最后一位可为 X）' };
  if (!PROVINCE_CODES.has(id.slice(0, 2)))
    return { ok: false, message: `前两位 ${id.slice(0, 2)} 不是有效的省级行政区划代码` };
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  const d = new Date(`${birth}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== birth || birth < '1900-01-01')
    return { ok: false, message: `出生日期 ${birth} 无效` };
  if (birth > today) return { ok: false, message: `出生日期 ${birth} 晚于今天` };
  const sum = WEIGHTS.reduce((s, w, i) => s + Number(id[i]) * w, 0);
  const expected = CHECK[sum % 11];
  if (expected !== id[17]) return { ok: false, message: `校验位应为 ${expected}，与末位 ${id[17]} 不符` };
  return { ok: true, birthDate: birth, gender: Number(id[16]) % 2 === 1 ? 'male' : 'female' };
}

/** `410928********123X`: region kept, birth date and sequence hidden (UX.md). */
export function maskCitizenId(id: string): string {
  return id.length === 18 ? `${id.slice(0, 6)}********${id.slice(14)}` : '*'.repeat(id.length);
}

/** `138****5678`. */
export function maskPhone(phone: string): string {
  const digits = phone.trim();
  return digits.length >= 7 ? `${digits.slice(0, 3)}****${digits.slice(-4)}` : '****';
}

/** Full years of age on a date. */
export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = on.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
