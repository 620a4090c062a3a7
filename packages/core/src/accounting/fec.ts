import type { PaymentMethodKind } from '../billing/index.ts';
import { compactDate, expandCompactDate, type IsoDate } from '../calendar/index.ts';
import { DomainError } from '../errors/domain-error.ts';
import { type Cents, formatCents, parseEuros } from '../money/index.ts';
import { isValidSiren } from '../organization/index.ts';
import { neutralizeFormula } from '../spreadsheet/index.ts';
import { form2035Line } from './form-2035.ts';
import { type JournalEntry, journals } from './journal.ts';

/** The 18 columns of the FEC, in order (LPF art. A47 A-1; billing.md § FEC). */
export const fecColumns = [
  'JournalCode',
  'JournalLib',
  'EcritureNum',
  'EcritureDate',
  'CompteNum',
  'CompteLib',
  'CompAuxNum',
  'CompAuxLib',
  'PieceRef',
  'PieceDate',
  'EcritureLib',
  'Debit',
  'Credit',
  'EcritureLet',
  'DateLet',
  'ValidDate',
  'Montantdevise',
  'Idevise',
] as const;

/** The four more columns of a BNC kept on a cash basis (A47 A-1, II). */
export const fecCashBasisColumns = ['DateRglt', 'ModeRglt', 'NatOp', 'IdClient'] as const;

export const fecBncColumns = [...fecColumns, ...fecCashBasisColumns] as const;
export type FecColumn = (typeof fecBncColumns)[number];
export type FecRecord = Record<FecColumn, string>;

const paymentModes: Record<PaymentMethodKind, string> = {
  cash: 'Espèces',
  cheque: 'Chèque',
  card: 'Carte bancaire',
  transfer: 'Virement',
};

/** `<SIREN>FEC<AAAAMMJJ of closing>.txt`. */
export function fecFileName(siren: string, closingDate: IsoDate): string {
  const compact = siren.replace(/\s/g, '');
  if (!isValidSiren(compact)) throw new DomainError('invalid_siren', { field: 'siren' });
  return `${compact}FEC${compactDate(closingDate)}.txt`;
}

/** Fields may not hold the separator or a line break: they are replaced by a space. */
function clean(value: string): string {
  return value.replace(/[\t|\r\n]+/g, ' ').trim();
}

/**
 * Accountants open the FEC in a spreadsheet: every field goes through the one formula guard of
 * exports. Amounts, dates and numbers are plain numbers, which it leaves as they are, so the file
 * stays what the FEC requires (LPF art. A47 A-1) and what parseFec and the DGFiP's test tool read.
 */
function spreadsheetSafe(record: FecRecord): FecRecord {
  return Object.fromEntries(
    Object.entries(record).map(([column, value]) => [column, neutralizeFormula(value)]),
  ) as FecRecord;
}

/**
 * One FEC record per entry line, entries numbered in one continuous sequence in date order
 * (EcritureNum), fields tab-separated, dates AAAAMMJJ, amounts with a comma decimal separator,
 * lines ended by CRLF, first line the column names.
 */
export function writeFec(
  entries: readonly JournalEntry[],
  options: {
    siren: string;
    closingDate: IsoDate;
    fiscalYearStart: IsoDate;
    validatedOn?: IsoDate | undefined;
  },
): { fileName: string; content: string; records: FecRecord[] } {
  const fileName = fecFileName(options.siren, options.closingDate);
  const inYear = entries
    .filter((e) => e.date >= options.fiscalYearStart && e.date <= options.closingDate)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const records: FecRecord[] = [];
  inYear.forEach((entry, index) => {
    const number = String(index + 1);
    for (const l of entry.lines) {
      records.push(
        spreadsheetSafe({
          JournalCode: entry.journal,
          JournalLib: journals[entry.journal],
          EcritureNum: number,
          EcritureDate: compactDate(entry.date),
          CompteNum: l.account,
          CompteLib: clean(l.accountLabel),
          CompAuxNum: clean(l.auxiliary?.number ?? ''),
          CompAuxLib: clean(l.auxiliary?.label ?? ''),
          PieceRef: clean(entry.pieceRef),
          PieceDate: compactDate(entry.pieceDate),
          EcritureLib: clean(entry.label),
          Debit: formatCents(l.debitCents),
          Credit: formatCents(l.creditCents),
          EcritureLet: '',
          DateLet: '',
          ValidDate: compactDate(options.validatedOn ?? entry.date),
          Montantdevise: '',
          Idevise: '',
          DateRglt: compactDate(entry.date),
          ModeRglt: paymentModes[entry.paymentMethod],
          NatOp: clean(form2035Line(entry.category)?.label ?? entry.category),
          IdClient: clean(entry.counterparty ?? ''),
        }),
      );
    }
  });
  const rows = [fecBncColumns.join('\t'), ...records.map((r) => fecBncColumns.map((c) => r[c]).join('\t'))];
  return { fileName, content: `${rows.join('\r\n')}\r\n`, records };
}

