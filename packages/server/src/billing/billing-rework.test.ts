import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callAs } from '../testing/call-as.ts';
import { pdfText } from '../testing/pdf-reader.ts';
import { anInsuredPatient, aPractice } from '../testing/practice-builder.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

let t: TestApp;
let practice: Awaited<ReturnType<typeof aPractice>>;
let api: ReturnType<typeof callAs>;
let books: ReturnType<typeof callAs>;

beforeAll(async () => {
  t = await createTestApp();
  practice = await aPractice(t);
  api = callAs(t.app, practice.secretary);
  books = callAs(t.app, practice.accountant);
});
afterAll(async () => t?.close());

describe('rework of a rejected claim', () => {
  it('sends a rejected claim again, with the insured person and insurer the coverage now gives', async () => {
    const patientId = await anInsuredPatient(t.app, practice.secretary);
    const billed = (
      await api.post('/api/billing/visits', {
        patientId,
        practitionerId: practice.gp,
        date: '2025-05-05',
        acts: [{ code: 'G' }],
      })
    ).json();
    expect((await api.post('/api/billing/claim-batches')).statusCode).toBe(201);
    const notRejected = await api.post(`/api/billing/claims/${billed.claimId}/resend`);
    expect(notRejected.statusCode).toBe(409);
    expect(notRejected.json().error.code).toBe('claim_not_rejected');
    const content = [
      'RET;R-2025-050;amo;01751;2025-05-12',
      `REJ;${billed.number};B12;Droits non ouverts`,
      'END;1',
    ].join('\n');
    expect((await api.post('/api/billing/remittances', { fileName: 'r.txt', content })).statusCode).toBe(200);

    // The secretary fixes the coverage: the patient now belongs to another fund.
    const items = (await api.get(`/api/patients/${patientId}/coverage`)).json();
    const old = items.find((i: { kind: string }) => i.kind === 'mandatory');
    expect((await api.del(`/api/patients/${patientId}/coverage/${old.id}`)).statusCode).toBe(200);
    const fixed = await api.post(`/api/patients/${patientId}/coverage/mandatory`, {
      beneficiaryNir: '2 69 01 49 350 112 23',
      beneficiaryRank: 1,
      regimeCode: '01',
      caisseCode: '921',
      validFrom: '2020-01-01',
    });
    expect(fixed.statusCode).toBe(201);

    const resent = await api.post(`/api/billing/claims/${billed.claimId}/resend`);
    expect(resent.statusCode).toBe(200);
    expect(resent.json()).toMatchObject({ status: 'pending', destination: '01921' });
    const pending = (await api.get('/api/billing/claims?status=pending')).json();
    expect(pending.find((c: { id: string }) => c.id === billed.claimId)).toMatchObject({
      rejection: null,
      batchNumber: null,
    });
    const unpaid = (await api.get(`/api/billing/receivables?patientId=${patientId}&debtorKind=amo`)).json();
    expect(unpaid.items[0].debtor.id).toBe('01921');
    const batches = (await api.post('/api/billing/claim-batches')).json().batches;
    expect(batches.map((b: { destination: string }) => b.destination)).toContain('01921');
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select(['action', 'patient_id'])
      .where('entity', '=', 'claim')
      .where('entity_id', '=', billed.claimId)
      .execute();
    expect(audit).toEqual([{ action: 'resend', patient_id: patientId }]);
  });
});

describe('undoing a bank reconciliation', () => {
  it('opens the transaction and its entries again, so the right match can be made', async () => {
    const patientId = await anInsuredPatient(t.app, practice.secretary, { complementary: false });
    await api.post('/api/billing/visits', {
      patientId,
      practitionerId: practice.gp,
      date: '2025-06-02',
      acts: [{ code: 'G' }],
    });
    await api.post('/api/billing/payments', {
      date: '2025-06-02',
      amountCents: 3000,
      method: { kind: 'card' },
      payer: { kind: 'patient', id: patientId },
    });
    const imported = await books.post('/api/accounting/bank-imports', {
      format: 'csv',
      fileName: 'juin.csv',
      content: ['Date;Libellé;Débit;Crédit', '03/06/2025;CB CABINET;;30,00'].join('\n'),
    });
    expect(imported.statusCode).toBe(201);
    const open = (await books.get('/api/accounting/bank-transactions')).json();
    const line = open.transactions.find((x: { label: string }) => x.label === 'CB CABINET');
    await books.post(`/api/accounting/bank-transactions/${line.id}/reconcile`, {
      entryIds: line.proposal.entryIds,
    });
    const reconciled = (await books.get('/api/accounting/bank-transactions/reconciled')).json();
    expect(reconciled[0]).toMatchObject({ id: line.id, amountCents: 3000 });
    expect(reconciled[0].entries.map((e: { id: string }) => e.id)).toEqual(line.proposal.entryIds);

    expect((await api.del(`/api/accounting/bank-transactions/${line.id}/reconcile`)).statusCode).toBe(403);
    const undone = await books.del(`/api/accounting/bank-transactions/${line.id}/reconcile`);
    expect(undone.statusCode).toBe(200);
    expect(undone.json().entryIds).toEqual(line.proposal.entryIds);
    const again = (await books.get('/api/accounting/bank-transactions')).json();
    expect(again.transactions.find((x: { id: string }) => x.id === line.id).proposal.entryIds).toEqual(
      line.proposal.entryIds,
    );
    const journal = (await books.get('/api/accounting/journal?from=2025-06-02&to=2025-06-02')).json();
    expect(journal.every((e: { reconciled: boolean }) => !e.reconciled)).toBe(true);
    const twice = await books.del(`/api/accounting/bank-transactions/${line.id}/reconcile`);
    expect(twice.json().error.code).toBe('not_reconciled');
  });
});

describe('cash deposit slip', () => {
  it('prints a cash slip with each denomination, the count and the total', async () => {
    const made = await api.post('/api/billing/deposit-slips/cash', {
      bank: 'Banque Postale',
      iban: 'FR76 3000 6000 0112 3456 7890 189',
      date: '2025-06-10',
      denominations: { '2000': 2, '200': 3 },
    });
    expect(made.statusCode).toBe(201);
    const pdf = await api.get(`/api/billing/deposit-slips/${made.json().id}/pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain('Bordereau de remise d’espèces');
    expect(text).toMatch(/20,00 €\s+billets\s+2\s+40,00 €/);
    expect(text).toMatch(/2,00 €\s+pièces\s+3\s+6,00 €/);
    expect(text).toContain('Total : 46,00 €');
  });
});
