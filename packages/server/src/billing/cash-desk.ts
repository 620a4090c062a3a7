import { DomainError } from '@pivot/core';
import {
  buildCashDepositSlip,
  buildChequeDepositSlip,
  type CashDay,
  type CashDepositSlip,
  type ChequeDepositSlip,
  closeCashDay,
  expectedCash,
} from '@pivot/core/billing';
import type { Kysely } from 'kysely';
import { markReceiptsDeposited } from '../accounting/index.ts';
import { auditFrom } from '../audit/index.ts';
import type { Database } from '../db/schema.ts';
import type { Actor } from '../http/request-context.ts';
import {
  countDepositSlipsOfYear,
  findCashDay,
  findCashDepositedTotal,
  findDepositSlip,
  findDepositSlipKind,
  findLastClosingBefore,
  insertDepositSlip,
  insertDepositSlipCheques,
  listCashPaymentAmounts,
  listDepositSlipCheques,
  listDepositSlips,
  lockCashDay,
  lockChequePayments,
  lockSlipNumbering,
  markPaymentsDeposited,
  upsertCashClosing,
  upsertOpeningFloat,
} from './cash-desk-repository.ts';
import { assertDayOpen } from './payment-service.ts';

async function cashFigures(tx: Kysely<Database>, organizationId: string, date: string) {
  const payments = await listCashPaymentAmounts(tx, organizationId, date);
  const deposited = await findCashDepositedTotal(tx, organizationId, date);
  return {
    cashPayments: payments.map((p) => p.amount_cents),
    cashDepositedCents: Number(deposited?.total ?? 0),
  };
}

/** The day's cash: opening float (the last closing's counted cash by default), expected, closing. */
export async function cashDayView(tx: Kysely<Database>, organizationId: string, date: string) {
  const row = await findCashDay(tx, organizationId, date);
  let openingFloatCents = row?.opening_float_cents;
  if (openingFloatCents === undefined) {
    const previous = await findLastClosingBefore(tx, organizationId, date);
    openingFloatCents = previous?.counted_cents ?? 0;
  }
  const figures = await cashFigures(tx, organizationId, date);
  const closed = row?.status === 'closed';
  return {
    date,
    status: (row?.status ?? 'open') as CashDay['status'],
    opened: row !== undefined,
    openingFloatCents,
    cashPaymentsCents: closed ? row.cash_payments_cents! : figures.cashPayments.reduce((s, c) => s + c, 0),
    cashDepositedCents: closed ? row.cash_deposited_cents! : figures.cashDepositedCents,
    expectedCents: closed
      ? row.expected_cents!
      : expectedCash(openingFloatCents, figures.cashPayments, figures.cashDepositedCents),
    countedCents: row?.counted_cents ?? null,
    differenceCents: row?.difference_cents ?? null,
    reason: row?.reason ?? null,
    version: row?.version ?? null,
  };
}

export async function openDay(db: Kysely<Database>, actor: Actor, date: string, openingFloatCents: number) {
  return db.transaction().execute(async (tx) => {
    await assertDayOpen(tx, actor.organizationId, date);
    await upsertOpeningFloat(tx, actor.organizationId, date, openingFloatCents);
    await auditFrom(actor)(tx, {
      action: 'update',
      entity: 'cash_day',
      details: { date, openingFloatCents },
    });
    return cashDayView(tx, actor.organizationId, date);
  });
}