export interface FecProblem {
  line: number;
  code: string;
  column?: string | undefined;
}

export interface FecCheck {
  records: FecRecord[];
  problems: FecProblem[];
  totalDebitCents: Cents;
  totalCreditCents: Cents;
}

const amountPattern = /^-?\d+(,\d{1,2})?$/;

/**
 * Re-reads a FEC file and checks it: header, column count (18, or 22 for a cash-basis BNC),
 * separator (tab or `|`), dates AAAAMMJJ, comma amounts, and debit = credit per EcritureNum.
 */
export function parseFec(content: string): FecCheck {
  const lines = content.replace(/^\uFEFF/, '').split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const problems: FecProblem[] = [];
  const separator = (lines[0] ?? '').includes('\t') ? '\t' : '|';
  const header = (lines[0] ?? '').split(separator);
  const expected = header.length === fecBncColumns.length ? fecBncColumns : fecColumns;
  if (header.length !== expected.length || header.some((h, i) => h !== expected[i])) {
    return {
      records: [],
      problems: [{ line: 1, code: 'fec_header_invalid' }],
      totalDebitCents: 0,
      totalCreditCents: 0,
    };
  }
  const records: FecRecord[] = [];
  const balance = new Map<string, { debit: Cents; credit: Cents; line: number }>();
  let totalDebitCents = 0;
  let totalCreditCents = 0;
  lines.slice(1).forEach((raw, i) => {
    const lineNumber = i + 2;
    const fields = raw.split(separator);
    if (fields.length !== expected.length) {
      problems.push({ line: lineNumber, code: 'fec_column_count' });
      return;
    }
    const record = Object.fromEntries(expected.map((c, k) => [c, fields[k] ?? ''])) as FecRecord;
    for (const column of ['EcritureDate', 'PieceDate', 'ValidDate'] as const) {
      if (expandCompactDate(record[column]) === null)
        problems.push({ line: lineNumber, code: 'fec_date_invalid', column });
    }
    for (const column of ['DateLet', 'DateRglt'] as const) {
      const value = record[column] ?? '';
      if (value !== '' && expandCompactDate(value) === null)
        problems.push({ line: lineNumber, code: 'fec_date_invalid', column });
    }
    for (const column of ['JournalCode', 'EcritureNum', 'CompteNum', 'EcritureLib'] as const) {
      if (record[column].trim() === '')
        problems.push({ line: lineNumber, code: 'fec_field_missing', column });
    }
    let debit = 0;
    let credit = 0;
    for (const column of ['Debit', 'Credit'] as const) {
      if (!amountPattern.test(record[column])) {
        problems.push({ line: lineNumber, code: 'fec_amount_invalid', column });
        continue;
      }
      const cents = parseEuros(record[column], column);
      if (column === 'Debit') debit = cents;
      else credit = cents;
    }
    totalDebitCents += debit;
    totalCreditCents += credit;
    const key = `${record.JournalCode}\u0000${record.EcritureNum}`;
    const sum = balance.get(key) ?? { debit: 0, credit: 0, line: lineNumber };
    sum.debit += debit;
    sum.credit += credit;
    balance.set(key, sum);
    records.push(record);
  });
  for (const [key, sum] of balance) {
    if (sum.debit !== sum.credit) {
      problems.push({ line: sum.line, code: 'fec_entry_unbalanced', column: key.split('\u0000')[1] });
    }
  }
  return { records, problems, totalDebitCents, totalCreditCents };
}

/** Reads `<SIREN>FEC<AAAAMMJJ>.txt` back into its parts, or null. */
export function parseFecFileName(name: string): { siren: string; closingDate: IsoDate } | null {
  const match = /^(\d{9})FEC(\d{8})\.txt$/.exec(name);
  if (!match || !isValidSiren(match[1]!)) return null;
  const closingDate = expandCompactDate(match[2]!);
  return closingDate ? { siren: match[1]!, closingDate } : null;
}
