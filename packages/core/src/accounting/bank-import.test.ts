import { describe, expect, it } from 'vitest';
import type { Payment } from '../billing/index.ts';
import { parseBankCsv, parseOfx, proposeBankMatches } from './bank-import.ts';
import { expenseEntry, receiptFromPayment } from './journal.ts';

describe('bank CSV (French bank style)', () => {
  const csv = [
    'Compte courant n° 12345',
    '',
    'Date;Libellé;Débit;Crédit',
    '05/03/2026;PRLV LOYER MARS;800,00;',
    '12/03/2026;REMISE CHEQUES 0007;;80,00',
    '13/03/2026;VIR CPAM PARIS;;"1 190,00"',
    '14/03/2026;CB FOURNITURES;-12,5;',
    '31/02/2026;BAD DATE;1,00;',
    '15/03/2026;BOTH;1,00;2,00',
  ].join('\r\n');
  const { transactions, errors } = parseBankCsv(csv);

  it('reads dates dd/mm/yyyy, débit as negative and crédit as positive, comma decimals', () => {
    expect(transactions.map((t) => [t.date, t.amountCents, t.label])).toEqual([
      ['2026-03-05', -80_000, 'PRLV LOYER MARS'],
      ['2026-03-12', 8_000, 'REMISE CHEQUES 0007'],
      ['2026-03-13', 119_000, 'VIR CPAM PARIS'],
      ['2026-03-14', -1_250, 'CB FOURNITURES'],
    ]);
  });
  it('reports bad lines with their line numbers', () =>
    expect(errors).toEqual([
      { line: 8, code: 'date_invalid' },
      { line: 9, code: 'bank_amount_ambiguous' },
    ]));
  it('reports a file without the header', () =>
    expect(parseBankCsv('a;b\n1;2').errors[0]!.code).toBe('bank_csv_header_missing'));
});

describe('OFX statements', () => {
  const sgml = `OFXHEADER:100
DATA:OFXSGML
VERSION:102

<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><BANKTRANLIST>
<STMTTRN>
<TRNTYPE>DEBIT
<DTPOSTED>20260305
<TRNAMT>-800.00
<FITID>A1
<NAME>PRLV LOYER
</STMTTRN>
<STMTTRN>
<TRNTYPE>CREDIT
<DTPOSTED>20260312120000.000[+1:CET]
<TRNAMT>80,00
<FITID>A2
<NAME>REMISE CHQ
<MEMO>Bordereau 7
</STMTTRN>
</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>`;

  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<?OFX OFXHEADER="200" VERSION="220"?>
<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><BANKTRANLIST>
<STMTTRN><TRNTYPE>CREDIT</TRNTYPE><DTPOSTED>20260313</DTPOSTED><TRNAMT>1190.00</TRNAMT><FITID>B1</FITID><NAME>VIR CPAM &amp; CO</NAME></STMTTRN>
<STMTTRN><TRNTYPE>DEBIT</TRNTYPE><DTPOSTED>20260314</DTPOSTED><TRNAMT>-12.5</TRNAMT><FITID>B2</FITID><MEMO>CB FOURNITURES</MEMO></STMTTRN>
</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>`;

  it('reads OFX 1.x SGML blocks without closing tags', () => {
    expect(parseOfx(sgml)).toEqual({
      transactions: [
        { id: 'A1', date: '2026-03-05', amountCents: -80_000, label: 'PRLV LOYER', memo: undefined },
        { id: 'A2', date: '2026-03-12', amountCents: 8_000, label: 'REMISE CHQ', memo: 'Bordereau 7' },
      ],
      errors: [],
    });
  });
  it('reads OFX 2.x XML blocks, MEMO standing in for a missing NAME', () => {
    expect(parseOfx(xml).transactions.map((t) => [t.id, t.date, t.amountCents, t.label])).toEqual([
      ['B1', '2026-03-13', 119_000, 'VIR CPAM & CO'],
      ['B2', '2026-03-14', -1_250, 'CB FOURNITURES'],
    ]);
  });
  it('reports a transaction without FITID', () =>
    expect(parseOfx('<OFX><STMTTRN><DTPOSTED>20260101<TRNAMT>1.00</STMTTRN>').errors).toEqual([
      { line: 1, code: 'ofx_fitid_missing' },
    ]));
  it('reports a file that is not OFX', () => expect(parseOfx('hello').errors[0]!.code).toBe('ofx_malformed'));
});

describe('bank reconciliation proposals', () => {
  const cheque = (id: string, amountCents: number): Payment => ({
    id,
    date: '2026-03-10',
    amountCents,
    method: { kind: 'cheque', bank: 'LCL', number: id, drawer: 'X' },
    payer: { kind: 'patient', id },
  });
  const entries = [
    receiptFromPayment(cheque('c1', 3_000), { id: 'e1', label: 'a', depositSlipId: 'slip-7' }),
    receiptFromPayment(cheque('c2', 5_000), { id: 'e2', label: 'b', depositSlipId: 'slip-7' }),
    receiptFromPayment(
      { ...cheque('t1', 119_000), method: { kind: 'transfer' } },
      { id: 'e3', label: 'CPAM' },
    ),
    expenseEntry({
      id: 'x1',
      date: '2026-03-05',
      label: 'Loyer',
      pieceRef: 'Q',
      amountCents: 80_000,
      category: 'rent',
      paymentMethod: 'transfer',
    }),
    receiptFromPayment({ ...cheque('cash', 2_000), method: { kind: 'cash' } }, { id: 'e4', label: 'cash' }),
  ];
  const transactions = [
    { id: 'A1', date: '2026-03-05', amountCents: -80_000, label: 'PRLV LOYER' },
    { id: 'A2', date: '2026-03-12', amountCents: 8_000, label: 'REMISE CHQ' },
    { id: 'B1', date: '2026-03-13', amountCents: 119_000, label: 'VIR CPAM' },
    { id: 'B9', date: '2026-03-30', amountCents: 2_000, label: 'unknown' },
  ];

  it('matches equal amounts within the date window, a deposit slip as one total', () => {
    expect(proposeBankMatches(transactions, entries, { maxDaysApart: 5 })).toEqual([
      { transactionId: 'A1', entryIds: ['x1'], kind: 'entry', daysApart: 0 },
      { transactionId: 'A2', entryIds: ['e1', 'e2'], kind: 'deposit_slip', daysApart: 2 },
      { transactionId: 'B1', entryIds: ['e3'], kind: 'entry', daysApart: 3 },
    ]);
  });
  it('proposes nothing beyond the date window', () => {
    expect(
      proposeBankMatches(transactions, entries, { maxDaysApart: 2 }).map((p) => p.transactionId),
    ).toEqual(['A1', 'A2']);
  });
  it('never proposes cash-register entries for a bank line', () =>
    expect(proposeBankMatches([transactions[3]!], entries, { maxDaysApart: 60 })).toEqual([]));
  it('uses each entry once, the closest date first', () => {
    const twice = [
      { id: 'T1', date: '2026-03-15', amountCents: 119_000, label: 'x' },
      { id: 'T2', date: '2026-03-11', amountCents: 119_000, label: 'y' },
    ];
    expect(proposeBankMatches(twice, entries)).toEqual([
      { transactionId: 'T2', entryIds: ['e3'], kind: 'entry', daysApart: 1 },
    ]);
  });
});
