import { sql } from 'kysely';
import type { Db } from '../../packages/server/src/db/connection.ts';
import { runClients } from '../client-worker.ts';
import { bookingRequests, jsonCaller, loginCookie } from '../http-session.ts';
import { load, type Row } from '../measure.ts';
import { startServer } from '../server-under-test.ts';

const DAY = 86_400_000;

/**
 * The agenda at the issue's sizes: `practitioners` in all (the demo's included), `rooms` added
 * to the demo's nine, spread over `sites` sites of about 30 columns each; five years of history
 * and 90 days ahead, 15-minute appointments at 80 % of the opening hours in the past and 55 %
 * ahead. Defaults are a tenth of the issue's size for PGlite (21 practitioners, one site, about a
 * million appointments); `BENCH_AGENDA_PRACTITIONERS=200 BENCH_AGENDA_ROOMS=41
 * BENCH_AGENDA_SITES=8` gives the PostgreSQL size (200 practitioners, 50 rooms, ~7.5 million).
 * The day view is read for one site, as a multi-site clinic's desk reads it.
 */
export async function agendaBench(
  practitionerCount = Number(process.env.BENCH_AGENDA_PRACTITIONERS ?? 21),
  extraRooms = Number(process.env.BENCH_AGENDA_ROOMS ?? 0),
  siteCount = Number(process.env.BENCH_AGENDA_SITES ?? 1),
  years = Number(process.env.BENCH_AGENDA_YEARS ?? 5),
): Promise<Row[]> {
  const keep = !!process.env.BENCH_KEEP_DATABASE;
  const server = await startServer(2000, { keep });
  const { db } = server;
  const { siteIds, eligible, type, size } = keep
    ? await existingAgenda(db)
    : await generateAgenda(db, practitionerCount, extraRooms, siteCount, years);

  const cookie = await loginCookie(server.base);
  const request = jsonCaller(server.base, cookie);
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
  // The day view of the site whose column count is nearest to the issue's 30.
  const resources = (await request('GET', '/api/agenda/resources')).body as {
    practitioners: { siteId: string | null; active: boolean }[];
    rooms: { siteId: string }[];
  };
  const columnsOf = (id: string) =>
    resources.practitioners.filter((p) => p.active && p.siteId === id).length +
    resources.rooms.filter((r) => r.siteId === id).length;
  const daySite = siteIds.reduce((best, id) =>
    Math.abs(columnsOf(id) - 30) < Math.abs(columnsOf(best) - 30) ? id : best,
  );
  const siteQuery = siteIds.length > 1 ? `&siteId=${daySite}` : '';
  rows.push(
    await load(
      { operation: `day view, ${columnsOf(daySite)} columns (one site)`, size, database },
      200,
      1,
      async (i) => {
        const date = new Date(today.getTime() - (i % 60) * DAY).toISOString().slice(0, 10);
        const r = await request('GET', `/api/agenda/day?date=${date}${siteQuery}`);
        if (r.status !== 200 || r.body.practitioners.length + r.body.rooms.length !== columnsOf(daySite))
          throw new Error(`day ${r.status}`);
      },
    ),
  );
  const patients = await db.kysely.selectFrom('patients').select('id').limit(1000).execute();
  // 100 desks clicking the same free slot: one 201, 99 × 409 slot_taken, nothing else.
  const [slot] = (
    await request('POST', '/api/agenda/slots', { appointmentTypeId: type.id, days: 90, count: 1 })
  ).body;
  const race = await runClients({
    base: server.base,
    cookie,
    concurrency: 100,
    requests: patients.slice(0, 100).map((p) => ({
      method: 'POST',
      path: '/api/agenda/appointments',
      body: {
        patientId: p.id,
        practitionerId: slot.practitionerId,
        appointmentTypeId: type.id,
        start: slot.start,
        end: slot.end,
      },
    })),
  });
  rows.push({
    operation: `100 concurrent bookings of one slot → ${Object.entries(race.statuses)
      .map(([k, n]) => `${n}× ${k}`)
      .join(', ')}`,
    size,
    database,
    count: race.count,
    p50: race.p50,
    p95: race.p95,
    throughput: race.throughput,
  });
  // Booking throughput: distinct free slots of the next weeks, booked by 16 clients on a thread
  // of their own (bench/client-worker.ts).
  const free: { practitionerId: string; start: string; end: string }[] = [];
  for (let week = 0; free.length < 1500 && week < 13; week++) {
    const found = (
      await request('POST', '/api/agenda/slots', {
        appointmentTypeId: type.id,
        from: new Date(today.getTime() + week * 7 * DAY).toISOString(),
        days: 7,
        count: 100,
        stepMinutes: 15,
      })
    ).body as typeof free;
    free.push(...found);
  }
  const bookings = await runClients({
    base: server.base,
    cookie,
    concurrency: 16,
    requests: bookingRequests(free, patients, type.id),
  });
  rows.push({
    operation: `bookings through the HTTP API, 16 clients (${Object.entries(bookings.statuses)
      .map(([k, n]) => `${n}× ${k}`)
      .join(', ')}; server thread ${bookings.serverCpuPerRequest?.toFixed(1)} ms CPU each)`,
    size,
    database,
    count: bookings.count,
    p50: bookings.p50,
    p95: bookings.p95,
    throughput: bookings.throughput,
  });
  await server.stop();
  return rows;
}