export async function closeDay(
  db: Kysely<Database>,
  actor: Actor,
  date: string,
  input: {
    countedCents: number;
    denominations?: Record<string, number> | undefined;
    reason?: string | undefined;
  },
) {
  return db.transaction().execute(async (tx) => {
    await lockCashDay(tx, actor.organizationId, date);
    const view = await cashDayView(tx, actor.organizationId, date);
    const figures = await cashFigures(tx, actor.organizationId, date);
    const closed = closeCashDay(
      { date, openingFloatCents: view.openingFloatCents, status: view.status },
      { ...figures, countedCents: input.countedCents, reason: input.reason, closedBy: actor.userId },
    );
    const c = closed.closing!;
    const values = {
      status: 'closed' as const,
      opening_float_cents: view.openingFloatCents,
      cash_payments_cents: c.cashPaymentsCents,
      cash_deposited_cents: c.cashDepositedCents,
      expected_cents: c.expectedCents,
      counted_cents: c.countedCents,
      difference_cents: c.differenceCents,
      reason: c.reason ?? null,
      denominations: JSON.stringify(input.denominations ?? {}),
      closed_by: actor.userId,
      closed_at: new Date(),
    };
    await upsertCashClosing(tx, actor.organizationId, date, values);
    await auditFrom(actor)(tx, {
      action: 'close',
      entity: 'cash_day',
      details: {
        date,
        expectedCents: c.expectedCents,
        countedCents: c.countedCents,
        differenceCents: c.differenceCents,
      },
    });
    return cashDayView(tx, actor.organizationId, date);
  });
}

async function nextSlipNumber(tx: Kysely<Database>, organizationId: string, date: string) {
  await lockSlipNumbering(tx, organizationId);
  const year = date.slice(0, 4);
  const row = await countDepositSlipsOfYear(tx, organizationId, year);
  return `${year}-${String(Number(row?.n ?? 0) + 1).padStart(4, '0')}`;
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === '23505';
}

/** Picks undeposited cheques, builds the slip (core) and marks them deposited; a cheque is on one slip only. */
export async function createChequeSlip(
  db: Kysely<Database>,
  actor: Actor,
  input: { bank: string; iban: string; date: string; paymentIds: string[] },
) {
  try {
    return await db.transaction().execute(async (tx) => {
      await assertDayOpen(tx, actor.organizationId, input.date);
      const payments = await lockChequePayments(tx, actor.organizationId, input.paymentIds);
      input.paymentIds.forEach((id, i) => {
        if (!payments.some((p) => p.id === id))
          throw new DomainError('not_found', { field: `paymentIds.${i}` });
      });
      payments.forEach((p) => {
        if (p.amount_cents < 0)
          throw new DomainError('payment_not_depositable', {
            field: `paymentIds.${input.paymentIds.indexOf(p.id)}`,
          });
      });
      const already = new Set(payments.filter((p) => p.deposit_slip_id !== null).map((p) => p.id));
      const number = await nextSlipNumber(tx, actor.organizationId, input.date);
      const slip = buildChequeDepositSlip(
        { number, bank: input.bank, iban: input.iban, date: input.date },
        input.paymentIds.map((id) => {
          const p = payments.find((x) => x.id === id)!;
          return {
            paymentId: p.id,
            drawer: p.cheque_drawer ?? '',
            bank: p.cheque_bank ?? '',
            number: p.cheque_number ?? '',
            amountCents: p.amount_cents,
          };
        }),
        already,
      );
      const row = await insertDepositSlip(tx, actor.organizationId, {
        number,
        kind: 'cheque',
        bank: slip.bank,
        iban: slip.iban,
        slip_date: slip.date,
        item_count: slip.count,
        total_cents: slip.totalCents,
        denominations: '{}',
        created_by: actor.userId,
      });
      await insertDepositSlipCheques(
        tx,
        actor.organizationId,
        slip.lines.map((l, position) => ({
          slip_id: row.id,
          payment_id: l.paymentId,
          position,
          drawer: l.drawer,
          bank: l.bank,
          cheque_number: l.number,
          amount_cents: l.amountCents,
        })),
      );
      await markPaymentsDeposited(tx, row.id, input.paymentIds);
      // The bank credits the slip's total: its receipts are matched together (core proposeBankMatches).
      await markReceiptsDeposited(tx, row.id, input.paymentIds);
      await auditFrom(actor)(tx, {
        action: 'create',
        entity: 'deposit_slip',
        entityId: row.id,
        details: { number, count: slip.count, totalCents: slip.totalCents },
      });
      return { id: row.id, ...slip };
    });
  } catch (error) {
    // Two slips at once holding the same cheque: the unique constraint decides.
    if (isUniqueViolation(error)) throw new DomainError('cheque_already_deposited', { field: 'paymentIds' });
    throw error;
  }
}

