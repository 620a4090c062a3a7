import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseClaimBatchFile } from '@pivot/core/billing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callAs } from '../testing/call-as.ts';
import { pdfText } from '../testing/pdf-reader.ts';
import { anInsuredPatient, aPractice } from '../testing/practice-builder.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

const day = '2025-03-10';
let t: TestApp;
let practice: Awaited<ReturnType<typeof aPractice>>;
let api: ReturnType<typeof callAs>;

beforeAll(async () => {
  t = await createTestApp();
  practice = await aPractice(t);
  api = callAs(t.app, practice.secretary);
});
afterAll(async () => t?.close());

const gpVisit = (patientId: string, more: Record<string, unknown> = {}) => ({
  patientId,
  practitionerId: practice.gp,
  date: day,
  acts: [{ code: 'G' }],
  ...more,
});

describe('billing a visit', () => {
  it('bills a sector-1 consultation with a complementary paying the ticket modérateur, under third-party payment', async () => {
    const patientId = await anInsuredPatient(t.app, practice.secretary);
    const response = await api.post('/api/billing/visits', gpVisit(patientId));
    expect(response.statusCode).toBe(201);
    const billed = response.json();
    // billing.md worked example: fee 30,00 = AMO 19,00 + flat 2,00 + AMC 9,00; at the desk 2,00 with TP AMO+AMC.
    expect(billed.split).toMatchObject({
      feeCents: 3000,
      amoCents: 1900,
      flatContributionCents: 200,
      amcCents: 900,
      patientPaysAtDeskCents: 200,
      claimFromAmoCents: 1900,
      claimFromAmcCents: 900,
    });
    expect(billed.number).toMatch(/^2025-0*1$/);
    const invoice = (await api.get(`/api/billing/invoices/${billed.invoiceId}`)).json();
    expect(invoice).toMatchObject({
      totalCents: 3000,
      amoCents: 1900,
      amcCents: 900,
      patientCents: 200,
      dueCents: 3000,
    });
    const unpaid = (await api.get(`/api/billing/receivables?patientId=${patientId}`)).json();
    expect(
      unpaid.items
        .map((i: { debtor: { kind: string }; outstandingCents: number }) => [
          i.debtor.kind,
          i.outstandingCents,
        ])
        .sort(),
    ).toEqual([
      ['amc', 900],
      ['amo', 1900],
      ['patient', 200],
    ]);
    const record = (await api.get(`/api/patients/${patientId}/timeline`)).json();
    expect(JSON.stringify(record)).toContain(billed.number);
  });

  it('numbers invoices without gaps per organisation and year', async () => {
    const patientId = await anInsuredPatient(t.app, practice.secretary, { complementary: false });
    const refused = await api.post(
      '/api/billing/visits',
      gpVisit(patientId, { acts: [{ code: 'G', feeCents: 4000 }] }),
    );
    expect(refused.statusCode).toBe(422);
    const a = (await api.post('/api/billing/visits', gpVisit(patientId))).json();
    const b = (await api.post('/api/billing/visits', gpVisit(patientId, { date: '2025-03-11' }))).json();
    const seq = (n: string) => Number(n.split('-')[1]);
    expect(seq(b.number)).toBe(seq(a.number) + 1);
    const other = await aPractice(t, 'Autre cabinet');
    const otherPatient = await anInsuredPatient(t.app, other.secretary);
    const first = await callAs(t.app, other.secretary).post('/api/billing/visits', {
      ...gpVisit(otherPatient),
      practitionerId: other.gp,
    });
    expect(first.json().number).toBe('2025-000001');
  });

  it('refuses overbilling in sector 1, naming the field in French', async () => {
    const patientId = await anInsuredPatient(t.app, practice.secretary);
    const response = await api.post(
      '/api/billing/visits',
      gpVisit(patientId, { acts: [{ code: 'G', feeCents: 4000 }] }),
    );
    expect(response.statusCode).toBe(422);
    expect(response.json().error).toMatchObject({
      code: 'overbilling_not_allowed_in_sector_1',
      field: 'acts',
    });
    expect(response.json().error.message).toMatch(/secteur 1/i);
  });

  it('splits a sector-2 fee with overbilling and requires the quote from 70 €', async () => {
    const patientId = await anInsuredPatient(t.app, practice.secretary);
    const contract = { paysCopayment: true, overbillingShare: 10_000, overbillingCapOfBase: 10_000 };
    const visit = {
      patientId,
      practitionerId: practice.specialist,
      date: day,
      acts: [{ code: 'C', feeCents: 5000 }],
      complementaryContract: contract,
    };
    const preview = await api.post('/api/billing/visits/preview', visit);
    expect(preview.statusCode).toBe(200);
    // Base 23,00: AMO 16,10 − 2,00 = 14,10; AMC TM 6,90 + overbilling capped at 100 % BR 23,00 = 29,90.
    expect(preview.json().split).toMatchObject({
      amoCents: 1410,
      amcCents: 2990,
      patientRemainderCents: 600,
    });
    const noQuote = await api.post('/api/billing/visits', {
      ...visit,
      acts: [{ code: 'C', feeCents: 8000 }],
    });
    expect(noQuote.statusCode).toBe(422);
    expect(noQuote.json().error).toMatchObject({ code: 'quote_required', field: 'quoteGiven' });
    const withQuote = await api.post('/api/billing/visits', {
      ...visit,
      acts: [{ code: 'C', feeCents: 8000 }],
      quoteGiven: true,
    });
    expect(withQuote.statusCode).toBe(201);
  });

  it('refuses an act without a tariff on the visit date', async () => {
    const patientId = await anInsuredPatient(t.app, practice.secretary);
    const response = await api.post('/api/billing/visits', gpVisit(patientId, { date: '2010-01-04' }));
    expect(response.statusCode).toBe(422);
    expect(response.json().error).toMatchObject({ code: 'act_not_valid_on_date', field: 'acts.0.code' });
  });

  it('prints the note d’honoraires as a PDF', async () => {
    const patientId = await anInsuredPatient(t.app, practice.secretary);
    const billed = (await api.post('/api/billing/visits', gpVisit(patientId))).json();
    const response = await api.get(`/api/billing/invoices/${billed.invoiceId}/pdf`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(response.rawPayload);
    expect(text).toContain(`Note d’honoraires n° ${billed.number}`);
    expect(text).toContain('ASSURE ALICE');
    expect(text).toMatch(/Total des honoraires : 30,00 €/);
    expect(text).toContain('Consultation de médecine générale');
  });

  it('cancels an invoice by a credit note, never by deletion', async () => {
    const patientId = await anInsuredPatient(t.app, practice.secretary, { complementary: false });
    const billed = (await api.post('/api/billing/visits', gpVisit(patientId))).json();
    expect((await api.del(`/api/billing/invoices/${billed.invoiceId}`)).statusCode).toBe(409);
    const note = await api.post(`/api/billing/invoices/${billed.invoiceId}/credit-note`, {
      reason: 'Erreur de cotation',
      date: day,
    });
    expect(note.statusCode).toBe(201);
    expect(note.json()).toMatchObject({ totalCents: -3000, creditedNumber: billed.number });
    expect(Number(note.json().number.split('-')[1])).toBe(Number(billed.number.split('-')[1]) + 1);
    const again = await api.post(`/api/billing/invoices/${billed.invoiceId}/credit-note`, {
      reason: 'Encore',
      date: day,
    });
    expect(again.statusCode).toBe(409);
    const unpaid = (await api.get(`/api/billing/receivables?patientId=${patientId}`)).json();
    expect(unpaid.items).toEqual([]);
  });
});

describe('payments, cash desk and deposit slips', () => {
  it('takes partial and grouped payments and keeps an overpayment as credit', async () => {
    const patientId = await anInsuredPatient(t.app, practice.secretary, { complementary: false });
    const one = (await api.post('/api/billing/visits', gpVisit(patientId, { date: '2025-03-12' }))).json();
    const two = (await api.post('/api/billing/visits', gpVisit(patientId, { date: '2025-03-13' }))).json();
    expect(one.split.patientPaysAtDeskCents).toBe(3000);
    const partial = await api.post('/api/billing/payments', {
      date: '2025-03-13',
      amountCents: 1000,
      method: { kind: 'cash' },
      payer: { kind: 'patient', id: patientId },
    });
    expect(partial.statusCode).toBe(201);
    expect(partial.json()).toMatchObject({ creditCents: 0, allocations: [{ amountCents: 1000 }] });
    const grouped = await api.post('/api/billing/payments', {
      date: '2025-03-13',
      amountCents: 5500,
      method: { kind: 'cheque', bank: 'Banque Postale', number: '0012345', drawer: 'ASSURE ALICE' },
      payer: { kind: 'patient', id: patientId },
    });
    expect(grouped.statusCode).toBe(201);
    // 2 000 left on the first + 3 000 on the second; 500 kept as credit.
    expect(grouped.json().creditCents).toBe(500);
    expect(grouped.json().allocations.map((a: { amountCents: number }) => a.amountCents)).toEqual([
      2000, 3000,
    ]);
    const unpaid = (await api.get(`/api/billing/receivables?patientId=${patientId}`)).json();
    expect(unpaid.items).toEqual([]);
    expect(unpaid.credits).toContainEqual({ payer: { kind: 'patient', id: patientId }, creditCents: 500 });
    expect(two.number).not.toBe(one.number);
  });

  it('refuses a cheque without its drawer, naming the field', async () => {
    const patientId = await anInsuredPatient(t.app, practice.secretary, { complementary: false });
    const response = await api.post('/api/billing/payments', {
      date: day,
      amountCents: 3000,
      method: { kind: 'cheque', bank: 'BNP', number: '1' },
      payer: { kind: 'patient', id: patientId },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.field).toBe('method.drawer');
  });

  it('puts a cheque on one deposit slip only and prints the slip', async () => {
    const patientId = await anInsuredPatient(t.app, practice.secretary, { complementary: false });
    await api.post('/api/billing/visits', gpVisit(patientId, { date: '2025-03-14' }));
    const cheque = (
      await api.post('/api/billing/payments', {
        date: '2025-03-14',
        amountCents: 3000,
        method: { kind: 'cheque', bank: 'Crédit Agricole', number: '7654321', drawer: 'M. DUPONT' },
        payer: { kind: 'patient', id: patientId },
      })
    ).json();
    const undeposited = (await api.get('/api/billing/payments?method=cheque&undeposited=true')).json();
    expect(undeposited.map((p: { id: string }) => p.id)).toContain(cheque.id);
    const slipBody = {
      bank: 'Banque Postale',
      iban: 'FR76 3000 6000 0112 3456 7890 189',
      date: '2025-03-14',
      paymentIds: [cheque.id],
    };
    const slip = await api.post('/api/billing/deposit-slips', slipBody);
    expect(slip.statusCode).toBe(201);
    expect(slip.json()).toMatchObject({ count: 1, totalCents: 3000 });
    const twice = await api.post('/api/billing/deposit-slips', slipBody);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('cheque_already_deposited');
    const pdf = await api.get(`/api/billing/deposit-slips/${slip.json().id}/pdf`);
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain('M. DUPONT');
    expect(text).toContain('7654321');
    expect(text).toContain('FR76 3000 6000 0112 3456 7890 189');
    expect(text).toMatch(/Nombre de chèques : 1/);
  });

  it('closes the cash desk, requires a reason for a difference, then refuses changes to the day', async () => {
    const date = '2025-03-17';
    const patientId = await anInsuredPatient(t.app, practice.secretary, { complementary: false });
    await api.post('/api/billing/visits', gpVisit(patientId, { date }));
    expect(
      (await api.post(`/api/billing/cash-days/${date}/open`, { openingFloatCents: 5000 })).statusCode,
    ).toBe(200);
    await api.post('/api/billing/payments', {
      date,
      amountCents: 3000,
      method: { kind: 'cash' },
      payer: { kind: 'patient', id: patientId },
    });
    const view = (await api.get(`/api/billing/cash-days/${date}`)).json();
    expect(view).toMatchObject({
      openingFloatCents: 5000,
      cashPaymentsCents: 3000,
      expectedCents: 8000,
      status: 'open',
    });
    const noReason = await api.post(`/api/billing/cash-days/${date}/close`, { countedCents: 7900 });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().error).toMatchObject({ code: 'cash_difference_reason_required', field: 'reason' });
    const closed = await api.post(`/api/billing/cash-days/${date}/close`, {
      countedCents: 7900,
      reason: 'Rendu de monnaie',
    });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({
      status: 'closed',
      differenceCents: -100,
      reason: 'Rendu de monnaie',
    });
    const late = await api.post('/api/billing/payments', {
      date,
      amountCents: 100,
      method: { kind: 'cash' },
      payer: { kind: 'patient', id: patientId },
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('day_closed');
    expect(
      (await api.post(`/api/billing/cash-days/${date}/close`, { countedCents: 7900, reason: 'x' }))
        .statusCode,
    ).toBe(409);
    // The next day opens with the cash counted.
    expect((await api.get('/api/billing/cash-days/2025-03-18')).json().openingFloatCents).toBe(7900);
  });
});

describe('claims to insurers', () => {
  it('sends claims in batches through the file adapter and reconciles a remittance once', async () => {
    const patientId = await anInsuredPatient(t.app, practice.secretary);
    const billed = (await api.post('/api/billing/visits', gpVisit(patientId, { date: '2025-03-19' }))).json();
    expect(billed.claimId).toBeTruthy();
    const sent = await api.post('/api/billing/claim-batches');
    expect(sent.statusCode).toBe(201);
    const batch = sent.json().batches.find((b: { destination: string }) => b.destination === '01751');
    const outbox = join(t.config.dataDir, 'claims', 'outbox');
    expect(readdirSync(outbox)).toContain(batch.fileName);
    const parsed = parseClaimBatchFile(readFileSync(join(outbox, batch.fileName), 'utf8'));
    expect(parsed.claims.map((c) => c.number)).toContain(billed.number);
    expect((await api.post('/api/billing/claim-batches')).json().error.code).toBe('no_pending_claims');

    const remittance = [
      'RET;R-2025-001;amo;01751;2025-03-25',
      `ARL;${batch.number};OK`,
      `PAY;${billed.number};1900;2025-03-25;VIR-CPAM-1`,
      'END;2',
    ].join('\n');
    const first = await api.post('/api/billing/remittances', { fileName: 'retour.txt', content: remittance });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ alreadyImported: false, payments: 1, paidCents: 1900 });
    const again = await api.post('/api/billing/remittances', { fileName: 'retour.txt', content: remittance });
    expect(again.json()).toMatchObject({ alreadyImported: true });
    const unpaid = (await api.get(`/api/billing/receivables?patientId=${patientId}&debtorKind=amo`)).json();
    expect(unpaid.items).toEqual([]);
    const amoPayments = (await api.get('/api/billing/payments?from=2025-03-25&to=2025-03-25')).json();
    expect(amoPayments.filter((p: { payer: { kind: string } }) => p.payer.kind === 'amo')).toHaveLength(1);
    const claims = (await api.get('/api/billing/claims?status=paid')).json();
    expect(claims.map((c: { number: string }) => c.number)).toContain(billed.number);
  });

  it('lists rejected claims with their reason', async () => {
    const patientId = await anInsuredPatient(t.app, practice.secretary);
    const billed = (await api.post('/api/billing/visits', gpVisit(patientId, { date: '2025-03-20' }))).json();
    await api.post('/api/billing/claim-batches');
    const content = [
      'RET;R-2025-002;amo;01751;2025-03-26',
      `REJ;${billed.number};B12;Droits non ouverts`,
      'END;1',
    ].join('\n');
    expect((await api.post('/api/billing/remittances', { fileName: 'r2.txt', content })).statusCode).toBe(
      200,
    );
    const rejected = (await api.get('/api/billing/claims?status=rejected')).json();
    expect(rejected.find((c: { number: string }) => c.number === billed.number)).toMatchObject({
      rejection: { code: 'B12', label: 'Droits non ouverts' },
    });
  });
});

describe('reports and access', () => {
  it('reports takings by method and practitioner, and receivables ageing', async () => {
    const report = (
      await api.get('/api/billing/reports/takings?from=2025-03-01&to=2025-03-31&granularity=month')
    ).json();
    expect(report.periods[0].period).toBe('2025-03');
    expect(report.periods[0].byMethod.cheque).toBeGreaterThan(0);
    expect(report.periods[0].byPractitioner[practice.gp]).toBeGreaterThan(0);
    const ageing = (await api.get('/api/billing/reports/ageing?asOf=2025-06-30')).json();
    expect(ageing.byKind.amc['90+'] + ageing.byKind.amc['61-90']).toBeGreaterThan(0);
  });

  it('keeps organisations apart and lets only admins load a catalogue', async () => {
    const patientId = await anInsuredPatient(t.app, practice.secretary);
    const billed = (await api.post('/api/billing/visits', gpVisit(patientId, { date: '2025-03-21' }))).json();
    const other = await aPractice(t, 'Cabinet voisin');
    const outsider = callAs(t.app, other.secretary);
    expect((await outsider.get(`/api/billing/invoices/${billed.invoiceId}`)).statusCode).toBe(404);
    expect((await outsider.get(`/api/billing/invoices/${billed.invoiceId}/pdf`)).statusCode).toBe(404);
    const foreignBill = await outsider.post('/api/billing/visits', {
      ...gpVisit(patientId),
      practitionerId: other.gp,
    });
    expect(foreignBill.statusCode).toBe(404);
    const file =
      'code;kind;label;sector;amount_cents;valid_from;valid_to\nG;ngap;Consultation de médecine générale;1;3200;2026-01-01;\n';
    const body = { content: file, edition: 'test 2026', source: 'test', publishedOn: '2025-12-01' };
    expect((await api.post('/api/billing/catalogue', body)).statusCode).toBe(403);
    const loaded = await callAs(t.app, practice.admin).post('/api/billing/catalogue', body);
    expect(loaded.statusCode).toBe(200);
    const catalogue2026 = (await api.get('/api/billing/catalogue?date=2026-02-01')).json();
    const g = catalogue2026.acts.find((a: { code: string }) => a.code === 'G');
    expect(g.tariffs.find((x: { sector: string }) => x.sector === '1').amountCents).toBe(3200);
    const catalogue2025 = (await api.get('/api/billing/catalogue?date=2025-06-01')).json();
    expect(
      catalogue2025.acts
        .find((a: { code: string }) => a.code === 'G')
        .tariffs.find((x: { sector: string }) => x.sector === '1').amountCents,
    ).toBe(3000);
  });
});
