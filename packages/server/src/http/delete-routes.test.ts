import { randomUUID } from 'node:crypto';
import { can, type Permission, roles } from '@pivot/core/auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callAs } from '../testing/call-as.ts';
import { anInsuredPatient, aPractice } from '../testing/practice-builder.ts';
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
let organizationId: string;

beforeAll(async () => {
  t = await createTestApp();
  let builder = anOrganization();
  for (const role of roles) builder = builder.withUser(role);
  const org = await builder.create(t.db);
  organizationId = org.id;
  cookies = new Map();
  for (const role of roles) cookies.set(role, await loginAs(t.app, org.byRole(role).email));
});
afterAll(() => t.close());

async function deleteRoutes(): Promise<[string, { parameters?: OpenApiParameter[] }][]> {
  const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as OpenApiDocument;
  return Object.entries(doc.paths)
    .filter(([path, operations]) => path.startsWith('/api/') && operations.delete)
    .map(([path, operations]) => [path, operations.delete!]);
}

/** A value the route's schema accepts for a required query parameter (e.g. `version=0`). */
function queryValue(parameter: OpenApiParameter): string {
  const type = parameter.schema?.type;
  return type === 'integer' || type === 'number' ? '0' : type === 'boolean' ? 'false' : 'x';
}

/** The cookie of a user whose role holds the permission the route declares. */
function cookieFor(openApiPath: string): string {
  const url = openApiPath.replace(/\{([^}]+)\}/g, ':$1');
  const route = t.app.routeCatalogue.find((r) => r.url === url && r.methods.includes('DELETE'));
  const role = roles.find((r) => can(r, route?.permission as Permission));
  if (!role) throw new Error(`no role holds the permission of DELETE ${openApiPath}`);
  return cookies.get(role)!;
}

function answer(path: string, response: { statusCode: number; body: string }): string {
  const code = response.body ? (JSON.parse(response.body).error?.code ?? '') : '';
  return `DELETE ${path} → ${response.statusCode} ${code}`.trim();
}

describe('DELETE routes', () => {
  it('answer 404 not_found to an unknown id, for a role holding the route permission', async () => {
    const routes = await deleteRoutes();
    expect(routes.length).toBeGreaterThanOrEqual(9);
    const answers: string[] = [];
    for (const [path, operation] of routes) {
      const url = path.replace(/\{[^}]+\}/g, () => randomUUID());
      const query = (operation.parameters ?? [])
        .filter((p) => p.in === 'query' && p.required)
        .map((p) => `${p.name}=${queryValue(p)}`)
        .join('&');
      const response = await t.app.inject({
        method: 'DELETE',
        url: query ? `${url}?${query}` : url,
        headers: { cookie: cookieFor(path) },
      });
      answers.push(answer(path, response));
    }
    expect(answers).toEqual(routes.map(([path]) => `DELETE ${path} → 404 not_found`));
  });

  it('answer 404 not_found to another organization’s id, and change nothing there', async () => {
    // Another practice holding one thing of each kind a DELETE route removes.
    const owner = await aPractice(t, 'Cabinet voisin');
    const desk = callAs(t.app, owner.secretary);
    const books = callAs(t.app, owner.accountant);
    const created = async (response: Awaited<ReturnType<typeof desk.post>>) => {
      expect(response.statusCode, response.body).toBe(201);
      return response.json();
    };
    const snippet = await created(await desk.post('/api/snippets', { shortcut: '.voisin', text: 'Texte' }));
    const template = await created(
      await desk.post('/api/document-templates', {
        name: 'Courrier',
        kind: 'letter_to_colleague',
        language: 'fr',
        content: {
          type: 'doc',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Cher confrère' }] }],
        },
      }),
    );
    const correspondent = await created(
      await desk.post('/api/directory/correspondents', {
        kind: 'body',
        bodyType: 'laboratory',
        name: 'Labo voisin',
      }),
    );
    const list = await created(
      await desk.post('/api/directory/lists', { name: 'RCP', memberIds: [correspondent.id] }),
    );
    const absence = (
      await created(
        await desk.post('/api/agenda/absences', {
          personId: owner.gp,
          kind: 'training',
          start: '2027-05-10T00:00:00+02:00',
          end: '2027-05-11T00:00:00+02:00',
        }),
      )
    ).absence;
    const feed = await created(
      await desk.post('/api/agenda/feeds', { resourceId: owner.gp, resourceKind: 'practitioner' }),
    );
    const patientId = await anInsuredPatient(t.app, owner.secretary);
    const team = await created(
      await desk.post(`/api/patients/${patientId}/care-team`, {
        correspondentId: correspondent.id,
        role: 'other',
      }),
    );
    const visit = await created(
      await desk.post('/api/billing/visits', {
        patientId,
        practitionerId: owner.gp,
        date: '2025-04-01',
        acts: [{ code: 'G' }],
      }),
    );
    await created(
      await books.post('/api/accounting/bank-imports', {
        format: 'csv',
        fileName: 'releve.csv',
        content: 'Date;Libellé;Débit;Crédit\n01/04/2025;CB CABINET;;30,00\n',
      }),
    );
    const ownerId = owner.org.id;
    const coverage = await t.db.kysely
      .selectFrom('coverage_items')
      .select('id')
      .where('organization_id', '=', ownerId)
      .where('patient_id', '=', patientId)
      .executeTakeFirstOrThrow();
    const bankTransaction = await t.db.kysely
      .selectFrom('bank_transactions')
      .select('id')
      .where('organization_id', '=', ownerId)
      .executeTakeFirstOrThrow();
    const foreign: Record<string, string> = {
      '/api/snippets/{id}': `/api/snippets/${snippet.id}`,
      '/api/document-templates/{id}': `/api/document-templates/${template.id}`,
      '/api/directory/lists/{id}': `/api/directory/lists/${list.id}?version=${list.version}`,
      '/api/agenda/absences/{id}': `/api/agenda/absences/${absence.id}?version=${absence.version}`,
      '/api/agenda/feeds/{id}': `/api/agenda/feeds/${feed.id}`,
      '/api/patients/{id}/coverage/{itemId}': `/api/patients/${patientId}/coverage/${coverage.id}`,
      '/api/patients/{patientId}/care-team/{memberId}': `/api/patients/${patientId}/care-team/${team[0].id}`,
      '/api/billing/invoices/{id}': `/api/billing/invoices/${visit.invoiceId}`,
      '/api/accounting/bank-transactions/{id}/reconcile': `/api/accounting/bank-transactions/${bankTransaction.id}/reconcile`,
    };
    const routes = await deleteRoutes();
    // A new DELETE route needs its line above.
    expect(routes.map(([path]) => path).sort()).toEqual(Object.keys(foreign).sort());
    const answers: string[] = [];
    for (const [path] of routes) {
      const response = await t.app.inject({
        method: 'DELETE',
        url: foreign[path]!,
        headers: { cookie: cookieFor(path) },
      });
      answers.push(answer(path, response));
    }
    expect(answers).toEqual(routes.map(([path]) => `DELETE ${path} → 404 not_found`));

    // Nothing was removed, and nothing was traced by the intruding organization.
    expect((await desk.get('/api/snippets')).json().map((x: { id: string }) => x.id)).toContain(snippet.id);
    const intruded = await t.db.kysely
      .selectFrom('audit_log')
      .select(['action', 'entity'])
      .where('organization_id', '=', organizationId)
      .where('action', '<>', 'login')
      .execute();
    expect(intruded).toEqual([]);
  });
});
