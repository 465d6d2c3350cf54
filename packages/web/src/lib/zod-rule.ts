import { useEffect } from 'react';
import type { Rule } from 'antd/es/form';
import { config, locales, type z } from 'zod';

// Zod's own messages in Chinese. Set here, not in main.tsx: the browser runs a zod schema only through zodRule, so
// zod's locale loads with the first form that checks one instead of with every page.
config(locales.zhCN());

/** An antd form rule from a shared zod schema, so the form checks what the server will check. */
export function zodRule(schema: z.ZodType): Rule {
  return {
    validator: async (_rule, value) => {
      if (value === undefined || value === null || value === '') return;
      const r = schema.safeParse(value);
      if (!r.success) throw new Error(r.error.issues[0]?.message ?? '格式不正确');
    },
  };
}

/** Puts the server's field errors on the form fields (paths like `site.computer` map to the top field). */
export function fieldErrorsToAntd(fieldErrors: Record<string, string>) {
  return Object.entries(fieldErrors).map(([k, v]) => ({ name: k.split('.')[0], errors: [v] }));
}

/** Shows a failed request on a form: field errors on their fields, the message as a toast. */
export function showFormError(
  form: { setFields: (f: { name: string; errors: string[] }[]) => void },
  e: unknown,
  toast: (m: string) => void,
) {
  const err = e as { fieldErrors?: Record<string, string>; message?: string };
  if (err.fieldErrors) form.setFields(fieldErrorsToAntd(err.fieldErrors));
  toast(err.message ?? '操作失败');
}

/** Fills a form field with a default once it is known (e.g. the user's own unit after divisions load). */
export function useDefaultField(
  form: { getFieldValue: (n: string) => unknown; setFieldValue: (n: string, v: unknown) => void },
  name: string,
  value: unknown,
) {
  useEffect(() => {
    if (value !== undefined && form.getFieldValue(name) === undefined) form.setFieldValue(name, value);
  }, [form, name, value]);
}
