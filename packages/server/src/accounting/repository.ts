import type { BankTransaction, ExpenseFormInput, Form2035Key, JournalEntry } from '@pivot/core/accounting';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/** Writes journal entries (and their lines) inside the caller's transaction. */
export async function insertJournalEntries(
  tx: Kysely<Database>,
  organizationId: string,
  entries: readonly (JournalEntry & {
    paymentId?: string | null;
    expenseId?: string | null;
  })[],
): Promise<string[]> {
  if (entries.length === 0) return [];
  const rows = await tx
    .insertInto('journal_entries')
    .values(
      entries.map((e) => ({
        organization_id: organizationId,
        journal: e.journal,
        entry_date: e.date,
        label: e.label,
        piece_ref: e.pieceRef,
        piece_date: e.pieceDate,
        category: e.category,
        payment_method: e.paymentMethod,
        amount_cents: e.amountCents,
        private_cents: e.privateCents,
        counterparty: e.counterparty ?? null,
        payment_id: e.paymentId ?? null,
        expense_id: e.expenseId ?? null,
        deposit_slip_id: e.depositSlipId ?? null,
        bank_transaction_id: null,
      })),
    )
    .returning('id')
    .execute();
  const lines = entries.flatMap((e, i) =>
    e.lines.map((l, position) => ({
      organization_id: organizationId,
      entry_id: rows[i]!.id,
      position,
      account: l.account,
      account_label: l.accountLabel,
      debit_cents: l.debitCents,
      credit_cents: l.creditCents,
    })),
  );
  for (let i = 0; i < lines.length; i += 1000) {
    await tx
      .insertInto('journal_lines')
      .values(lines.slice(i, i + 1000))
      .execute();
  }
  return rows.map((r) => r.id);
}

/** The journal between two dates, in date order, as core's JournalEntry (ids are the row ids). */
export async function loadJournal(
  db: Kysely<Database>,
  organizationId: string,
  range: { from: string; to: string },
): Promise<(JournalEntry & { reconciled: boolean })[]> {
  const [entries, lines] = await Promise.all([
    db
      .selectFrom('journal_entries')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .where('entry_date', '>=', range.from)
      .where('entry_date', '<=', range.to)
      .orderBy('entry_date')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('journal_lines')
      .innerJoin('journal_entries', 'journal_entries.id', 'journal_lines.entry_id')
      .select([
        'journal_lines.entry_id',
        'journal_lines.position',
        'journal_lines.account',
        'journal_lines.account_label',
        'journal_lines.debit_cents',
        'journal_lines.credit_cents',
      ])
      .where('journal_entries.organization_id', '=', organizationId)
      .where('journal_entries.entry_date', '>=', range.from)
      .where('journal_entries.entry_date', '<=', range.to)
      .orderBy('journal_lines.entry_id')
      .orderBy('journal_lines.position')
      .execute(),
  ]);
  const byEntry = new Map<string, JournalEntry['lines']>();
  for (const l of lines) {
    const list = byEntry.get(l.entry_id) ?? [];
    list.push({
      account: l.account,
      accountLabel: l.account_label,
      debitCents: l.debit_cents,
      creditCents: l.credit_cents,
    });
    byEntry.set(l.entry_id, list);
  }
  return entries.map((e) => ({
    id: e.id,
    journal: e.journal,
    date: e.entry_date,
    label: e.label,
    pieceRef: e.piece_ref,
    pieceDate: e.piece_date,
    category: e.category as Form2035Key,
    paymentMethod: e.payment_method,
    amountCents: e.amount_cents,
    privateCents: e.private_cents,
    counterparty: e.counterparty ?? undefined,
    depositSlipId: e.deposit_slip_id ?? undefined,
    lines: byEntry.get(e.id) ?? [],
    reconciled: e.bank_transaction_id !== null,
  }));
}

/** Expenses entered between two optional dates, newest first (at most 500). */
export async function listExpenses(
  db: Kysely<Database>,
  organizationId: string,
  range: { from?: string; to?: string },
) {
  let q = db.selectFrom('expenses').selectAll().where('organization_id', '=', organizationId);
  if (range.from) q = q.where('expense_date', '>=', range.from);
  if (range.to) q = q.where('expense_date', '<=', range.to);
  return q.orderBy('expense_date', 'desc').limit(500).execute();
}

