import { randomUUID } from 'node:crypto';
import { can, type Permission, roles } from '@pivot/core/auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anOrganization, createTestApp, loginAs, type TestApp } from '../testing/test-app.ts';

interface OpenApiParameter {
  in: string;
  name: string;
  required?: boolean;
  schema?: { type?: string };
}
interface OpenApiDocument {
  paths: Record<string, Record<string, { parameters?: OpenApiParameter[] }>>;
}

let t: TestApp;
let cookies: Map<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  let builder = anOrganization();
  for (const role of roles) builder = builder.withUser(role);
  const org = await builder.create(t.db);
  cookies = new Map();
  for (const role of roles) cookies.set(role, await loginAs(t.app, org.byRole(role).email));
});
afterAll(() => t.close());

/** A value the route's schema accepts for a required query parameter (e.g. `version=0`). */
function queryValue(parameter: OpenApiParameter): string {
  const type = parameter.schema?.type;
  return type === 'integer' || type === 'number' ? '0' : type === 'boolean' ? 'false' : 'x';
}

describe('DELETE routes', () => {
  it('answer 404 not_found to an unknown id, for a role holding the route permission', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as OpenApiDocument;
    const permissionOf = new Map(
      t.app.routeCatalogue.filter((r) => r.methods.includes('DELETE')).map((r) => [r.url, r.permission]),
    );
    const answers: string[] = [];
    const routes = Object.entries(doc.paths).filter(
      ([path, operations]) => path.startsWith('/api/') && operations.delete,
    );
    expect(routes.length).toBeGreaterThanOrEqual(9);
    for (const [path, operations] of routes) {
      const parameters = operations.delete!.parameters ?? [];
      const url = path.replace(/\{[^}]+\}/g, () => randomUUID());
      const query = parameters
        .filter((p) => p.in === 'query' && p.required)
        .map((p) => `${p.name}=${queryValue(p)}`)
        .join('&');
      const fastifyPath = path.replace(/\{([^}]+)\}/g, ':$1');
      const permission = permissionOf.get(fastifyPath) as Permission;
      const role = roles.find((r) => can(r, permission));
      expect(role, `a role holding ${permission}`).toBeDefined();
      const response = await t.app.inject({
        method: 'DELETE',
        url: query ? `${url}?${query}` : url,
        headers: { cookie: cookies.get(role!)! },
      });
      const code = response.statusCode === 204 ? '' : response.json().error?.code;
      answers.push(`DELETE ${path} → ${response.statusCode} ${code ?? ''}`.trim());
    }
    expect(answers).toEqual(routes.map(([path]) => `DELETE ${path} → 404 not_found`));
  });
});