export async function createCashSlip(
  db: Kysely<Database>,
  actor: Actor,
  input: { bank: string; iban: string; date: string; denominations: Record<string, number> },
) {
  return db.transaction().execute(async (tx) => {
    await assertDayOpen(tx, actor.organizationId, input.date);
    const number = await nextSlipNumber(tx, actor.organizationId, input.date);
    const slip = buildCashDepositSlip(
      { number, bank: input.bank, iban: input.iban, date: input.date },
      Object.fromEntries(Object.entries(input.denominations).map(([k, v]) => [Number(k), v])),
    );
    const row = await insertDepositSlip(tx, actor.organizationId, {
      number,
      kind: 'cash',
      bank: slip.bank,
      iban: slip.iban,
      slip_date: slip.date,
      item_count: slip.lines.reduce((s, l) => s + l.count, 0),
      total_cents: slip.totalCents,
      denominations: JSON.stringify(input.denominations),
      created_by: actor.userId,
    });
    await auditFrom(actor)(tx, {
      action: 'create',
      entity: 'deposit_slip',
      entityId: row.id,
      details: { number, kind: 'cash', totalCents: slip.totalCents },
    });
    return { id: row.id, ...slip };
  });
}

export async function loadChequeSlip(
  db: Kysely<Database>,
  organizationId: string,
  id: string,
): Promise<ChequeDepositSlip & { id: string }> {
  const slip = await findDepositSlip(db, organizationId, id);
  if (slip?.kind !== 'cheque') throw new DomainError('not_found');
  const lines = await listDepositSlipCheques(db, id);
  return {
    id: slip.id,
    kind: 'cheque',
    number: slip.number,
    bank: slip.bank,
    iban: slip.iban,
    date: slip.slip_date,
    count: slip.item_count,
    totalCents: slip.total_cents,
    lines: lines.map((l) => ({
      paymentId: l.payment_id,
      drawer: l.drawer,
      bank: l.bank,
      number: l.cheque_number,
      amountCents: l.amount_cents,
    })),
  };
}

/** A cash deposit slip as it was made, its lines rebuilt from the denominations counted. */
export async function loadCashSlip(
  db: Kysely<Database>,
  organizationId: string,
  id: string,
): Promise<CashDepositSlip & { id: string }> {
  const slip = await findDepositSlip(db, organizationId, id);
  if (slip?.kind !== 'cash') throw new DomainError('not_found');
  const counts = slip.denominations as Record<string, number>;
  const built = buildCashDepositSlip(
    { number: slip.number, bank: slip.bank, iban: slip.iban, date: slip.slip_date },
    Object.fromEntries(Object.entries(counts).map(([k, v]) => [Number(k), v])),
  );
  return { id: slip.id, ...built };
}

/** Which kind a slip is, or not_found outside the organisation. */
export async function slipKind(db: Kysely<Database>, organizationId: string, id: string) {
  const slip = await findDepositSlipKind(db, organizationId, id);
  if (!slip) throw new DomainError('not_found');
  return slip.kind;
}

/** Deposit slips, newest first. */
export async function depositSlips(db: Kysely<Database>, organizationId: string) {
  return (await listDepositSlips(db, organizationId)).map((s) => ({
    id: s.id,
    number: s.number,
    kind: s.kind,
    bank: s.bank,
    iban: s.iban,
    date: s.slip_date,
    count: s.item_count,
    totalCents: s.total_cents,
  }));
}
