import { parisToday } from '@pivot/core/calendar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callAs } from '../testing/call-as.ts';
import { anInsuredPatient, aPractice } from '../testing/practice-builder.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

let t: TestApp;
let practice: Awaited<ReturnType<typeof aPractice>>;
let api: ReturnType<typeof callAs>;
let accountant: ReturnType<typeof callAs>;
const motifs: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  practice = await aPractice(t);
  api = callAs(t.app, practice.secretary);
  accountant = callAs(t.app, practice.accountant);
  const rows = await t.db.kysely
    .insertInto('appointment_types')
    .values(
      [
        ['Consultation', 'Consultation'],
        ['Électrocardiogramme', 'Electrocardiogram'],
      ].map(([fr, en]) => ({
        organization_id: practice.org.id,
        label: JSON.stringify({ fr, en }),
        duration_minutes: 20,
        colour: '#4c6ef5',
        eligible_practitioner_ids: [],
        room_kind: null,
        equipment_kinds: [],
        preparation_instructions: JSON.stringify({ fr: '', en: '' }),
        documents_to_bring: JSON.stringify([]),
        new_patients_allowed: true,
        bookable_online: false,
        urgent_same_day_only: false,
        active: true,
        created_at: new Date(),
        updated_at: new Date(),
      })),
    )
    .returning(['id', 'label'])
    .execute();
  for (const r of rows) motifs[(r.label as { fr: string }).fr] = r.id;
});
afterAll(async () => t?.close());

