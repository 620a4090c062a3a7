import { type Insertable, type Kysely, sql } from 'kysely';
import { likeStartingWith } from '../db/like-pattern.ts';
import type { Database } from '../db/schema.ts';

// Every SQL statement of the cash desk: cash days (opening float, closing) and deposit slips.

type Tx = Kysely<Database>;

// --- cash days -------------------------------------------------------------------------------

/** The day's row of the cash desk; undefined when the day was never opened nor closed. */
export function findCashDay(tx: Tx, organizationId: string, date: string) {
  return tx
    .selectFrom('cash_days')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('day', '=', date)
    .executeTakeFirst();
}

/** The day's status alone; undefined when the day has no row. */
export function findCashDayStatus(tx: Tx, organizationId: string, date: string) {
  return tx
    .selectFrom('cash_days')
    .select('status')
    .where('organization_id', '=', organizationId)
    .where('day', '=', date)
    .executeTakeFirst();
}

/** The cash counted at the last closing before `date`; undefined when no earlier day was closed. */
export function findLastClosingBefore(tx: Tx, organizationId: string, date: string) {
  return tx
    .selectFrom('cash_days')
    .select('counted_cents')
    .where('organization_id', '=', organizationId)
    .where('day', '<', date)
    .where('status', '=', 'closed')
    .orderBy('day', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The amounts of the day's cash payments (refunds negative). */
export function listCashPaymentAmounts(tx: Tx, organizationId: string, date: string) {
  return tx
    .selectFrom('payments')
    .select('amount_cents')
    .where('organization_id', '=', organizationId)
    .where('payment_date', '=', date)
    .where('method', '=', 'cash')
    .execute();
}

/** The total of the day's cash deposit slips (0 when none). */
export function findCashDepositedTotal(tx: Tx, organizationId: string, date: string) {
  return tx
    .selectFrom('deposit_slips')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('total_cents'), sql<number>`0`).as('total'))
    .where('organization_id', '=', organizationId)
    .where('slip_date', '=', date)
    .where('kind', '=', 'cash')
    .executeTakeFirst();
}

/** Opens the day with its float, or changes the float of a day already opened. */
export async function upsertOpeningFloat(
  tx: Tx,
  organizationId: string,
  date: string,
  openingFloatCents: number,
) {
  await tx
    .insertInto('cash_days')
    .values({
      organization_id: organizationId,
      day: date,
      opening_float_cents: openingFloatCents,
      denominations: '{}',
    })
    .onConflict((oc) =>
      oc.columns(['organization_id', 'day']).doUpdateSet({ opening_float_cents: openingFloatCents }),
    )
    .execute();
}

/** What a closing writes on the day's row. */
export interface CashClosingColumns {
  status: 'closed';
  opening_float_cents: number;
  cash_payments_cents: number;
  cash_deposited_cents: number;
  expected_cents: number;
  counted_cents: number;
  difference_cents: number;
  reason: string | null;
  denominations: string;
  closed_by: string | null;
  closed_at: Date;
}

/** Writes the day's closing, on a day opened or not. */
export async function upsertCashClosing(
  tx: Tx,
  organizationId: string,
  date: string,
  values: CashClosingColumns,
) {
  await tx
    .insertInto('cash_days')
    .values({ organization_id: organizationId, day: date, ...values })
    .onConflict((oc) => oc.columns(['organization_id', 'day']).doUpdateSet(values))
    .execute();
}

/** One closing of a day at a time (held until the transaction ends). */
export async function lockCashDay(tx: Tx, organizationId: string, date: string) {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`cash:${organizationId}:${date}`}))`.execute(tx);
}

// --- deposit slips ---------------------------------------------------------------------------

/** One slip numbering at a time in the organization (held until the transaction ends). */
export async function lockSlipNumbering(tx: Tx, organizationId: string) {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`slip:${organizationId}`}))`.execute(tx);
}

/** How many slips are numbered in `year`. */
export function countDepositSlipsOfYear(tx: Tx, organizationId: string, year: string) {
  return tx
    .selectFrom('deposit_slips')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organization_id', '=', organizationId)
    .where('number', 'like', likeStartingWith(`${year}-`))
    .executeTakeFirst();
}

/** The organization's cheque payments among `paymentIds`, locked until the transaction ends. */
export function lockChequePayments(tx: Tx, organizationId: string, paymentIds: string[]) {
  return tx
    .selectFrom('payments')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', 'in', paymentIds)
    .where('method', '=', 'cheque')
    .forUpdate()
    .execute();
}

/** Writes a deposit slip; answers its id. */
export function insertDepositSlip(
  tx: Tx,
  organizationId: string,
  columns: Omit<Insertable<Database['deposit_slips']>, 'organization_id'>,
) {
  return tx
    .insertInto('deposit_slips')
    .values({ organization_id: organizationId, ...columns })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** Writes the cheque lines of a slip. */
export async function insertDepositSlipCheques(
  tx: Tx,
  organizationId: string,
  lines: Omit<Insertable<Database['deposit_slip_cheques']>, 'organization_id'>[],
) {
  await tx
    .insertInto('deposit_slip_cheques')
    .values(lines.map((line) => ({ organization_id: organizationId, ...line })))
    .execute();
}

/** Marks the payments deposited on a slip. */
export async function markPaymentsDeposited(tx: Tx, slipId: string, paymentIds: string[]) {
  await tx.updateTable('payments').set({ deposit_slip_id: slipId }).where('id', 'in', paymentIds).execute();
}

/** A deposit slip of the organization; undefined when it is not one of its slips. */
export function findDepositSlip(tx: Tx, organizationId: string, id: string) {
  return tx
    .selectFrom('deposit_slips')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The cheque lines of a slip, in slip order. */
export function listDepositSlipCheques(tx: Tx, slipId: string) {
  return tx
    .selectFrom('deposit_slip_cheques')
    .selectAll()
    .where('slip_id', '=', slipId)
    .orderBy('position')
    .execute();
}

/** The kind of a slip; undefined when it is not one of the organization's slips. */
export function findDepositSlipKind(tx: Tx, organizationId: string, id: string) {
  return tx
    .selectFrom('deposit_slips')
    .select('kind')
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The 200 newest deposit slips. */
export function listDepositSlips(db: Kysely<Database>, organizationId: string) {
  return db
    .selectFrom('deposit_slips')
    .select(['id', 'number', 'kind', 'bank', 'iban', 'slip_date', 'item_count', 'total_cents'])
    .where('organization_id', '=', organizationId)
    .orderBy('created_at', 'desc')
    .limit(200)
    .execute();
}
