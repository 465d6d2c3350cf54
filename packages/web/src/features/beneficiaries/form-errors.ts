import type { FormInstance } from 'antd';

/**
 * Puts the server's field errors on their fields, nested ones included (`guardian.name`, `categories.0.startedOn`,
 * `household.1.relation`), and the message as a toast; the form keeps what was typed.
 */
export function showServerErrors(form: FormInstance, e: unknown, toast: (m: string) => void) {
  const err = e as { fieldErrors?: Record<string, string>; message?: string };
  const known = (path: (string | number)[]) => {
    try {
      return form.getFieldInstance(path) !== undefined || form.getFieldValue(path) !== undefined;
    } catch {
      return false;
    }
  };
  const fields = Object.entries(err.fieldErrors ?? {}).map(([k, v]) => {
    const path = k.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    // A key the form has no field for (e.g. `guardian` while only its parts are fields) goes on its first part.
    return { name: known(path) ? path : [path[0]], errors: [v] };
  });
  if (fields.length) form.setFields(fields);
  toast(err.message ?? '操作失败');
}
