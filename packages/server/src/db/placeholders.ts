import { sql, type Placeholder } from 'drizzle-orm';

// A statement prepared once with placeholders (issue 11: no SQL built per request on a hot path) is built from the same
// code as one run with values: each builder takes its parameters as values or placeholders alike.

/** `{ key: placeholder(prefix + key) }` for each key of `values`: a row's fields as a prepared statement's parameters. */
export function placeholdersOf<T extends object>(values: T, prefix = ''): { [K in keyof T]: Placeholder } {
  return Object.fromEntries(Object.keys(values).map((k) => [k, sql.placeholder(prefix + k)])) as {
    [K in keyof T]: Placeholder;
  };
}

/** The values to fill `placeholdersOf(values, prefix)` with. */
export function prefixed(values: object, prefix: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [prefix + k, v]));
}
