-- Billing, cash desk and bookkeeping (issue 6). Money is integer cents (bigint where totals add up).

-- Acts catalogue: definitions and dated tariffs (a change applies from its date, history kept).
CREATE TABLE billing_catalogue_editions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  edition text NOT NULL,
  source text NOT NULL,
  published_on date NOT NULL,
  loaded_by uuid REFERENCES users (id) DEFERRABLE,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX billing_catalogue_editions_org ON billing_catalogue_editions (organization_id, created_at);

CREATE TABLE billing_acts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  code text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('ngap', 'ccam')),
  label text NOT NULL,
  activity integer,
  phase integer,
  UNIQUE (organization_id, code)
);

CREATE TABLE billing_tariffs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  code text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('ngap', 'ccam')),
  sector text NOT NULL CHECK (sector IN ('1', '2', 'optam', 'all')),
  amount_cents integer NOT NULL CHECK (amount_cents >= 0),
  valid_from date NOT NULL,
  valid_to date,
  activity integer,
  specialty text,
  source text NOT NULL
);
CREATE INDEX billing_tariffs_code ON billing_tariffs (organization_id, code, valid_from);

-- One unbroken invoice sequence per organisation and year: a counter row locked by the invoice's
-- transaction (a sequence would leave gaps on rollback).
CREATE TABLE invoice_counters (
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  year integer NOT NULL,
  last_sequence integer NOT NULL DEFAULT 0,
  PRIMARY KEY (organization_id, year)
);

CREATE TABLE visits (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  patient_id uuid NOT NULL REFERENCES patients (id) DEFERRABLE,
  practitioner_id uuid NOT NULL REFERENCES users (id) DEFERRABLE,
  -- Linked to the agenda's appointment once it exists (no FK: the agenda ships separately).
  appointment_id uuid,
  visit_date date NOT NULL,
  sector text NOT NULL CHECK (sector IN ('1', '2', 'optam')),
  care_pathway text NOT NULL CHECK (care_pathway IN ('in', 'out')),
  third_party_amo boolean NOT NULL DEFAULT false,
  third_party_amc boolean NOT NULL DEFAULT false,
  quote_given boolean NOT NULL DEFAULT false,
  patient_demand boolean NOT NULL DEFAULT false,
  vitale_card boolean NOT NULL DEFAULT false,
  fee_cents integer NOT NULL,
  flat_contribution_cents integer NOT NULL DEFAULT 0,
  split jsonb NOT NULL,
  status text NOT NULL DEFAULT 'billed' CHECK (status IN ('billed', 'cancelled')),
  created_by uuid REFERENCES users (id) DEFERRABLE,
  version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX visits_patient ON visits (organization_id, patient_id, visit_date);
CREATE INDEX visits_date ON visits (organization_id, visit_date);

CREATE TABLE invoices (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  patient_id uuid NOT NULL REFERENCES patients (id) DEFERRABLE,
  visit_id uuid REFERENCES visits (id) DEFERRABLE,
  practitioner_id uuid NOT NULL REFERENCES users (id) DEFERRABLE,
  number text NOT NULL,
  year integer NOT NULL,
  sequence integer NOT NULL,
  kind text NOT NULL CHECK (kind IN ('invoice', 'credit_note')),
  issued_on date NOT NULL,
  credited_invoice_id uuid REFERENCES invoices (id) DEFERRABLE,
  reason text,
  total_cents integer NOT NULL,
  amo_cents integer NOT NULL DEFAULT 0,
  amc_cents integer NOT NULL DEFAULT 0,
  patient_cents integer NOT NULL DEFAULT 0,
  created_by uuid REFERENCES users (id) DEFERRABLE,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organization_id, number),
  UNIQUE (organization_id, year, sequence)
);
-- An invoice is credited once only.
CREATE UNIQUE INDEX invoices_credited_once ON invoices (credited_invoice_id) WHERE credited_invoice_id IS NOT NULL;
CREATE INDEX invoices_patient ON invoices (organization_id, patient_id);
CREATE INDEX invoices_issued ON invoices (organization_id, issued_on);

CREATE TABLE invoice_lines (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  invoice_id uuid NOT NULL REFERENCES invoices (id) DEFERRABLE,
  position integer NOT NULL,
  act_code text NOT NULL,
  label text NOT NULL,
  coefficient numeric,
  fee_cents integer NOT NULL,
  base_cents integer NOT NULL,
  amo_cents integer NOT NULL,
  amc_cents integer NOT NULL,
  patient_cents integer NOT NULL,
  UNIQUE (invoice_id, position)
);

