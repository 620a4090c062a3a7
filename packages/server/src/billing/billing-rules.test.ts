import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callAs } from '../testing/call-as.ts';
import { pdfText } from '../testing/pdf-reader.ts';
import { anInsuredPatient, aPractice } from '../testing/practice-builder.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

let t: TestApp;
let practice: Awaited<ReturnType<typeof aPractice>>;
let api: ReturnType<typeof callAs>;

beforeAll(async () => {
  t = await createTestApp();
  practice = await aPractice(t);
  api = callAs(t.app, practice.secretary);
});
afterAll(async () => t?.close());

describe('coverage situations', () => {
  it('applies 100 % and mandatory third-party payment to an ALD-related act, the flat contribution still due', async () => {
    const patientId = await anInsuredPatient(t.app, practice.secretary, {
      complementary: false,
      exemption: { kind: 'ald', aldLabel: 'Diabète', startDate: '2020-01-01' },
    });
    const visit = {
      patientId,
      practitionerId: practice.gp,
      date: '2025-05-05',
      acts: [{ code: 'G', aldRelated: true }],
    };
    const billed = await api.post('/api/billing/visits', visit);
    expect(billed.statusCode).toBe(201);
    // billing.md: ALD-related act, AMO 30,00 − 2,00 = 28,00, third-party payment mandatory.
    expect(billed.json().split).toMatchObject({
      amoCents: 2800,
      flatContributionCents: 200,
      claimFromAmoCents: 2800,
      patientPaysAtDeskCents: 200,
    });
    const refused = await api.post('/api/billing/visits/preview', {
      ...visit,
      thirdPartyPayment: { amo: false, amc: false },
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({
      code: 'third_party_payment_required',
      field: 'thirdPartyPayment.amo',
    });
  });

  it('refuses an ALD-related act for a patient without an ALD exemption', async () => {
    const patientId = await anInsuredPatient(t.app, practice.secretary, { complementary: false });
    const response = await api.post('/api/billing/visits/preview', {
      patientId,
      practitionerId: practice.gp,
      date: '2025-05-05',
      acts: [{ code: 'G', aldRelated: true }],
    });
    expect(response.json().error).toMatchObject({
      code: 'ald_exemption_missing',
      field: 'acts.0.aldRelated',
    });
  });

  it('never lets a sector-2 practitioner overbill a C2S patient', async () => {
    const patientId = await anInsuredPatient(t.app, practice.secretary, {
      complementary: false,
      exemption: { kind: 'c2s', startDate: '2020-01-01' },
    });
    const response = await api.post('/api/billing/visits/preview', {
      patientId,
      practitionerId: practice.specialist,
      date: '2025-05-05',
      acts: [{ code: 'C', feeCents: 5000 }],
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.code).toBe('overbilling_not_allowed');
    const atBase = await api.post('/api/billing/visits/preview', {
      patientId,
      practitionerId: practice.specialist,
      date: '2025-05-05',
      acts: [{ code: 'C' }],
    });
    expect(atBase.json().split).toMatchObject({
      amoCents: 2300,
      flatContributionCents: 0,
      patientPaysAtDeskCents: 0,
    });
  });

  it('does not charge a child the flat contribution', async () => {
    const patientId = await anInsuredPatient(t.app, practice.secretary, { birthDate: '2015-02-02' });
    const response = await api.post('/api/billing/visits/preview', {
      patientId,
      practitionerId: practice.gp,
      date: '2025-05-05',
      acts: [{ code: 'G' }],
    });
    expect(response.json().split).toMatchObject({
      amoCents: 2100,
      amcCents: 900,
      flatContributionCents: 0,
      patientPaysAtDeskCents: 0,
    });
  });

  it('prints the quote a sector-2 fee of 70 € or more requires', async () => {
    const patientId = await anInsuredPatient(t.app, practice.secretary);
    const response = await api.post('/api/billing/visits/quote', {
      patientId,
      practitionerId: practice.specialist,
      date: '2025-05-05',
      acts: [{ code: 'C', feeCents: 8000 }],
    });
    expect(response.statusCode).toBe(200);
    const text = await pdfText(response.rawPayload);
    expect(text).toContain('Devis — information écrite préalable');
    expect(text).toContain('80,00 €');
  });
});

describe('numbering and desk', () => {
  it('keeps the invoice sequence unbroken when visits are billed at the same moment', async () => {
    const patientId = await anInsuredPatient(t.app, practice.secretary, { complementary: false });
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        api.post('/api/billing/visits', {
          patientId,
          practitionerId: practice.gp,
          date: '2026-02-02',
          acts: [{ code: 'G' }],
        }),
      ),
    );
    const numbers = results.map((r) => r.json().number as string).sort();
    expect(numbers).toEqual([
      '2026-000001',
      '2026-000002',
      '2026-000003',
      '2026-000004',
      '2026-000005',
      '2026-000006',
    ]);
  });

  it('records reminders on an unpaid amount', async () => {
    const patientId = await anInsuredPatient(t.app, practice.secretary, { complementary: false });
    await api.post('/api/billing/visits', {
      patientId,
      practitionerId: practice.gp,
      date: '2025-05-06',
      acts: [{ code: 'G' }],
    });
    const unpaid = (await api.get(`/api/billing/receivables?patientId=${patientId}`)).json();
    const reminded = await api.post(`/api/billing/receivables/${unpaid.items[0].id}/reminders`);
    expect(reminded.json().reminderCount).toBe(1);
    const after = (await api.get(`/api/billing/receivables?patientId=${patientId}`)).json();
    expect(after.items[0].reminderCount).toBe(1);
  });

  it('counts cash deposited at the bank out of the expected cash', async () => {
    const date = '2025-05-07';
    const patientId = await anInsuredPatient(t.app, practice.secretary, { complementary: false });
    await api.post('/api/billing/visits', {
      patientId,
      practitionerId: practice.gp,
      date,
      acts: [{ code: 'G' }],
    });
    await api.post(`/api/billing/cash-days/${date}/open`, { openingFloatCents: 10_000 });
    await api.post('/api/billing/payments', {
      date,
      amountCents: 3000,
      method: { kind: 'cash' },
      payer: { kind: 'patient', id: patientId },
    });
    const slip = await api.post('/api/billing/deposit-slips/cash', {
      bank: 'Banque Postale',
      iban: 'FR7630006000011234567890189',
      date,
      denominations: { '2000': 2 },
    });
    expect(slip.statusCode).toBe(201);
    expect(slip.json().totalCents).toBe(4000);
    const day = (await api.get(`/api/billing/cash-days/${date}`)).json();
    expect(day).toMatchObject({ cashPaymentsCents: 3000, cashDepositedCents: 4000, expectedCents: 9000 });
    const badIban = await api.post('/api/billing/deposit-slips/cash', {
      bank: 'X',
      iban: 'FR00 1234',
      date,
      denominations: { '2000': 1 },
    });
    expect(badIban.statusCode).toBe(422);
    expect(badIban.json().error).toMatchObject({ code: 'invalid_iban', field: 'iban' });
  });

  it('lets an accountant read billing but not a user of another organisation', async () => {
    const accountant = callAs(t.app, practice.accountant);
    expect((await accountant.get('/api/billing/invoices')).statusCode).toBe(200);
    const other = await aPractice(t, 'Cabinet tiers');
    const invoices = (await callAs(t.app, other.secretary).get('/api/billing/invoices')).json();
    expect(invoices).toEqual([]);
  });
});
