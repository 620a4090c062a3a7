/** Tables of the accounting capability: the journal, expenses, bank statements (migration 0006_billing.sql). */
import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from '../db/schema.ts';

/** A `date` column: read as `YYYY-MM-DD` (see db/connection.ts type parsers), written as text. */
type DateColumn = string;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface ExpensesTable {
  id: Generated<string>;
  organization_id: string;
  expense_date: DateColumn;
  label: string;
  piece_ref: string;
  amount_cents: number;
  category: string;
  professional_share: number;
  payment_method: 'cash' | 'cheque' | 'card' | 'transfer';
  supplier: string | null;
  created_by: string | null;
  created_at: Timestamp;
}

export interface BankImportsTable {
  id: Generated<string>;
  organization_id: string;
  format: 'csv' | 'ofx';
  file_name: string;
  file_sha256: string;
  transaction_count: number;
  imported_by: string | null;
  created_at: Timestamp;
}

export interface BankTransactionsTable {
  id: Generated<string>;
  organization_id: string;
  import_id: string;
  external_id: string;
  transaction_date: DateColumn;
  amount_cents: number;
  label: string;
  memo: string | null;
  reconciled_at: NullableTimestamp;
  reconciled_by: string | null;
}

export interface JournalEntriesTable {
  id: Generated<string>;
  organization_id: string;
  journal: 'RE' | 'DE';
  entry_date: DateColumn;
  label: string;
  piece_ref: string;
  piece_date: DateColumn;
  category: string;
  payment_method: 'cash' | 'cheque' | 'card' | 'transfer';
  amount_cents: number;
  private_cents: Generated<number>;
  counterparty: string | null;
  payment_id: string | null;
  expense_id: string | null;
  deposit_slip_id: string | null;
  bank_transaction_id: string | null;
  created_at: Timestamp;
}

export interface JournalLinesTable {
  id: Generated<string>;
  organization_id: string;
  entry_id: string;
  position: number;
  account: string;
  account_label: string;
  debit_cents: number;
  credit_cents: number;
}

/** Tables of the billing and accounting capabilities (migration 0006_billing.sql). */
export interface AccountingTables {
  expenses: ExpensesTable;
  bank_imports: BankImportsTable;
  bank_transactions: BankTransactionsTable;
  journal_entries: JournalEntriesTable;
  journal_lines: JournalLinesTable;
}
