import { maskCitizenId, maskPhone } from '@shegong/shared';

// Personal data never reaches the audit log or the server log in clear (R-SCOPE-2, DESIGN §4). These run on every
// audit event and every logged error, whatever the caller passed.

const CITIZEN_ID = /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g;
const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/g;

/** A text with citizen ID numbers and mobile numbers masked. */
export function redactText(s: string): string {
  return s.replace(CITIZEN_ID, (m) => maskCitizenId(m.toUpperCase())).replace(MOBILE, (m) => maskPhone(m));
}

/** Fields that are personal data in any record: masked when text, dropped when they would rebuild an ID number. */
const MASKED_FIELDS: Record<string, (v: string) => string> = {
  idNumber: maskCitizenId,
  phone: maskPhone,
  contactPhone: maskPhone,
};
const DROPPED_FIELDS = new Set(['birthDate', 'passwordHash', 'password']);

/** A copy of an audit payload with personal data masked or removed, at any depth. */
export function redactValue(v: unknown): unknown {
  if (typeof v === 'string') return redactText(v);
  if (Array.isArray(v)) return v.map(redactValue);
  if (v && typeof v === 'object' && !(v instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      if (DROPPED_FIELDS.has(k)) {
        if (x !== undefined) out[k] = '（个人信息，不记录）';
        continue;
      }
      out[k] = MASKED_FIELDS[k] && typeof x === 'string' && x ? MASKED_FIELDS[k](x) : redactValue(x);
    }
    return out;
  }
  return v;
}

/**
 * An error as the server log may hold it: type, code and message with the SQL parameters cut off (Drizzle puts every
 * parameter into its message) and personal data masked.
 */
export function loggableError(err: unknown): Record<string, unknown> {
  const e = err as {
    name?: string;
    message?: string;
    stack?: string;
    code?: string;
    cause?: unknown;
    constraint?: string;
  };
  const cut = (s: string | undefined) =>
    redactText(String(s ?? '').replace(/\nparams:[\s\S]*$/, '\nparams: （已省略）'));
  const cause = e?.cause as { message?: string; code?: string; constraint?: string } | undefined;
  return {
    type: e?.name ?? typeof err,
    message: cut(e?.message),
    code: e?.code ?? cause?.code,
    constraint: e?.constraint ?? cause?.constraint,
    cause: cause?.message ? cut(cause.message) : undefined,
    stack: cut(
      e?.stack
        ?.split('\n')
        .filter((l) => l.trimStart().startsWith('at '))
        .slice(0, 8)
        .join('\n'),
    ),
  };
}