-- Claims (feuilles de soins électroniques) and their batches (lots) per destination insurer.
CREATE TABLE claim_batches (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  number text NOT NULL,
  destination text NOT NULL,
  created_on date NOT NULL,
  claim_count integer NOT NULL,
  total_fee_cents integer NOT NULL,
  total_amo_cents integer NOT NULL,
  adapter text NOT NULL,
  file_name text NOT NULL,
  status text NOT NULL DEFAULT 'sent' CHECK (status IN ('sent', 'acknowledged', 'rejected')),
  rejection_code text,
  created_by uuid REFERENCES users (id) DEFERRABLE,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organization_id, number)
);

CREATE TABLE claims (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  patient_id uuid NOT NULL REFERENCES patients (id) DEFERRABLE,
  visit_id uuid NOT NULL REFERENCES visits (id) DEFERRABLE,
  number text NOT NULL,
  destination text NOT NULL,
  claim_date date NOT NULL,
  fee_cents integer NOT NULL,
  amo_cents integer NOT NULL,
  amc_cents integer NOT NULL,
  data jsonb NOT NULL,
  batch_id uuid REFERENCES claim_batches (id) DEFERRABLE,
  status text NOT NULL DEFAULT 'pending'
    CHECK (status IN ('pending', 'sent', 'acknowledged', 'paid', 'partially_paid', 'rejected', 'cancelled')),
  rejection_code text,
  rejection_label text,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organization_id, number)
);
CREATE INDEX claims_status ON claims (organization_id, status);

-- What each debtor (patient, AMO, AMC) owes on one invoice.
CREATE TABLE receivables (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  patient_id uuid NOT NULL REFERENCES patients (id) DEFERRABLE,
  invoice_id uuid NOT NULL REFERENCES invoices (id) DEFERRABLE,
  claim_id uuid REFERENCES claims (id) DEFERRABLE,
  practitioner_id uuid NOT NULL REFERENCES users (id) DEFERRABLE,
  debtor_kind text NOT NULL CHECK (debtor_kind IN ('patient', 'amo', 'amc')),
  debtor_id text NOT NULL,
  due_date date NOT NULL,
  amount_cents integer NOT NULL CHECK (amount_cents >= 0),
  paid_cents integer NOT NULL DEFAULT 0 CHECK (paid_cents >= 0),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'paid', 'cancelled', 'rejected')),
  reminder_count integer NOT NULL DEFAULT 0,
  last_reminder_on date,
  version integer NOT NULL DEFAULT 0,
  CHECK (paid_cents <= amount_cents)
);
CREATE INDEX receivables_debtor ON receivables (organization_id, debtor_kind, debtor_id, status);
CREATE INDEX receivables_invoice ON receivables (invoice_id);

CREATE TABLE deposit_slips (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  number text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('cheque', 'cash')),
  bank text NOT NULL,
  iban text NOT NULL,
  slip_date date NOT NULL,
  item_count integer NOT NULL,
  total_cents integer NOT NULL,
  denominations jsonb NOT NULL DEFAULT '{}',
  created_by uuid REFERENCES users (id) DEFERRABLE,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organization_id, number)
);

CREATE TABLE remittance_imports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  return_id text NOT NULL,
  file_name text NOT NULL,
  file_sha256 text NOT NULL,
  insurer_kind text NOT NULL CHECK (insurer_kind IN ('amo', 'amc')),
  insurer_id text NOT NULL,
  return_date date NOT NULL,
  summary jsonb NOT NULL DEFAULT '{}',
  imported_by uuid REFERENCES users (id) DEFERRABLE,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- Importing the same return twice changes nothing.
  UNIQUE (organization_id, return_id)
);

CREATE TABLE payments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  patient_id uuid REFERENCES patients (id) DEFERRABLE,
  payer_kind text NOT NULL CHECK (payer_kind IN ('patient', 'amo', 'amc')),
  payer_id text NOT NULL,
  payment_date date NOT NULL,
  amount_cents integer NOT NULL CHECK (amount_cents <> 0),
  method text NOT NULL CHECK (method IN ('cash', 'cheque', 'card', 'transfer')),
  cheque_bank text,
  cheque_number text,
  cheque_drawer text,
  reference text,
  practitioner_id uuid REFERENCES users (id) DEFERRABLE,
  -- Overpayment kept as a credit of the payer, never lost.
  credit_cents integer NOT NULL DEFAULT 0,
  deposit_slip_id uuid REFERENCES deposit_slips (id) DEFERRABLE,
  remittance_import_id uuid REFERENCES remittance_imports (id) DEFERRABLE,
  created_by uuid REFERENCES users (id) DEFERRABLE,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX payments_date ON payments (organization_id, payment_date);