/** Adds the practitioners, rooms and sites, and generates their agendas (the slow part, once). */
export async function generateAgenda(
  db: Db,
  practitionerCount: number,
  extraRooms: number,
  siteCount: number,
  years: number,
) {
  const org = await db.kysely.selectFrom('organizations').select('id').executeTakeFirstOrThrow();
  const site = await db.kysely.selectFrom('sites').select('id').executeTakeFirstOrThrow();
  const hash = await db.kysely.selectFrom('users').select('password_hash').executeTakeFirstOrThrow();
  const existing = await db.kysely
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'practitioner')
    .execute();
  // Sites after the demo's own: practitioners and rooms are dealt to them in turn.
  const otherSites = await Promise.all(
    Array.from({ length: siteCount - 1 }, (_, i) =>
      db.kysely
        .insertInto('sites')
        .values({
          organization_id: org.id,
          name: `Site banc ${i + 2}`,
          address: '{}',
          opening_hours: '{}',
        })
        .returning('id')
        .executeTakeFirstOrThrow(),
    ),
  );
  const siteIds = [site.id, ...otherSites.map((x) => x.id)];
  const extra = Math.max(0, practitionerCount - existing.length);
  const added = await db.kysely
    .insertInto('users')
    .values(
      Array.from({ length: extra }, (_, i) => ({
        organization_id: org.id,
        email: `bench.practitioner.${i}@demo.pivot`,
        display_name: `Dr Bench ${String(i).padStart(3, '0')}`,
        role: 'practitioner',
        password_hash: hash.password_hash,
        site_id: siteIds[(existing.length + i) % siteIds.length]!,
      })),
    )
    .returning('id')
    .execute();
  if (extraRooms > 0)
    await db.kysely
      .insertInto('rooms')
      .values(
        Array.from({ length: extraRooms }, (_, i) => ({
          organization_id: org.id,
          site_id: siteIds[(i + 1) % siteIds.length]!,
          name: `Salle banc ${String(i).padStart(2, '0')}`,
          kind: 'consultation',
        })),
      )
      .execute();
  await db.kysely
    .updateTable('users')
    .set({ site_id: site.id })
    .where(
      'id',
      'in',
      existing.map((p) => p.id),
    )
    .execute();
  const practitioners = [...existing.map((p) => p.id), ...added.map((p) => p.id)];
  const eligible = practitioners.slice(0, 20);
  const days = { monday: 0, tuesday: 0, wednesday: 0, thursday: 0, friday: 0 };
  const hours = [
    { start: '08:00', end: '12:00' },
    { start: '14:00', end: '19:00' },
  ];
  await db.kysely
    .insertInto('opening_hours_templates')
    .values(
      added.map((p, i) => ({
        organization_id: org.id,
        resource_id: p.id,
        resource_kind: 'practitioner' as const,
        site_id: siteIds[(existing.length + i) % siteIds.length]!,
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
  // Appointments are generated in SQL on the 15-minute grid of 08:00–12:00 and 14:00–19:00, Paris
  // time, ten practitioners a statement, each with its holds (the demo's own are skipped).
  for (let from = 0; from < practitioners.length; from += 10) {
    const batch = practitioners.slice(from, from + 10);
    await db.kysely.transaction().execute(async (tx) => {
      // A bulk load as pg_restore does it: foreign-key triggers off for these rows (every id comes
      // from the tables just read); the exclusion constraints, being indexes, still check overlaps.
      await sql`SET LOCAL session_replication_role = replica`.execute(tx);
      await sql`
      INSERT INTO appointments (organization_id, patient_id, practitioner_id, appointment_type_id, site_id, starts_at, ends_at, status)
      SELECT ${org.id}::uuid, pa.ids[1 + floor(random() * array_length(pa.ids, 1))::int], u.id, ${type.id}::uuid, u.site_id,
             s.at, s.at + interval '15 minutes', CASE WHEN s.at < now() THEN 'seen' ELSE 'booked' END
      FROM users u
      CROSS JOIN (SELECT array_agg(id) AS ids FROM patients) pa
      CROSS JOIN LATERAL (
        SELECT ((d::date + t) AT TIME ZONE 'Europe/Paris') AS at
        FROM generate_series(current_date - ${years * 365}::int, current_date + 90, interval '1 day') d
        CROSS JOIN (SELECT time '08:00' + n * interval '15 minutes' AS t FROM generate_series(0, 15) n
                    UNION ALL SELECT time '14:00' + n * interval '15 minutes' FROM generate_series(0, 19) n) slots
        WHERE extract(isodow FROM d) < 6
      ) s
      WHERE u.id = ANY(${batch}::uuid[])
        AND random() < CASE WHEN s.at < now() THEN 0.8 ELSE 0.55 END
        AND NOT EXISTS (SELECT 1 FROM appointments a WHERE a.practitioner_id = u.id
          AND a.starts_at < s.at + interval '15 minutes' AND a.ends_at > s.at)`.execute(tx);
      await sql`
      INSERT INTO agenda_holds (organization_id, appointment_id, practitioner_id, period, holds_slot)
      SELECT organization_id, id, practitioner_id, tstzrange(starts_at, ends_at), status NOT IN ('cancelled', 'no_show')
      FROM appointments a WHERE a.practitioner_id = ANY(${batch}::uuid[])
        AND NOT EXISTS (SELECT 1 FROM agenda_holds h WHERE h.appointment_id = a.id)`.execute(tx);
    });
    process.stderr.write(
      `  ${Math.min(from + 10, practitioners.length)}/${practitioners.length} practitioners' agendas generated (${((performance.now() - started) / 1000).toFixed(0)} s)\n`,
    );
  }
  await sql`VACUUM ANALYZE`.execute(db.kysely);
  const count = await db.kysely
    .selectFrom('appointments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const roomCount = await db.kysely
    .selectFrom('rooms')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const size = `${Number(count.n).toLocaleString('en')} appointments, ${practitioners.length} practitioners, ${roomCount.n} rooms`;
  process.stderr.write(`  ${size} inserted in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  return { siteIds, eligible, type, size };
}

/** The agenda a previous run generated (BENCH_KEEP_DATABASE=1): measure again without the hour of generation. */
async function existingAgenda(db: Db) {
  const sites = await db.kysely.selectFrom('sites').select(['id', 'name']).orderBy('created_at').execute();
  const type = await db.kysely
    .selectFrom('appointment_types')
    .select(['id', 'eligible_practitioner_ids'])
    .where('colour', '=', '#123456')
    .executeTakeFirstOrThrow();
  const [count, rooms, practitioners] = await Promise.all(
    (['appointments', 'rooms', 'users'] as const).map((table) =>
      db.kysely
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .$if(table === 'users', (q) => q.where('role' as never, '=', 'practitioner' as never))
        .executeTakeFirstOrThrow(),
    ),
  );
  const size = `${Number(count!.n).toLocaleString('en')} appointments, ${practitioners!.n} practitioners, ${rooms!.n} rooms`;
  return { siteIds: sites.map((x) => x.id), eligible: type.eligible_practitioner_ids, type, size };
}
