import { createHash } from 'node:crypto';
import { DomainError } from '@pivot/core';
import { type BankImport, parseBankCsv, parseOfx, proposeBankMatches } from '@pivot/core/accounting';
import type { Kysely } from 'kysely';
import { auditFrom } from '../audit/index.ts';
import type { Database } from '../db/schema.ts';
import type { Actor } from '../http/request-context.ts';
import {
  clearBankReconciliation,
  findBankImport,
  findBankReconciliationForUpdate,
  findBankTransactionForUpdate,
  insertBankImport,
  insertBankTransactions,
  listJournalEntriesSettledBy,
  listReconciledBankTransactions,
  listUnreconciledBankTransactions,
  loadJournal,
  lockJournalEntries,
  markBankTransactionReconciled,
  releaseJournalEntries,
  settleJournalEntries,
} from './repository.ts';

/** Imports a bank statement (CSV or OFX); the same file twice changes nothing. */
export async function importBankStatement(
  db: Kysely<Database>,
  actor: Actor,
  input: { format: 'csv' | 'ofx'; fileName: string; content: string },
) {
  const parsed: BankImport = input.format === 'csv' ? parseBankCsv(input.content) : parseOfx(input.content);
  if (parsed.transactions.length === 0 && parsed.errors.length > 0) {
    const first = parsed.errors[0]!;
    throw new DomainError(first.code, {
      field: 'content',
      params: { line: first.line },
      details: { errors: parsed.errors },
    });
  }
  const sha = createHash('sha256').update(input.content).digest('hex');
  return db.transaction().execute(async (tx) => {
    const existing = await findBankImport(tx, actor.organizationId, sha);
    if (existing)
      return { id: existing.id, alreadyImported: true, transactions: existing.transaction_count, errors: [] };
    const importId = await insertBankImport(tx, actor.organizationId, {
      format: input.format,
      fileName: input.fileName,
      fileSha256: sha,
      transactionCount: parsed.transactions.length,
      importedBy: actor.userId,
    });
    if (parsed.transactions.length > 0) {
      await insertBankTransactions(tx, actor.organizationId, importId, parsed.transactions);
    }
    await auditFrom(actor)(tx, {
      action: 'import',
      entity: 'bank_statement',
      entityId: importId,
      details: {
        format: input.format,
        transactions: parsed.transactions.length,
        errors: parsed.errors.length,
      },
    });
    return {
      id: importId,
      alreadyImported: false,
      transactions: parsed.transactions.length,
      errors: parsed.errors,
    };
  });
}

/** Unreconciled bank transactions with the journal entries proposed for each (same amount, close dates). */
export async function reconciliationProposals(
  db: Kysely<Database>,
  organizationId: string,
  options: { maxDaysApart: number },
) {
  const transactions = await listUnreconciledBankTransactions(db, organizationId);
  if (transactions.length === 0) return { transactions: [], proposals: [] };
  const dates = transactions.map((t) => t.transaction_date).sort();
  const from = shift(dates[0]!, -(options.maxDaysApart + 31));
  const to = shift(dates.at(-1)!, options.maxDaysApart);
  const journal = (await loadJournal(db, organizationId, { from, to })).filter((e) => !e.reconciled);
  const proposals = proposeBankMatches(
    transactions.map((t) => ({
      id: t.id,
      date: t.transaction_date,
      amountCents: t.amount_cents,
      label: t.label,
    })),
    journal,
    { maxDaysApart: options.maxDaysApart },
  );
  return {
    transactions: transactions.map((t) => ({
      id: t.id,
      date: t.transaction_date,
      amountCents: t.amount_cents,
      label: t.label,
      proposal: proposals.find((p) => p.transactionId === t.id) ?? null,
    })),
    proposals,
  };
}

function shift(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Confirms that a bank transaction settles the given journal entries (their total must match). */
export async function reconcile(
  db: Kysely<Database>,
  actor: Actor,
  transactionId: string,
  entryIds: string[],
) {
  return db.transaction().execute(async (tx) => {
    const transaction = await findBankTransactionForUpdate(tx, actor.organizationId, transactionId);
    if (!transaction) throw new DomainError('not_found');
    if (transaction.reconciled_at) throw new DomainError('already_reconciled', { field: 'transactionId' });
    const entries = await lockJournalEntries(tx, actor.organizationId, entryIds);
    if (entries.length !== entryIds.length) throw new DomainError('not_found', { field: 'entryIds' });
    if (entries.some((e) => e.bank_transaction_id !== null))
      throw new DomainError('already_reconciled', { field: 'entryIds' });
    const total = entries.reduce((s, e) => s + e.amount_cents, 0);
    if (total !== transaction.amount_cents)
      throw new DomainError('reconciliation_amount_mismatch', { field: 'entryIds' });
    await settleJournalEntries(tx, transactionId, entryIds);
    await markBankTransactionReconciled(tx, transactionId, actor.userId);
    await auditFrom(actor)(tx, {
      action: 'reconcile',
      entity: 'bank_transaction',
      entityId: transactionId,
      details: { entries: entryIds.length, amountCents: total },
    });
    return { transactionId, entryIds, amountCents: total };
  });
}

/** Bank transactions already reconciled, newest first, with the entries they settle (to undo a mistake). */
export async function reconciledTransactions(db: Kysely<Database>, organizationId: string) {
  const transactions = await listReconciledBankTransactions(db, organizationId);
  const entries =
    transactions.length === 0
      ? []
      : await listJournalEntriesSettledBy(
          db,
          organizationId,
          transactions.map((t) => t.id),
        );
  return transactions.map((t) => ({
    id: t.id,
    date: t.transaction_date,
    amountCents: t.amount_cents,
    label: t.label,
    reconciledAt: t.reconciled_at,
    entries: entries
      .filter((e) => e.bank_transaction_id === t.id)
      .map((e) => ({
        id: e.id,
        date: e.entry_date,
        label: e.label,
        pieceRef: e.piece_ref,
        amountCents: e.amount_cents,
      })),
  }));
}

/** Undoes a reconciliation: the transaction and its entries are open again for the right match. */
export async function undoReconciliation(db: Kysely<Database>, actor: Actor, transactionId: string) {
  return db.transaction().execute(async (tx) => {
    const transaction = await findBankReconciliationForUpdate(tx, actor.organizationId, transactionId);
    if (!transaction) throw new DomainError('not_found');
    if (!transaction.reconciled_at) throw new DomainError('not_reconciled', { field: 'transactionId' });
    const released = await releaseJournalEntries(tx, actor.organizationId, transactionId);
    await clearBankReconciliation(tx, transactionId);
    await auditFrom(actor)(tx, {
      action: 'unreconcile',
      entity: 'bank_transaction',
      entityId: transactionId,
      details: { entries: released.length, amountCents: transaction.amount_cents },
    });
    return { transactionId, entryIds: released.map((r) => r.id) };
  });
}
