// GB 32100-2015 unified social credit code (统一社会信用代码), see DOMAIN-NOTES §5.
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

export type CreditCodeCheck =
  { ok: true } | { ok: false; reason: 'format' | 'checksum' | 'org-checksum'; message: string };

/** The shape: 18 characters of the GB 32100 character set (no I, O, S, V, Z). */
export function creditCodeFormatOk(code: string): boolean {
  return /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code);
}

/**
 * Verifies both check characters: the inner 组织机构代码 (GB 11714, position 17) and the code's own (position 18).
 * A failed checksum is reported, not thrown: some early legal codes fail it (R-ORG-1 asks for a stated reason).
 */
export function checkCreditCode(raw: string): CreditCodeCheck {
  const code = raw.trim().toUpperCase();
  if (!creditCodeFormatOk(code))
    return { ok: false, reason: 'format', message: '应为 18 位统一社会信用代码（数字或大写字母，不含 I、O、S、V、Z）' };
  const values = [...code].map((c) => CHARSET.indexOf(c));
  const sum = WEIGHTS.reduce((s, w, i) => s + values[i] * w, 0);
  const check = CHARSET[(31 - (sum % 31)) % 31];
  if (check !== code[17])
    return { ok: false, reason: 'checksum', message: `校验位应为 ${check}，与代码末位 ${code[17]} 不符` };
  const org = code.slice(8, 16);
  const orgValue = (c: string) => (/\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55);
  const orgSum = ORG_WEIGHTS.reduce((s, w, i) => s + orgValue(org[i]) * w, 0);
  const c9 = 11 - (orgSum % 11);
  const orgCheck = c9 === 10 ? 'X' : c9 === 11 ? '0' : String(c9);
  if (orgCheck !== code[16])
    return {
      ok: false,
      reason: 'org-checksum',
      message: `其中组织机构代码的校验位应为 ${orgCheck}，与第 17 位 ${code[16]} 不符`,
    };
  return { ok: true };
}
