// One text rule for the whole API and every import: characters that cannot be stored (NUL, lone surrogates) or that
// make text display as something else (bidi overrides such as `合同\u202efdp.exe` shown as `合同exe.pdf`, zero-width
// characters) are refused with a message naming the field. Tab and line breaks stay allowed in free text.

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** U+FFFD: what a decoder leaves where bytes were not valid UTF-8; the text as sent is already lost. */
const REPLACEMENT = /\ufffd/;
/** Deeper than any form the product has: refused before walking on, so a hostile body cannot exhaust the stack. */
const MAX_DEPTH = 32;

/** Why a text is refused (in Chinese), or null when it is fine. */
export function textProblem(s: string): string | null {
  if (CONTROL.test(s)) return '含有不可见的控制字符，请删除后重新输入';
  if (LONE_SURROGATE.test(s) || REPLACEMENT.test(s)) return '含有无法识别的字符（不完整或编码错误的字符），请重新输入';
  if (BIDI.test(s)) return '含有改变文字显示方向的字符，请删除后重新输入';
  if (INVISIBLE.test(s)) return '含有零宽度等不可见字符，请删除后重新输入';
  return null;
}

/** The first refused string in a JSON value: its dotted path (as the forms name fields) and the problem. */
export function findTextProblem(value: unknown, path = '', depth = 0): { path: string; problem: string } | null {
  if (depth > MAX_DEPTH) return { path: path || '_', problem: `嵌套层级超过 ${MAX_DEPTH} 层，不是有效的提交内容` };
  if (typeof value === 'string') {
    const problem = textProblem(value);
    return problem ? { path: path || '_', problem } : null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findTextProblem(value[i], path ? `${path}.${i}` : String(i), depth + 1);
      if (hit) return hit;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const keyProblem = textProblem(k);
      if (keyProblem) return { path: path || '_', problem: `字段名${keyProblem}` };
      const hit = findTextProblem(v, path ? `${path}.${k}` : k, depth + 1);
      if (hit) return hit;
    }
  }
  return null;
}
