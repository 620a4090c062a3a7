-- Billing from the agenda and refunds (issue 6).

-- An appointment is billed once: a second invoice for it is refused. Cancelling the invoice by a
-- credit note marks its visit cancelled, which lets the appointment be billed again correctly.
CREATE UNIQUE INDEX visits_appointment_billed_once ON visits (organization_id, appointment_id)
  WHERE appointment_id IS NOT NULL AND status = 'billed';

-- A refund is a payment with a negative amount (a negative receipt of the cash-basis journal), with
-- its reason and, when it follows one, the credit note that cancelled what had been paid.
ALTER TABLE payments ADD COLUMN reason text;
ALTER TABLE payments ADD COLUMN credit_note_id uuid REFERENCES invoices (id) DEFERRABLE;
