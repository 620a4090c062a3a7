import { DomainError } from '@pivot/core';
import {
  type ExpenseFormInput,
  expenseEntry,
  type Form2035Key,
  writeFec,
  yearlyTotals,
} from '@pivot/core/accounting';
import type { Kysely } from 'kysely';
import { auditFrom } from '../audit/index.ts';
import type { Database } from '../db/schema.ts';
import type { Actor } from '../http/request-context.ts';
import { insertExpense, insertJournalEntries, listExpenses, loadJournal } from './repository.ts';

export function journalBetween(
  db: Kysely<Database>,
  organizationId: string,
  range: { from: string; to: string },
) {
  return loadJournal(db, organizationId, range);
}

export async function totalsOfYear(db: Kysely<Database>, organizationId: string, year: number) {
  const entries = await loadJournal(db, organizationId, { from: `${year}-01-01`, to: `${year}-12-31` });
  return yearlyTotals(entries, year);
}

export async function expensesBetween(
  db: Kysely<Database>,
  organizationId: string,
  range: { from?: string; to?: string },
) {
  const rows = await listExpenses(db, organizationId, range);
  return rows.map((e) => ({
    id: e.id,
    date: e.expense_date,
    label: e.label,
    pieceRef: e.piece_ref,
    amountCents: e.amount_cents,
    category: e.category,
    professionalShare: e.professional_share,
    paymentMethod: e.payment_method,
    supplier: e.supplier,
  }));
}

/** Enters an expense and its journal entry in one transaction. */
export async function enterExpense(db: Kysely<Database>, actor: Actor, input: ExpenseFormInput) {
  return db.transaction().execute(async (tx) => {
    const id = await insertExpense(tx, actor.organizationId, input, actor.userId);
    const entry = expenseEntry({ ...input, id, category: input.category as Form2035Key });
    await insertJournalEntries(tx, actor.organizationId, [{ ...entry, expenseId: id }]);
    await auditFrom(actor)(tx, {
      action: 'create',
      entity: 'expense',
      entityId: id,
      details: { amountCents: input.amountCents, category: input.category },
    });
    return { id, privateCents: entry.privateCents, lines: entry.lines };
  });
}

/** The FEC file of a fiscal year; the export is audited. */
export async function exportFec(
  db: Kysely<Database>,
  actor: Actor,
  input: { siren: string; fiscalYearStart: string; closingDate: string },
) {
  const { siren, fiscalYearStart, closingDate } = input;
  const entries = await loadJournal(db, actor.organizationId, { from: fiscalYearStart, to: closingDate });
  if (entries.length === 0) throw new DomainError('not_found', { field: 'closingDate' });
  const fec = writeFec(entries, { siren, fiscalYearStart, closingDate });
  await db.transaction().execute((tx) =>
    auditFrom(actor)(tx, {
      action: 'export',
      entity: 'fec',
      details: { closingDate, lines: fec.records.length },
    }),
  );
  return fec;
}