export async function insertExpense(
  tx: Kysely<Database>,
  organizationId: string,
  input: ExpenseFormInput,
  createdBy: string,
): Promise<string> {
  const row = await tx
    .insertInto('expenses')
    .values({
      organization_id: organizationId,
      expense_date: input.date,
      label: input.label,
      piece_ref: input.pieceRef,
      amount_cents: input.amountCents,
      category: input.category,
      professional_share: input.professionalShare,
      payment_method: input.paymentMethod,
      supplier: input.supplier ?? null,
      created_by: createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

// --- bank statements and reconciliation ------------------------------------------------------

/** The import of the file with this SHA-256, if the organization already imported it. */
export async function findBankImport(tx: Kysely<Database>, organizationId: string, fileSha256: string) {
  return tx
    .selectFrom('bank_imports')
    .select(['id', 'transaction_count'])
    .where('organization_id', '=', organizationId)
    .where('file_sha256', '=', fileSha256)
    .executeTakeFirst();
}

/** Records an imported bank statement; returns its id. */
export async function insertBankImport(
  tx: Kysely<Database>,
  organizationId: string,
  bankImport: {
    format: 'csv' | 'ofx';
    fileName: string;
    fileSha256: string;
    transactionCount: number;
    importedBy: string;
  },
): Promise<string> {
  const row = await tx
    .insertInto('bank_imports')
    .values({
      organization_id: organizationId,
      format: bankImport.format,
      file_name: bankImport.fileName,
      file_sha256: bankImport.fileSha256,
      transaction_count: bankImport.transactionCount,
      imported_by: bankImport.importedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Writes the transactions of an import; one already there (same external id) is skipped. */
export async function insertBankTransactions(
  tx: Kysely<Database>,
  organizationId: string,
  importId: string,
  transactions: readonly BankTransaction[],
) {
  await tx
    .insertInto('bank_transactions')
    .values(
      transactions.map((t) => ({
        organization_id: organizationId,
        import_id: importId,
        external_id: t.id,
        transaction_date: t.date,
        amount_cents: t.amountCents,
        label: t.label,
        memo: t.memo ?? null,
      })),
    )
    .onConflict((oc) => oc.columns(['import_id', 'external_id']).doNothing())
    .execute();
}

/** The bank transactions not reconciled yet, in date order. */
export async function listUnreconciledBankTransactions(db: Kysely<Database>, organizationId: string) {
  return db
    .selectFrom('bank_transactions')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('reconciled_at', 'is', null)
    .orderBy('transaction_date')
    .execute();
}

/** A bank transaction of the organization, locked for the caller's transaction; undefined if none. */
export async function findBankTransactionForUpdate(
  tx: Kysely<Database>,
  organizationId: string,
  transactionId: string,
) {
  return tx
    .selectFrom('bank_transactions')
    .selectAll()
    .where('id', '=', transactionId)
    .where('organization_id', '=', organizationId)
    .forUpdate()
    .executeTakeFirst();
}

/** The organization's journal entries among these ids (amount, settling transaction), locked. */
export async function lockJournalEntries(tx: Kysely<Database>, organizationId: string, entryIds: string[]) {
  return tx
    .selectFrom('journal_entries')
    .select(['id', 'amount_cents', 'bank_transaction_id'])
    .where('organization_id', '=', organizationId)
    .where('id', 'in', entryIds)
    .forUpdate()
    .execute();
}

/** Marks the journal entries (already locked and checked by the caller) settled by a bank transaction. */
export async function settleJournalEntries(tx: Kysely<Database>, transactionId: string, entryIds: string[]) {
  await tx
    .updateTable('journal_entries')
    .set({ bank_transaction_id: transactionId })
    .where('id', 'in', entryIds)
    .execute();
}

/** Marks a bank transaction (already locked by the caller) reconciled now by this user. */
export async function markBankTransactionReconciled(
  tx: Kysely<Database>,
  transactionId: string,
  reconciledBy: string,
) {
  await tx
    .updateTable('bank_transactions')
    .set({ reconciled_at: new Date(), reconciled_by: reconciledBy })
    .where('id', '=', transactionId)
    .execute();
}

/** The 100 bank transactions reconciled last, newest first. */
export async function listReconciledBankTransactions(db: Kysely<Database>, organizationId: string) {
  return db
    .selectFrom('bank_transactions')
    .select(['id', 'transaction_date', 'amount_cents', 'label', 'reconciled_at'])
    .where('organization_id', '=', organizationId)
    .where('reconciled_at', 'is not', null)
    .orderBy('reconciled_at', 'desc')
    .limit(100)
    .execute();
}

/** The journal entries settled by these bank transactions (the list must not be empty). */
export async function listJournalEntriesSettledBy(
  db: Kysely<Database>,
  organizationId: string,
  transactionIds: string[],
) {
  return db
    .selectFrom('journal_entries')
    .select(['id', 'bank_transaction_id', 'entry_date', 'label', 'piece_ref', 'amount_cents'])
    .where('organization_id', '=', organizationId)
    .where('bank_transaction_id', 'in', transactionIds)
    .execute();
}

/** A bank transaction's reconciliation state and amount, locked; undefined if not the organization's. */
export async function findBankReconciliationForUpdate(
  tx: Kysely<Database>,
  organizationId: string,
  transactionId: string,
) {
  return tx
    .selectFrom('bank_transactions')
    .select(['id', 'reconciled_at', 'amount_cents'])
    .where('id', '=', transactionId)
    .where('organization_id', '=', organizationId)
    .forUpdate()
    .executeTakeFirst();
}

/** Opens again the journal entries a bank transaction settled; returns their ids. */
export async function releaseJournalEntries(
  tx: Kysely<Database>,
  organizationId: string,
  transactionId: string,
) {
  return tx
    .updateTable('journal_entries')
    .set({ bank_transaction_id: null })
    .where('organization_id', '=', organizationId)
    .where('bank_transaction_id', '=', transactionId)
    .returning('id')
    .execute();
}

/** Clears a bank transaction's reconciliation (the row is locked by the caller). */
export async function clearBankReconciliation(tx: Kysely<Database>, transactionId: string) {
  await tx
    .updateTable('bank_transactions')
    .set({ reconciled_at: null, reconciled_by: null })
    .where('id', '=', transactionId)
    .execute();
}

/** Marks the receipts booked for the payments as deposited on a slip. */
export async function markReceiptsDeposited(tx: Kysely<Database>, slipId: string, paymentIds: string[]) {
  await tx
    .updateTable('journal_entries')
    .set({ deposit_slip_id: slipId })
    .where('payment_id', 'in', paymentIds)
    .execute();
}
