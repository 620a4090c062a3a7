import { daysBetween, expandCompactDate, type IsoDate, parseFrenchDate } from '../calendar/index.ts';
import { DomainError } from '../errors/domain-error.ts';
import { type Cents, parseEuros } from '../money/index.ts';
import type { JournalEntry } from './journal.ts';

export interface BankTransaction {
  id: string;
  date: IsoDate;
  /** Signed: positive for a credit to the account, negative for a debit. */
  amountCents: Cents;
  label: string;
  memo?: string | undefined;
}

export interface BankImport {
  transactions: BankTransaction[];
  errors: { line: number; code: string }[];
}

function normalise(header: string): string {
  return header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase();
}

/**
 * French bank CSV export: `;`-separated, a header naming `date`, `libellé`, `débit`, `crédit`
 * (accents and case ignored; extra columns and preamble lines before the header are skipped),
 * dates dd/mm/yyyy, amounts with a comma decimal. A debit may be written with or without a minus.
 * Transaction ids are `csv-<line>` since CSV exports carry no bank id.
 */
export function parseBankCsv(text: string): BankImport {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const headerIndex = lines.findIndex((l) => {
    const cells = l.split(';').map(normalise);
    return (
      cells.includes('date') &&
      cells.some((c) => c.startsWith('libelle')) &&
      cells.includes('debit') &&
      cells.includes('credit')
    );
  });
  if (headerIndex === -1) return { transactions: [], errors: [{ line: 1, code: 'bank_csv_header_missing' }] };
  const header = lines[headerIndex]!.split(';').map(normalise);
  const col = {
    date: header.indexOf('date'),
    label: header.findIndex((c) => c.startsWith('libelle')),
    debit: header.indexOf('debit'),
    credit: header.indexOf('credit'),
  };
  const transactions: BankTransaction[] = [];
  const errors: BankImport['errors'] = [];
  for (const [i, raw] of lines.slice(headerIndex + 1).entries()) {
    const line = headerIndex + i + 2;
    if (raw.trim() === '') continue;
    const cells = raw.split(';').map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
    const date = parseFrenchDate(cells[col.date] ?? '');
    if (!date) {
      errors.push({ line, code: 'date_invalid' });
      continue;
    }
    const debitText = cells[col.debit] ?? '';
    const creditText = cells[col.credit] ?? '';
    try {
      const debit = debitText === '' ? 0 : Math.abs(parseEuros(debitText));
      const credit = creditText === '' ? 0 : Math.abs(parseEuros(creditText));
      if ((debit === 0) === (credit === 0)) errors.push({ line, code: 'bank_amount_ambiguous' });
      else
        transactions.push({
          id: `csv-${line}`,
          date,
          amountCents: credit - debit,
          label: cells[col.label] ?? '',
        });
    } catch {
      errors.push({ line, code: 'amount_malformed' });
    }
  }
  return { transactions, errors };
}

function ofxField(block: string, name: string): string | undefined {
  // OFX 1.x (SGML) may omit closing tags: the value runs to the next tag or line end.
  const match = new RegExp(`<${name}>([^<\\r\\n]*)`, 'i').exec(block);
  return match?.[1]?.trim();
}

