import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app';

// Every route declares the schema of its answers, so /api/openapi.json documents them and the serializer drops any
// field a view did not mean to show (issue 8: "a test fails when a route has no response schema").
describe('response schemas', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('every /api/v1 route declares its response schema', () => {
    const missing = t.app.routeTable.filter((r) => !r.responds).map((r) => `${r.method} ${r.url}`);
    expect(missing).toEqual([]);
  });

  it('the OpenAPI document describes a success answer for every operation', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, { responses?: Record<string, { content?: unknown }> }>>;
    };
    const undocumented: string[] = [];
    for (const [url, ops] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(ops)) {
        // Swagger invents a bare "200: Default Response" for a route without a schema; a real one has content.
        const ok = Object.entries(op.responses ?? {}).some(([c, r]) => /^2/.test(c) && (c === '204' || !!r.content));
        if (!ok) undocumented.push(`${method.toUpperCase()} ${url}`);
      }
    expect(undocumented).toEqual([]);
  });
});
