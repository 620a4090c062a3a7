import { sql } from 'kysely';
import { load, type Row } from '../measure.ts';
import { startServer } from '../server-under-test.ts';

const DAY = 86_400_000;

/**
 * Agenda at a tenth of the issue's size on PGlite: 20 practitioners (+ the demo's), rooms, five
 * years of history and 90 days ahead, about 15-minute appointments at 80 % of the opening hours
 * in the past and 55 % ahead. The PostgreSQL size (200 practitioners, ~10 million appointments)
 * is left for a later run.
 */
export async function agendaBench(practitionerCount = 20, years = 5): Promise<Row[]> {
  const server = await startServer(2000);
  const { db } = server;
  const org = await db.kysely.selectFrom('organizations').select('id').executeTakeFirstOrThrow();
  const site = await db.kysely.selectFrom('sites').select('id').executeTakeFirstOrThrow();
  const hash = await db.kysely.selectFrom('users').select('password_hash').executeTakeFirstOrThrow();
  const existing = await db.kysely
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'practitioner')
    .execute();
  // The demo's six plus enough for a 30-column day view with the demo's nine rooms.
  const extra = Math.max(0, 30 - 9 - existing.length);
  const added = await db.kysely
    .insertInto('users')
    .values(
      Array.from({ length: extra }, (_, i) => ({
        organization_id: org.id,
        email: `bench.practitioner.${i}@demo.pivot`,
        display_name: `Dr Bench ${String(i).padStart(2, '0')}`,
        role: 'practitioner',
        password_hash: hash.password_hash,
        site_id: site.id,
      })),
    )
    .returning('id')
    .execute();
  const practitioners = [...existing.map((p) => p.id), ...added.map((p) => p.id)];
  const eligible = practitioners.slice(0, practitionerCount);
  const days = { monday: 0, tuesday: 0, wednesday: 0, thursday: 0, friday: 0 };
  const hours = [
    { start: '08:00', end: '12:00' },
    { start: '14:00', end: '19:00' },
  ];
  await db.kysely
    .insertInto('opening_hours_templates')
    .values(
      added.map((p) => ({
        organization_id: org.id,
        resource_id: p.id,
        resource_kind: 'practitioner' as const,
        site_id: site.id,
        valid_from: new Date(Date.now() - years * 366 * DAY).toISOString().slice(0, 10),
        valid_to: null,
        days: JSON.stringify(Object.fromEntries(Object.keys(days).map((d) => [d, hours]))),
      })),
    )
    .execute();
  const type = await db.kysely
    .insertInto('appointment_types')
    .values({
      organization_id: org.id,
      label: JSON.stringify({ fr: 'Consultation (banc)', en: 'Consultation (bench)' }),
      duration_minutes: 15,
      colour: '#123456',
      eligible_practitioner_ids: eligible,
      room_kind: null,
      equipment_kinds: [],
      preparation_instructions: JSON.stringify({ fr: '', en: '' }),
      documents_to_bring: '[]',
      new_patients_allowed: true,
      bookable_online: false,
      urgent_same_day_only: false,
      active: true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  const started = performance.now();
  // Appointments are generated in SQL on the 15-minute grid of 08:00–12:00 and 14:00–19:00, Paris time.
  await sql`
    INSERT INTO appointments (organization_id, patient_id, practitioner_id, appointment_type_id, site_id, starts_at, ends_at, status)
    SELECT ${org.id}::uuid, pa.ids[1 + floor(random() * array_length(pa.ids, 1))::int], pr.id, ${type.id}::uuid, ${site.id}::uuid,
           s.at, s.at + interval '15 minutes', CASE WHEN s.at < now() THEN 'seen' ELSE 'booked' END
    FROM unnest(${practitioners}::uuid[]) AS pr(id)
    CROSS JOIN (SELECT array_agg(id) AS ids FROM patients) pa
    CROSS JOIN LATERAL (
      SELECT ((d::date + t) AT TIME ZONE 'Europe/Paris') AS at
      FROM generate_series(current_date - ${years * 365}::int, current_date + 90, interval '1 day') d
      CROSS JOIN (SELECT time '08:00' + n * interval '15 minutes' AS t FROM generate_series(0, 15) n
                  UNION ALL SELECT time '14:00' + n * interval '15 minutes' FROM generate_series(0, 19) n) slots
      WHERE extract(isodow FROM d) < 6
    ) s
    WHERE random() < CASE WHEN s.at < now() THEN 0.8 ELSE 0.55 END
      AND NOT EXISTS (SELECT 1 FROM appointments a WHERE a.practitioner_id = pr.id
        AND a.starts_at < s.at + interval '15 minutes' AND a.ends_at > s.at)`.execute(db.kysely);
  await sql`
    INSERT INTO agenda_holds (organization_id, appointment_id, practitioner_id, period, holds_slot)
    SELECT organization_id, id, practitioner_id, tstzrange(starts_at, ends_at), status NOT IN ('cancelled', 'no_show')
    FROM appointments a WHERE NOT EXISTS (SELECT 1 FROM agenda_holds h WHERE h.appointment_id = a.id)`.execute(
    db.kysely,
  );
  await sql`VACUUM ANALYZE`.execute(db.kysely);
  const count = await db.kysely
    .selectFrom('appointments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const size = `${Number(count.n).toLocaleString('en')} appointments, ${practitioners.length} practitioners`;
  process.stderr.write(`  ${size} inserted in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);

  const login = await fetch(`${server.base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'secretaire@demo.pivot', password: 'demo' }),
  });
  const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
  const request = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${server.base}${path}`, {
      method,
      headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    // biome-ignore lint/suspicious/noExplicitAny: the bench reads a few fields of each answer
    return { status: response.status, body: (await response.json()) as any };
  };
  const database = server.database;
  const rows: Row[] = [];
  const periods = [null, 'morning', 'afternoon'];
  rows.push(
    await load(
      { operation: `next 10 free slots, ${eligible.length} practitioners, 90 days`, size, database },
      200,
      1,
      async (i) => {
        const r = await request('POST', '/api/agenda/slots', {
          appointmentTypeId: type.id,
          days: 90,
          count: 10,
          period: periods[i % 3],
        });
        if (r.status !== 200 || r.body.length !== 10)
          throw new Error(`slots ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
      },
    ),
  );
  const today = new Date();
  rows.push(
    await load({ operation: 'day view, 30 columns', size, database }, 200, 1, async (i) => {
      const date = new Date(today.getTime() - (i % 60) * DAY).toISOString().slice(0, 10);
      const r = await request('GET', `/api/agenda/day?date=${date}`);
      if (r.status !== 200 || r.body.practitioners.length + r.body.rooms.length < 30)
        throw new Error(`day ${r.status}`);
    }),
  );
  // 100 desks clicking the same free slot: one 201, 99 × 409 slot_taken, nothing else.
  const [slot] = (
    await request('POST', '/api/agenda/slots', { appointmentTypeId: type.id, days: 90, count: 1 })
  ).body;
  const patients = await db.kysely.selectFrom('patients').select('id').limit(1000).execute();
  const outcomes: Record<string, number> = {};
  const race = await load(
    { operation: '100 concurrent bookings of one slot', size, database },
    100,
    100,
    async (i) => {
      const r = await request('POST', '/api/agenda/appointments', {
        patientId: patients[i]!.id,
        practitionerId: slot.practitionerId,
        appointmentTypeId: type.id,
        start: slot.start,
        end: slot.end,
      });
      const key = `${r.status} ${r.body?.error?.code ?? ''}`.trim();
      outcomes[key] = (outcomes[key] ?? 0) + 1;
    },
  );
  race.operation = `100 concurrent bookings of one slot → ${Object.entries(outcomes)
    .map(([k, n]) => `${n}× ${k}`)
    .join(', ')}`;
  rows.push(race);
  // Booking throughput: distinct free slots found first, then booked from 8 clients.
  const free = (
    await request('POST', '/api/agenda/slots', {
      appointmentTypeId: type.id,
      days: 90,
      count: 100,
      stepMinutes: 15,
    })
  ).body as { practitionerId: string; start: string; end: string }[];
  let failures = 0;
  rows.push(
    await load(
      { operation: 'bookings through the HTTP API, 8 clients', size, database },
      free.length,
      8,
      async (i) => {
        const s = free[i]!;
        const r = await request('POST', '/api/agenda/appointments', {
          patientId: patients[(i * 7) % patients.length]!.id,
          practitionerId: s.practitionerId,
          appointmentTypeId: type.id,
          start: s.start,
          end: s.end,
        });
        if (r.status !== 201) failures++;
      },
    ),
  );
  if (failures > 0) process.stderr.write(`  ${failures} bookings failed\n`);
  await server.stop();
  return rows;
}
