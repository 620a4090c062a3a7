import { can, type Permission, type Role } from '@pivot/core/auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callAs } from '../testing/call-as.ts';
import { badInputs, type Operation, urlOf } from '../testing/openapi-inputs.ts';
import { anOrganization, createTestApp, loginAs, type TestApp } from '../testing/test-app.ts';

/**
 * Walks every route of the OpenAPI document the app serves with hostile values (a NUL byte in
 * each text field, a non-UUID in each id, years 0000 and 10000 in each date, an integer past
 * int4): in the body, path and query string of write routes, in the path and query string of
 * reads. Each must be a 4xx naming the field, never a 500 (OWASP ASVS 4.0, V5.1.3 and V7.4.1).
 * Routes and fields are read from the document, so a route added later is walked too.
 */

let t: TestApp;
const cookies = new Map<Role, string>();
const writeMethods = ['post', 'put', 'patch', 'delete'];

beforeAll(async () => {
  t = await createTestApp();
  const org = await anOrganization().withUser('admin').withUser('practitioner').create(t.db);
  for (const role of ['admin', 'practitioner'] as const) {
    cookies.set(role, await loginAs(t.app, org.byRole(role).email));
  }
});
afterAll(() => t.close());

/** The admin, or the practitioner for what only practitioners may do (validate, read confidential). */
function cookieFor(method: string, path: string): string {
  const url = path.replace(/\{(\w+)\}/g, ':$1');
  const route = t.app.routeCatalogue.find((r) => r.url === url && r.methods.includes(method.toUpperCase()));
  const permission = (route?.permission ?? 'authenticated') as Permission;
  return can('admin', permission) ? cookies.get('admin')! : cookies.get('practitioner')!;
}

interface ErrorAnswer {
  error?: { code?: string; field?: string; details?: { issues?: { field: string }[] } };
}

function namedFields(answer: ErrorAnswer): string[] {
  const issues = answer.error?.details?.issues?.map((i) => i.field) ?? [];
  return [...(answer.error?.field ? [answer.error.field] : []), ...issues];
}

/** `caller.patientId` is named by `caller.patientId`, and a union by its own path (`birthGivenNames`). */
function names(reported: string, field: string): boolean {
  return reported === field || field.startsWith(`${reported}.`) || reported.startsWith(`${field}.`);
}

describe('bad input', () => {
  it('refuses a NUL byte in a text field with its code, its field and a message naming it', async () => {
    const fr = await callAs(t.app, cookies.get('admin')).post('/api/reception/information-sheets', {
      category: 'other',
      title: { fr: 'Accès\u0000', en: 'Access' },
      body: { fr: 'a', en: 'b' },
    });
    expect(fr.statusCode).toBe(422);
    expect(fr.json().error).toEqual({
      code: 'text_invalid_character',
      field: 'title.fr',
      message:
        'Le champ « title.fr » contient un caractère non autorisé (caractère nul ou caractère incomplet).',
      details: { issues: [{ field: 'title.fr', code: 'text_invalid_character' }] },
    });
    // Without a session the language is the browser's; the field is named by its label.
    const en = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'accept-language': 'en' },
      payload: { email: 'a\u0000@example.fr', password: 'x' },
    });
    expect(en.statusCode).toBe(422);
    expect(en.json().error.message).toMatch(/^Field “E-mail.*” holds a character that is not allowed/);
  });

  it('lists every failing field in the details, the first one in error.field', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/agenda/waitlist',
      headers: { cookie: cookies.get('admin')! },
      payload: { patientId: 'p1', appointmentTypeId: 'consult', earliestDate: '0000-01-01' },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error).toMatchObject({
      code: 'id_invalid',
      field: 'patientId',
      details: {
        issues: [
          { field: 'patientId', code: 'id_invalid' },
          { field: 'appointmentTypeId', code: 'id_invalid' },
          { field: 'earliestDate', code: 'date_invalid' },
        ],
      },
    });
  });
});

describe('bad input on every route', () => {
  it('answers 4xx naming the field, never 500, to hostile values in any field', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, Operation>>;
    };
    const failures: string[] = [];
    let cases = 0;
    let writeRoutes = 0;
    let readRoutes = 0;
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        if (method === 'get') readRoutes++;
        else if (writeMethods.includes(method)) writeRoutes++;
        else continue;
        const cookie = cookieFor(method, path);
        for (const bad of badInputs(operation)) {
          cases++;
          const response = await t.app.inject({
            method: method.toUpperCase() as 'POST',
            url: urlOf(path, bad.request),
            headers: { cookie },
            ...(bad.request.body !== undefined ? { payload: bad.request.body as object } : {}),
          });
          const status = response.statusCode;
          const where = `${method.toUpperCase()} ${path} ${bad.location} ${bad.field} = ${bad.label}`;
          if (status >= 500) {
            failures.push(`${where}: ${status}`);
            continue;
          }
          const answer = String(response.headers['content-type'] ?? '').includes('json')
            ? (response.json() as ErrorAnswer)
            : {};
          const named = namedFields(answer);
          if (status < 400 || status > 499 || !named.some((n) => names(n, bad.field))) {
            failures.push(`${where}: ${status} ${answer.error?.code ?? ''} ${named.join(',')}`);
          }
        }
      }
    }
    console.info(
      `bad input walk: ${writeRoutes} write and ${readRoutes} read routes, ${cases} cases, ${failures.length} failed`,
    );
    if (failures.length) console.info(failures.join('\n'));
    expect(writeRoutes).toBeGreaterThan(100);
    expect(failures).toEqual([]);
  }, 300_000);
});