CREATE INDEX payments_payer ON payments (organization_id, payer_kind, payer_id);

CREATE TABLE payment_allocations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  payment_id uuid NOT NULL REFERENCES payments (id) DEFERRABLE,
  receivable_id uuid NOT NULL REFERENCES receivables (id) DEFERRABLE,
  amount_cents integer NOT NULL CHECK (amount_cents > 0)
);
CREATE INDEX payment_allocations_payment ON payment_allocations (payment_id);
CREATE INDEX payment_allocations_receivable ON payment_allocations (receivable_id);

-- A cheque is on one slip only (billing.md § Deposit slip).
CREATE TABLE deposit_slip_cheques (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  slip_id uuid NOT NULL REFERENCES deposit_slips (id) DEFERRABLE,
  payment_id uuid NOT NULL REFERENCES payments (id) DEFERRABLE,
  position integer NOT NULL,
  drawer text NOT NULL,
  bank text NOT NULL,
  cheque_number text NOT NULL,
  amount_cents integer NOT NULL,
  UNIQUE (payment_id)
);

CREATE TABLE cash_days (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  day date NOT NULL,
  opening_float_cents integer NOT NULL DEFAULT 0 CHECK (opening_float_cents >= 0),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  cash_payments_cents integer,
  cash_deposited_cents integer,
  expected_cents integer,
  counted_cents integer,
  difference_cents integer,
  reason text,
  denominations jsonb NOT NULL DEFAULT '{}',
  closed_by uuid REFERENCES users (id) DEFERRABLE,
  closed_at timestamptz,
  version integer NOT NULL DEFAULT 0,
  UNIQUE (organization_id, day)
);

-- Receipts-and-expenses journal (BNC, comptabilité de trésorerie).
CREATE TABLE expenses (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  expense_date date NOT NULL,
  label text NOT NULL,
  piece_ref text NOT NULL,
  amount_cents integer NOT NULL CHECK (amount_cents > 0),
  category text NOT NULL,
  professional_share integer NOT NULL CHECK (professional_share BETWEEN 0 AND 10000),
  payment_method text NOT NULL CHECK (payment_method IN ('cash', 'cheque', 'card', 'transfer')),
  supplier text,
  created_by uuid REFERENCES users (id) DEFERRABLE,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX expenses_date ON expenses (organization_id, expense_date);

CREATE TABLE bank_imports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  format text NOT NULL CHECK (format IN ('csv', 'ofx')),
  file_name text NOT NULL,
  file_sha256 text NOT NULL,
  transaction_count integer NOT NULL,
  imported_by uuid REFERENCES users (id) DEFERRABLE,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organization_id, file_sha256)
);

CREATE TABLE bank_transactions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  import_id uuid NOT NULL REFERENCES bank_imports (id) DEFERRABLE,
  external_id text NOT NULL,
  transaction_date date NOT NULL,
  amount_cents integer NOT NULL,
  label text NOT NULL,
  memo text,
  reconciled_at timestamptz,
  reconciled_by uuid REFERENCES users (id) DEFERRABLE,
  UNIQUE (import_id, external_id)
);
CREATE INDEX bank_transactions_open ON bank_transactions (organization_id, reconciled_at);

CREATE TABLE journal_entries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  journal text NOT NULL CHECK (journal IN ('RE', 'DE')),
  entry_date date NOT NULL,
  label text NOT NULL,
  piece_ref text NOT NULL,
  piece_date date NOT NULL,
  category text NOT NULL,
  payment_method text NOT NULL CHECK (payment_method IN ('cash', 'cheque', 'card', 'transfer')),
  amount_cents integer NOT NULL,
  private_cents integer NOT NULL DEFAULT 0,
  counterparty text,
  payment_id uuid REFERENCES payments (id) DEFERRABLE,
  expense_id uuid REFERENCES expenses (id) DEFERRABLE,
  deposit_slip_id uuid REFERENCES deposit_slips (id) DEFERRABLE,
  bank_transaction_id uuid REFERENCES bank_transactions (id) DEFERRABLE,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX journal_entries_date ON journal_entries (organization_id, entry_date);
CREATE INDEX journal_entries_payment ON journal_entries (payment_id);

CREATE TABLE journal_lines (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE,
  entry_id uuid NOT NULL REFERENCES journal_entries (id) DEFERRABLE,
  position integer NOT NULL,
  account text NOT NULL,
  account_label text NOT NULL,
  debit_cents integer NOT NULL DEFAULT 0,
  credit_cents integer NOT NULL DEFAULT 0,
  UNIQUE (entry_id, position)
);
