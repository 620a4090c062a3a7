import type { ColumnType, Generated } from 'kysely';
import type { Json, Timestamp } from '../db/schema.ts';

/** A `date` column: read as `YYYY-MM-DD` (see db/connection.ts type parsers), written as text. */
type DateColumn = string;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface BillingCatalogueEditionsTable {
  id: Generated<string>;
  organization_id: string;
  edition: string;
  source: string;
  published_on: DateColumn;
  loaded_by: string | null;
  created_at: Timestamp;
}

export interface BillingActsTable {
  id: Generated<string>;
  organization_id: string;
  code: string;
  kind: 'ngap' | 'ccam';
  label: string;
  activity: number | null;
  phase: number | null;
}

export interface BillingTariffsTable {
  id: Generated<string>;
  organization_id: string;
  code: string;
  kind: 'ngap' | 'ccam';
  sector: string;
  amount_cents: number;
  valid_from: DateColumn;
  valid_to: DateColumn | null;
  activity: number | null;
  specialty: string | null;
  source: string;
}

export interface InvoiceCountersTable {
  organization_id: string;
  year: number;
  last_sequence: Generated<number>;
}

export interface VisitsTable {
  id: Generated<string>;
  organization_id: string;
  patient_id: string;
  practitioner_id: string;
  appointment_id: string | null;
  visit_date: DateColumn;
  sector: string;
  care_pathway: string;
  third_party_amo: Generated<boolean>;
  third_party_amc: Generated<boolean>;
  quote_given: Generated<boolean>;
  patient_demand: Generated<boolean>;
  vitale_card: Generated<boolean>;
  fee_cents: number;
  flat_contribution_cents: Generated<number>;
  split: Json<Record<string, unknown>>;
  status: Generated<string>;
  created_by: string | null;
  version: Generated<number>;
  created_at: Timestamp;
}

export interface InvoicesTable {
  id: Generated<string>;
  organization_id: string;
  patient_id: string;
  visit_id: string | null;
  practitioner_id: string;
  number: string;
  year: number;
  sequence: number;
  kind: 'invoice' | 'credit_note';
  issued_on: DateColumn;
  credited_invoice_id: string | null;
  reason: string | null;
  total_cents: number;
  amo_cents: Generated<number>;
  amc_cents: Generated<number>;
  patient_cents: Generated<number>;
  created_by: string | null;
  created_at: Timestamp;
}

export interface InvoiceLinesTable {
  id: Generated<string>;
  organization_id: string;
  invoice_id: string;
  position: number;
  act_code: string;
  label: string;
  coefficient: number | string | null;
  fee_cents: number;
  base_cents: number;
  amo_cents: number;
  amc_cents: number;
  patient_cents: number;
}

export interface ClaimBatchesTable {
  id: Generated<string>;
  organization_id: string;
  number: string;
  destination: string;
  created_on: DateColumn;
  claim_count: number;
  total_fee_cents: number;
  total_amo_cents: number;
  adapter: string;
  file_name: string;
  status: Generated<string>;
  rejection_code: string | null;
  created_by: string | null;
  created_at: Timestamp;
}

export interface ClaimsTable {
  id: Generated<string>;
  organization_id: string;
  patient_id: string;
  visit_id: string;
  number: string;
  destination: string;
  claim_date: DateColumn;
  fee_cents: number;
  amo_cents: number;
  amc_cents: number;
  data: Json<Record<string, unknown>>;
  batch_id: string | null;
  status: Generated<string>;
  rejection_code: string | null;
  rejection_label: string | null;
  created_at: Timestamp;
}

export interface ReceivablesTable {
  id: Generated<string>;
  organization_id: string;
  patient_id: string;
  invoice_id: string;
  claim_id: string | null;
  practitioner_id: string;
  debtor_kind: 'patient' | 'amo' | 'amc';
  debtor_id: string;
  due_date: DateColumn;
  amount_cents: number;
  paid_cents: Generated<number>;
  status: Generated<string>;
  reminder_count: Generated<number>;
  last_reminder_on: DateColumn | null;
  version: Generated<number>;
}

export interface DepositSlipsTable {
  id: Generated<string>;
  organization_id: string;
  number: string;
  kind: 'cheque' | 'cash';
  bank: string;
  iban: string;
  slip_date: DateColumn;
  item_count: number;
  total_cents: number;
  denominations: Json<Record<string, number>>;
  created_by: string | null;
  created_at: Timestamp;
}

export interface RemittanceImportsTable {
  id: Generated<string>;
  organization_id: string;
  return_id: string;
  file_name: string;
  file_sha256: string;
  insurer_kind: 'amo' | 'amc';
  insurer_id: string;
  return_date: DateColumn;
  summary: Json<Record<string, unknown>>;
  imported_by: string | null;
  created_at: Timestamp;
}

export interface PaymentsTable {
  id: Generated<string>;
  organization_id: string;
  patient_id: string | null;
  payer_kind: 'patient' | 'amo' | 'amc';
  payer_id: string;
  payment_date: DateColumn;
  amount_cents: number;
  method: 'cash' | 'cheque' | 'card' | 'transfer';
  cheque_bank: string | null;
  cheque_number: string | null;
  cheque_drawer: string | null;
  reference: string | null;
  practitioner_id: string | null;
  credit_cents: Generated<number>;
  deposit_slip_id: string | null;
  remittance_import_id: string | null;
  /** Refunds (negative amounts): why, and the credit note they follow. */
  reason: Generated<string | null>;
  credit_note_id: Generated<string | null>;
  created_by: string | null;
  created_at: Timestamp;
}

export interface PaymentAllocationsTable {
  id: Generated<string>;
  organization_id: string;
  payment_id: string;
  receivable_id: string;
  amount_cents: number;
}

export interface DepositSlipChequesTable {
  id: Generated<string>;
  organization_id: string;
  slip_id: string;
  payment_id: string;
  position: number;
  drawer: string;
  bank: string;
  cheque_number: string;
  amount_cents: number;
}

export interface CashDaysTable {
  id: Generated<string>;
  organization_id: string;
  day: DateColumn;
  opening_float_cents: Generated<number>;
  status: Generated<'open' | 'closed'>;
  cash_payments_cents: number | null;
  cash_deposited_cents: number | null;
  expected_cents: number | null;
  counted_cents: number | null;
  difference_cents: number | null;
  reason: string | null;
  denominations: Json<Record<string, number>>;
  closed_by: string | null;
  closed_at: NullableTimestamp;
  version: Generated<number>;
}

export interface BillingTables {
  billing_catalogue_editions: BillingCatalogueEditionsTable;
  billing_acts: BillingActsTable;
  billing_tariffs: BillingTariffsTable;
  invoice_counters: InvoiceCountersTable;
  visits: VisitsTable;
  invoices: InvoicesTable;
  invoice_lines: InvoiceLinesTable;
  claim_batches: ClaimBatchesTable;
  claims: ClaimsTable;
  receivables: ReceivablesTable;
  deposit_slips: DepositSlipsTable;
  remittance_imports: RemittanceImportsTable;
  payments: PaymentsTable;
  payment_allocations: PaymentAllocationsTable;
  deposit_slip_cheques: DepositSlipChequesTable;
  cash_days: CashDaysTable;
}
