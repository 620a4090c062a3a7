import { receiptFromPayment } from '@pivot/core/accounting';
import type { PaymentMethod } from '@pivot/core/billing';
import { insertJournalEntries } from '../../packages/server/src/accounting/index.ts';
import { syntheticRpps } from '../../packages/server/src/demo/seed.ts';
import { loginCookie } from '../http-session.ts';
import type { Row } from '../measure.ts';
import { startServer } from '../server-under-test.ts';

/** A deterministic pseudo-random sequence (mulberry32), so every run bills the same month. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const month = '2025-03';
const days = Array.from({ length: 31 }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`).filter(
  (d) => new Date(`${d}T12:00:00Z`).getUTCDay() !== 0,
);
const frenchDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const comma = (cents: number) => `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`;

/**
 * Month-end of a 10-practitioner practice (~8,000 visits, each paid): the month's payments are
 * written as they would be by the desk (payment + receipt entry, cheques on daily deposit slips),
 * then the accountant's month-end is timed through the API: journal, FEC export, bank statement
 * import and reconciliation proposals.
 */
export async function billingBench(visits = 8000): Promise<Row[]> {
  const server = await startServer(2000);
  const db = server.db.kysely;
  const org = await db.selectFrom('organizations').select('id').executeTakeFirstOrThrow();
  const existing = await db.selectFrom('users').select('id').where('role', '=', 'practitioner').execute();
  const practitioners = existing.map((u) => u.id);
  for (let i = practitioners.length; i < 10; i++) {
    const row = await db
      .insertInto('users')
      .values({
        organization_id: org.id,
        email: `praticien${i}@bench.pivot`,
        display_name: `Dr Bench ${i}`,
        role: 'practitioner',
        password_hash: 'x',
        rpps: syntheticRpps(100 + i),
        sector: '1',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    practitioners.push(row.id);
  }
  const patients = (await db.selectFrom('patients').select('id').limit(2000).execute()).map((p) => p.id);
  const next = random(42);
  const started = performance.now();
  const bankLines: string[] = [];
  await db.transaction().execute(async (tx) => {
    const perDay = Math.ceil(visits / days.length);
    let made = 0;
    for (const day of days) {
      const payments: { patientId: string; amount: number; method: PaymentMethod; practitioner: string }[] =
        [];
      for (let i = 0; i < perDay && made < visits; i++, made++) {
        const r = next();
        const method: PaymentMethod =
          r < 0.6
            ? { kind: 'card' }
            : r < 0.85
              ? { kind: 'cheque', bank: 'Banque', number: String(100000 + made), drawer: `Tireur ${made}` }
              : { kind: 'cash' };
        payments.push({
          patientId: patients[Math.floor(next() * patients.length)]!,
          amount: 2500 + Math.floor(next() * 9500),
          method,
          practitioner: practitioners[made % practitioners.length]!,
        });
      }
      const rows = await tx
        .insertInto('payments')
        .values(
          payments.map((p) => ({
            organization_id: org.id,
            patient_id: p.patientId,
            payer_kind: 'patient' as const,
            payer_id: p.patientId,
            payment_date: day,
            amount_cents: p.amount,
            method: p.method.kind,
            cheque_bank: p.method.kind === 'cheque' ? p.method.bank : null,
            cheque_number: p.method.kind === 'cheque' ? p.method.number : null,
            cheque_drawer: p.method.kind === 'cheque' ? p.method.drawer : null,
            reference: null,
            practitioner_id: p.practitioner,
            deposit_slip_id: null,
            remittance_import_id: null,
            created_by: null,
          })),
        )
        .returning('id')
        .execute();
      const cheques = payments
        .map((p, i) => ({ ...p, id: rows[i]!.id }))
        .filter((p) => p.method.kind === 'cheque');
      const slipTotal = cheques.reduce((s, c) => s + c.amount, 0);
      const slip = await tx
        .insertInto('deposit_slips')
        .values({
          organization_id: org.id,
          number: `${day}-R`,
          kind: 'cheque',
          bank: 'Banque',
          iban: 'FR7630006000011234567890189',
          slip_date: day,
          item_count: cheques.length,
          total_cents: slipTotal,
          denominations: '{}',
          created_by: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await insertJournalEntries(
        tx,
        org.id,
        payments.map((p, i) => {
          const id = rows[i]!.id;
          const entry = receiptFromPayment(
            {
              id,
              date: day,
              amountCents: p.amount,
              method: p.method,
              payer: { kind: 'patient', id: p.patientId },
            },
            { id, label: 'Honoraires', depositSlipId: p.method.kind === 'cheque' ? slip.id : undefined },
          );
          return { ...entry, paymentId: id };
        }),
      );
      // The bank statement: each card payment, and each day's slip credited as one total two days later.
      for (const p of payments)
        if (p.method.kind === 'card') bankLines.push(`${frenchDate(day)};CB ${p.amount};;${comma(p.amount)}`);
      const credited = days[Math.min(days.indexOf(day) + 2, days.length - 1)]!;
      bankLines.push(`${frenchDate(credited)};REMISE ${day};;${comma(slipTotal)}`);
    }
  });
  process.stderr.write(
    `  ${visits} paid visits written in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
  );

  const cookie = await loginCookie(server.base, 'comptable@demo.pivot');
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${server.base}${path}`, {
      method,
      headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${path}: ${response.status} ${text.slice(0, 300)}`);
    return text;
  };
  const size = `10 practitioners, ${visits.toLocaleString('en')} visits`;
  const rows: Row[] = [];
  const timed = async (operation: string, action: () => Promise<unknown>) => {
    const t0 = performance.now();
    await action();
    const ms = performance.now() - t0;
    rows.push({
      operation,
      size,
      database: server.database,
      count: 1,
      p50: ms,
      p95: ms,
      throughput: 1000 / ms,
    });
    return ms;
  };
  let total = 0;
  total += await timed('month-end: journal of the month', () =>
    call('GET', `/api/accounting/journal?from=${month}-01&to=${month}-31`),
  );
  total += await timed('month-end: FEC export', async () => {
    const fec = await call(
      'GET',
      `/api/accounting/fec?siren=732829320&fiscalYearStart=2025-01-01&closingDate=2025-12-31`,
    );
    if (fec.split('\r\n').length < visits * 2) throw new Error('FEC too short');
  });
  const csv = ['Date;Libellé;Débit;Crédit', ...bankLines].join('\n');
  total += await timed(`month-end: bank import (${bankLines.length} lines)`, () =>
    call('POST', '/api/accounting/bank-imports', {
      format: 'csv',
      fileName: 'releve-mars.csv',
      content: csv,
    }),
  );
  let matched = 0;
  total += await timed('month-end: reconciliation proposals', async () => {
    const view = JSON.parse(await call('GET', '/api/accounting/bank-transactions')) as {
      transactions: { proposal: unknown }[];
    };
    matched = view.transactions.filter((x) => x.proposal).length;
  });
  process.stderr.write(`  ${matched}/${bankLines.length} bank lines matched\n`);
  rows.push({
    operation: 'month-end: total',
    size,
    database: server.database,
    count: 1,
    p50: total,
    p95: total,
    throughput: 1000 / total,
  });
  await server.stop();
  return rows;
}
