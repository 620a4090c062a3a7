import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minimalPdf, multipart } from '../testing/multipart.ts';
import { aPatient } from '../testing/patient-builder.ts';
import { anOrganization, createTestApp, loginAs, type TestApp } from '../testing/test-app.ts';

let t: TestApp;
let webDist: string;
let secretary: string;

beforeAll(async () => {
  webDist = mkdtempSync(join(tmpdir(), 'pivot-web-'));
  writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>Pivot</title><div id="root"></div>');
  t = await createTestApp({ webDist });
  const org = await anOrganization().withUser('secretary').create(t.db);
  secretary = await loginAs(t.app, org.byRole('secretary').email);
});
afterAll(async () => {
  await t.close();
  rmSync(webDist, { recursive: true, force: true });
});

function directives(header: string | string[] | number | undefined): Record<string, string> {
  return Object.fromEntries(
    String(header)
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name, values.join(' ')]),
  );
}

describe('security headers', () => {
  it('sends a script policy without inline code, no framing, nosniff and no referrer with a page of the web app', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/agenda' });
    expect(page.statusCode).toBe(200);
    const csp = directives(page.headers['content-security-policy']);
    expect(csp['script-src']).toBe("'self'");
    expect(csp['default-src']).toBe("'self'");
    expect(csp['object-src']).toBe("'none'");
    expect(csp['frame-ancestors']).toBe("'none'");
    expect(csp['style-src']).toBe("'self' 'unsafe-inline'");
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
  });

  it('sends them with an API answer, an error included', async () => {
    for (const url of ['/api/health', '/api/auth/me']) {
      const response = await t.app.inject({ method: 'GET', url });
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(directives(response.headers['content-security-policy'])['frame-ancestors']).toBe("'none'");
    }
  });

  it('lets the web app alone frame an attachment, sent with nosniff', async () => {
    const patientId = await aPatient().named('ENTETE', 'ALICE').register(t.app, secretary);
    const body = multipart(
      { classification: 'biology' },
      { name: 'bilan.pdf', content: minimalPdf, type: 'application/pdf' },
    );
    const uploaded = await t.app.inject({
      method: 'POST',
      url: `/api/patients/${patientId}/attachments`,
      headers: { cookie: secretary, ...body.headers },
      payload: body.payload,
    });
    expect(uploaded.statusCode).toBe(201);
    const content = await t.app.inject({
      method: 'GET',
      url: `/api/attachments/${uploaded.json().id}/content`,
      headers: { cookie: secretary },
    });
    expect(content.statusCode).toBe(200);
    expect(content.headers['x-content-type-options']).toBe('nosniff');
    expect(content.headers['x-frame-options']).toBe('SAMEORIGIN');
    const csp = directives(content.headers['content-security-policy']);
    expect(csp['frame-ancestors']).toBe("'self'");
    expect(csp['script-src']).toBe("'self'");
  });

  it('sends nosniff with a file download', async () => {
    const patientId = await aPatient().named('EXPORT', 'PAUL').register(t.app, secretary);
    const exported = await t.app.inject({
      method: 'GET',
      url: `/api/patients/${patientId}/export`,
      headers: { cookie: secretary },
    });
    expect(exported.headers['content-disposition']).toMatch(/^attachment/);
    expect(exported.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves the API documentation under the same script policy', async () => {
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(directives(docs.headers['content-security-policy'])['script-src']).toBe("'self'");
  });
});