let slot = 0;
/** An appointment of the patient with the practitioner, in the past, with the status given. */
async function anAppointment(
  patientId: string,
  practitionerId: string,
  options: { motif?: string; status?: string } = {},
) {
  slot += 1;
  const startsAt = new Date(Date.UTC(2025, 2, 3, 7, 0) + slot * 3_600_000);
  const row = await t.db.kysely
    .insertInto('appointments')
    .values({
      organization_id: practice.org.id,
      patient_id: patientId,
      practitioner_id: practitionerId,
      appointment_type_id: motifs[options.motif ?? 'Consultation']!,
      site_id: null,
      room_id: null,
      starts_at: startsAt,
      ends_at: new Date(startsAt.getTime() + 20 * 60_000),
      status: options.status ?? 'seen',
      override_reason: null,
      created_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

describe('billing from the agenda', () => {
  it('prefills the bill-visit form from an appointment: patient, practitioner, today, the act its motif suggests', async () => {
    const patientId = await anInsuredPatient(t.app, practice.secretary);
    const appointmentId = await anAppointment(patientId, practice.gp);
    const response = await api.get(
      `/api/billing/visit-draft?patientId=${patientId}&practitionerId=${practice.gp}&appointmentId=${appointmentId}`,
    );
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      patient: { id: patientId, birthName: 'ASSURE' },
      practitionerId: practice.gp,
      date: parisToday(),
      appointment: { id: appointmentId, date: '2025-03-03', status: 'seen', type: { fr: 'Consultation' } },
      alreadyBilled: null,
      suggestedActs: [{ code: 'G', feeCents: 3000 }],
    });
    const ecg = await anAppointment(patientId, practice.specialist, { motif: 'Électrocardiogramme' });
    const draft = (
      await api.get(
        `/api/billing/visit-draft?patientId=${patientId}&practitionerId=${practice.specialist}&appointmentId=${ecg}`,
      )
    ).json();
    expect(draft.suggestedActs.map((a: { code: string }) => a.code)).toEqual(['DEQP003']);
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select(['action', 'patient_id'])
      .where('entity', '=', 'visit_draft')
      .where('entity_id', '=', appointmentId)
      .execute();
    expect(audit).toEqual([{ action: 'read', patient_id: patientId }]);
  });

  it('prefills without an appointment and suggests nothing', async () => {
    const patientId = await anInsuredPatient(t.app, practice.secretary);
    const draft = (
      await api.get(`/api/billing/visit-draft?patientId=${patientId}&practitionerId=${practice.gp}`)
    ).json();
    expect(draft).toMatchObject({ appointment: null, alreadyBilled: null, suggestedActs: [] });
  });

  it('refuses billing the same appointment twice with a stable 409, until a credit note cancels the first invoice', async () => {
    const patientId = await anInsuredPatient(t.app, practice.secretary);
    const appointmentId = await anAppointment(patientId, practice.gp);
    const visit = {
      patientId,
      practitionerId: practice.gp,
      date: '2025-03-03',
      appointmentId,
      acts: [{ code: 'G' }],
    };
    const first = await api.post('/api/billing/visits', visit);
    expect(first.statusCode).toBe(201);
    const visitRow = await t.db.kysely
      .selectFrom('visits')
      .select('appointment_id')
      .where('id', '=', first.json().visitId)
      .executeTakeFirstOrThrow();
    expect(visitRow.appointment_id).toBe(appointmentId);

    const second = await api.post('/api/billing/visits', visit);
    expect(second.statusCode).toBe(409);
    expect(second.json().error).toMatchObject({ code: 'appointment_already_billed', field: 'appointmentId' });
    const preview = await api.post('/api/billing/visits/preview', visit);
    expect(preview.json().error.code).toBe('appointment_already_billed');
    const draft = (
      await api.get(
        `/api/billing/visit-draft?patientId=${patientId}&practitionerId=${practice.gp}&appointmentId=${appointmentId}`,
      )
    ).json();
    expect(draft.alreadyBilled).toEqual({ id: first.json().invoiceId, number: first.json().number });

    const note = await api.post(`/api/billing/invoices/${first.json().invoiceId}/credit-note`, {
      reason: 'Mauvais acte',
      date: '2025-03-03',
    });
    expect(note.statusCode).toBe(201);
    expect((await api.post('/api/billing/visits', visit)).statusCode).toBe(201);
  });

  it('refuses two bills of one appointment sent at the same moment: one wins, the other gets the 409', async () => {
    const patientId = await anInsuredPatient(t.app, practice.secretary, { complementary: false });
    const appointmentId = await anAppointment(patientId, practice.gp);
    const visit = {
      patientId,
      practitionerId: practice.gp,
      date: '2025-03-03',
      appointmentId,
      acts: [{ code: 'G' }],
    };
    const results = await Promise.all([
      api.post('/api/billing/visits', visit),
      api.post('/api/billing/visits', visit),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
  });

  it('refuses an appointment of another patient, or one that did not take place', async () => {
    const patientId = await anInsuredPatient(t.app, practice.secretary);
    const other = await anInsuredPatient(t.app, practice.secretary);
    const theirs = await anAppointment(other, practice.gp);
    const visit = { patientId, practitionerId: practice.gp, date: '2025-03-03', acts: [{ code: 'G' }] };
    const wrong = await api.post('/api/billing/visits', { ...visit, appointmentId: theirs });
    expect(wrong.json().error).toMatchObject({ code: 'appointment_other_patient', field: 'appointmentId' });
    const missed = await anAppointment(patientId, practice.gp, { status: 'no_show' });
    const none = await api.post('/api/billing/visits', { ...visit, appointmentId: missed });
    expect(none.json().error.code).toBe('appointment_not_held');
  });
});

const cash = { kind: 'cash' };

describe('refunds', () => {
  it('refunds what was paid on an invoice cancelled by a credit note: negative receipt in the journal, less cash expected', async () => {
    const date = '2025-04-07';
    const patientId = await anInsuredPatient(t.app, practice.secretary, { complementary: false });
    const billed = (
      await api.post('/api/billing/visits', {
        patientId,
        practitionerId: practice.gp,
        date,
        acts: [{ code: 'G' }],
      })
    ).json();
    expect(billed.split.patientPaysAtDeskCents).toBe(3000);
    await api.post(`/api/billing/cash-days/${date}/open`, { openingFloatCents: 5000 });
    const paid = await api.post('/api/billing/payments', {
      date,
      amountCents: 3000,
      method: cash,
      payer: { kind: 'patient', id: patientId },
    });
    expect(paid.statusCode).toBe(201);
    expect((await api.get(`/api/billing/refunds/balances?patientId=${patientId}`)).json()).toEqual([]);

    const note = (
      await api.post(`/api/billing/invoices/${billed.invoiceId}/credit-note`, {
        reason: 'Facturé à tort',
        date,
      })
    ).json();
    const balances = (await api.get(`/api/billing/refunds/balances?patientId=${patientId}`)).json();
    expect(balances).toEqual([
      {
        payer: { kind: 'patient', id: patientId },
        payerName: 'ASSURE ALICE',
        creditCents: 0,
        paidOnCancelledCents: 3000,
        refundedCents: 0,
        refundableCents: 3000,
      },
    ]);

    const tooMuch = await api.post('/api/billing/refunds', {
      date,
      amountCents: 3001,
      method: cash,
      payer: { kind: 'patient', id: patientId },
      reason: 'Avoir',
      creditNoteId: note.id,
    });
    expect(tooMuch.statusCode).toBe(422);
    expect(tooMuch.json().error).toMatchObject({ code: 'refund_exceeds_balance', field: 'amountCents' });

    const refunded = await api.post('/api/billing/refunds', {
      date,
      amountCents: 3000,
      method: cash,
      payer: { kind: 'patient', id: patientId },
      reason: 'Avoir',
      creditNoteId: note.id,
    });
    expect(refunded.statusCode).toBe(201);
    expect(refunded.json()).toMatchObject({ amountCents: 3000, refundableCents: 0 });
    expect((await api.get(`/api/billing/refunds/balances?patientId=${patientId}`)).json()).toEqual([]);

    // The till: float 50,00 + 30,00 taken − 30,00 given back.
    const day = (await api.get(`/api/billing/cash-days/${date}`)).json();
    expect(day).toMatchObject({ cashPaymentsCents: 0, expectedCents: 5000 });

    const journal = (await accountant.get(`/api/accounting/journal?from=${date}&to=${date}`)).json();
    const entry = journal.find((e: { label: string }) => e.label.startsWith('Remboursement'));
    expect(entry).toMatchObject({
      journal: 'RE',
      amountCents: -3000,
      pieceRef: note.number,
      paymentMethod: 'cash',
    });
    expect(entry.lines).toEqual([
      expect.objectContaining({ account: '706', debitCents: 3000, creditCents: 0 }),
      expect.objectContaining({ account: '531', debitCents: 0, creditCents: 3000 }),
    ]);
    const totals = (await accountant.get('/api/accounting/totals?year=2025')).json();
    expect(totals.receiptsCents).toBeGreaterThanOrEqual(0);

    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select(['patient_id'])
      .where('entity', '=', 'refund')
      .where('entity_id', '=', refunded.json().id)
      .execute();
    expect(audit).toEqual([{ patient_id: patientId }]);
  });

  it('refunds an overpayment kept as credit by cheque; a refund never goes on a deposit slip', async () => {
    const date = '2025-04-08';
    const patientId = await anInsuredPatient(t.app, practice.secretary, { complementary: false });
    await api.post('/api/billing/visits', {
      patientId,
      practitionerId: practice.gp,
      date,
      acts: [{ code: 'G' }],
    });
    const paid = (
      await api.post('/api/billing/payments', {
        date,
        amountCents: 5000,
        method: { kind: 'card' },
        payer: { kind: 'patient', id: patientId },
      })
    ).json();
    expect(paid.creditCents).toBe(2000);
    const refunded = await api.post('/api/billing/refunds', {
      date,
      amountCents: 2000,
      method: { kind: 'cheque', bank: 'Banque Postale', number: '0001', drawer: 'Cabinet du Parc' },
      payer: { kind: 'patient', id: patientId },
      reason: 'Trop-perçu',
    });
    expect(refunded.statusCode).toBe(201);
    const cheques = (await api.get('/api/billing/payments?method=cheque&undeposited=true')).json();
    expect(cheques.map((c: { id: string }) => c.id)).not.toContain(refunded.json().id);
    const slip = await api.post('/api/billing/deposit-slips', {
      bank: 'Banque Postale',
      iban: 'FR76 3000 6000 0112 3456 7890 189',
      date,
      paymentIds: [refunded.json().id],
    });
    expect(slip.json().error.code).toBe('payment_not_depositable');
    const payments = (await api.get(`/api/billing/payments?patientId=${patientId}`)).json();
    expect(payments.find((p: { id: string }) => p.id === refunded.json().id)).toMatchObject({
      amountCents: -2000,
      refund: { reason: 'Trop-perçu', creditNoteId: null },
    });
  });

  it('refuses a refund on a closed day, and a refund to a payer owed nothing', async () => {
    const date = '2025-04-09';
    const patientId = await anInsuredPatient(t.app, practice.secretary, { complementary: false });
    const nothing = await api.post('/api/billing/refunds', {
      date,
      amountCents: 100,
      method: cash,
      payer: { kind: 'patient', id: patientId },
      reason: 'Geste commercial',
    });
    expect(nothing.json().error.code).toBe('refund_exceeds_balance');
    await api.post(`/api/billing/cash-days/${date}/close`, { countedCents: 0, reason: 'vide' });
    const closed = await api.post('/api/billing/refunds', {
      date,
      amountCents: 100,
      method: cash,
      payer: { kind: 'patient', id: patientId },
      reason: 'Geste commercial',
    });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.code).toBe('day_closed');
  });
});