function decodeEntities(value: string): string {
  return value
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** OFX 1.x (SGML) and 2.x (XML) statements: each `<STMTTRN>` block with DTPOSTED, TRNAMT, FITID, NAME/MEMO. */
export function parseOfx(text: string): BankImport {
  const transactions: BankTransaction[] = [];
  const errors: BankImport['errors'] = [];
  const blocks = text.split(/<STMTTRN>/i).slice(1);
  if (blocks.length === 0 && !/<OFX>/i.test(text))
    return { transactions, errors: [{ line: 1, code: 'ofx_malformed' }] };
  for (const [i, rawBlock] of blocks.entries()) {
    const block = rawBlock.split(/<\/STMTTRN>/i)[0] ?? '';
    const index = i + 1;
    const date = expandCompactDate((ofxField(block, 'DTPOSTED') ?? '').slice(0, 8));
    const amountText = ofxField(block, 'TRNAMT');
    const fitid = ofxField(block, 'FITID');
    if (!date) {
      errors.push({ line: index, code: 'date_invalid' });
      continue;
    }
    if (!fitid) {
      errors.push({ line: index, code: 'ofx_fitid_missing' });
      continue;
    }
    let amount: Cents;
    try {
      amount = parseEuros(amountText ?? '');
    } catch {
      errors.push({ line: index, code: 'amount_malformed' });
      continue;
    }
    const name = decodeEntities(ofxField(block, 'NAME') ?? '');
    const memo = decodeEntities(ofxField(block, 'MEMO') ?? '');
    transactions.push({ id: fitid, date, amountCents: amount, label: name || memo, memo: memo || undefined });
  }
  return { transactions, errors };
}

export interface MatchProposal {
  transactionId: string;
  entryIds: string[];
  kind: 'entry' | 'deposit_slip';
  daysApart: number;
}

interface Candidate {
  ids: string[];
  kind: MatchProposal['kind'];
  date: IsoDate;
  amountCents: Cents;
}

/**
 * Proposes matches between bank transactions and journal entries on the bank account: same amount,
 * dates at most `maxDaysApart` apart. Entries of one deposit slip are matched as one total (the bank
 * credits the slip, not each cheque). Each transaction and entry is used once, closest dates first.
 */
export function proposeBankMatches(
  transactions: readonly BankTransaction[],
  entries: readonly JournalEntry[],
  options: { maxDaysApart?: number; bankAccount?: string } = {},
): MatchProposal[] {
  const maxDays = options.maxDaysApart ?? 5;
  if (!Number.isInteger(maxDays) || maxDays < 0)
    throw new DomainError('days_invalid', { field: 'maxDaysApart' });
  const bank = options.bankAccount ?? '512';
  const onBank = entries.filter((e) => e.lines.some((l) => l.account === bank));
  const candidates: Candidate[] = [];
  const slips = new Map<string, JournalEntry[]>();
  for (const e of onBank) {
    if (e.depositSlipId) slips.set(e.depositSlipId, [...(slips.get(e.depositSlipId) ?? []), e]);
    else candidates.push({ ids: [e.id], kind: 'entry', date: e.date, amountCents: e.amountCents });
  }
  for (const slipEntries of slips.values()) {
    candidates.push({
      ids: slipEntries.map((e) => e.id),
      kind: 'deposit_slip',
      date: slipEntries
        .map((e) => e.date)
        .sort()
        .at(-1)!,
      amountCents: slipEntries.reduce((s, e) => s + e.amountCents, 0),
    });
  }
  // Candidates by amount: a month-end statement has thousands of lines against thousands of entries.
  const byAmount = new Map<number, Candidate[]>();
  for (const c of candidates) byAmount.set(c.amountCents, [...(byAmount.get(c.amountCents) ?? []), c]);
  const pairs: { t: BankTransaction; c: Candidate; days: number }[] = [];
  for (const t of transactions) {
    for (const c of byAmount.get(t.amountCents) ?? []) {
      const days = Math.abs(daysBetween(c.date, t.date));
      if (days <= maxDays) pairs.push({ t, c, days });
    }
  }
  pairs.sort((a, b) => a.days - b.days || (a.t.date < b.t.date ? -1 : a.t.date > b.t.date ? 1 : 0));
  const usedTransactions = new Set<string>();
  const usedCandidates = new Set<Candidate>();
  const proposals: MatchProposal[] = [];
  for (const { t, c, days } of pairs) {
    if (usedTransactions.has(t.id) || usedCandidates.has(c)) continue;
    usedTransactions.add(t.id);
    usedCandidates.add(c);
    proposals.push({ transactionId: t.id, entryIds: c.ids, kind: c.kind, daysApart: days });
  }
  return proposals;
}
