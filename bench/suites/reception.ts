import { parisDateOf, parisStartOfDay } from '@pivot/core/agenda';
import { loginCookie } from '../http-session.ts';
import { load, percentile, type Row } from '../measure.ts';
import { startServer } from '../server-under-test.ts';

const MINUTE = 60_000;

/** Opens a board stream like a browser's EventSource and counts the boards it receives. */
async function openScreen(base: string, cookie: string) {
  const controller = new AbortController();
  const response = await fetch(`${base}/api/reception/waiting-room/stream`, {
    headers: { cookie },
    signal: controller.signal,
  });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const screen = {
    lastBoard: '',
    waiters: [] as { ticket: number; resolve: () => void }[],
    close: () => controller.abort(),
  };
  void (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = frame.split('\n').find((l) => l.startsWith('data: '));
        if (data) {
          // A browser parses the board on its own machine; here the 50 screens share the server's
          // process, so they only look for the new ticket in the text instead of parsing it.
          screen.waiters = screen.waiters.filter((w) => {
            if (!data.includes(`"ticket":${w.ticket},`)) return true;
            w.resolve();
            return false;
          });
        }
        end = buffer.indexOf('\n\n');
      }
    }
  })();
  return screen;
}

/**
 * The reception desk of a 40-practitioner site: 30 appointments each today (1,200), half of them
 * already through the waiting room; then 50 open waiting-room boards and arrivals marked one after
 * another, each timed until the last of the 50 screens has received the board that shows it.
 */
export async function receptionBench(
  practitionerCount = 40,
  screens = Number(process.env.BENCH_SCREENS ?? 50),
): Promise<Row[]> {
  const server = await startServer(Number(process.env.BENCH_PATIENTS ?? 2000));
  const { db } = server;
  const org = await db.kysely.selectFrom('organizations').select('id').executeTakeFirstOrThrow();
  const site = await db.kysely.selectFrom('sites').select('id').executeTakeFirstOrThrow();
  const hash = await db.kysely.selectFrom('users').select('password_hash').executeTakeFirstOrThrow();
  const existing = await db.kysely
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'practitioner')
    .execute();
  const added = await db.kysely
    .insertInto('users')
    .values(
      Array.from({ length: practitionerCount - existing.length }, (_, i) => ({
        organization_id: org.id,
        email: `bench.reception.${i}@demo.pivot`,
        display_name: `Dr Accueil ${String(i).padStart(2, '0')}`,
        role: 'practitioner',
        password_hash: hash.password_hash,
        site_id: site.id,
      })),
    )
    .returning('id')
    .execute();
  const practitioners = [...existing.map((p) => p.id), ...added.map((p) => p.id)];
  const type = await db.kysely
    .insertInto('appointment_types')
    .values({
      organization_id: org.id,
      label: JSON.stringify({ fr: 'Consultation (banc)', en: 'Consultation (bench)' }),
      duration_minutes: 20,
      colour: '#123456',
      eligible_practitioner_ids: practitioners,
      room_kind: null,
      equipment_kinds: [],
      preparation_instructions: JSON.stringify({ fr: '', en: '' }),
      documents_to_bring: '[]',
      new_patients_allowed: true,
      bookable_online: false,
      urgent_same_day_only: false,
      active: true,
      // The demo's completeness rules: the desk computes missing items for every row.
      completeness_code: 'anesthesia',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const patients = await db.kysely.selectFrom('patients').select('id').limit(2000).execute();
  const now = Date.now();
  const today = parisDateOf(now);
  const dayStart = parisStartOfDay(today) + 8 * 60 * MINUTE;
  const perPractitioner = 30;
  const appointments = practitioners.flatMap((practitionerId, p) =>
    Array.from({ length: perPractitioner }, (_, i) => ({
      organization_id: org.id,
      patient_id: patients[(p * perPractitioner + i) % patients.length]!.id,
      practitioner_id: practitionerId,
      appointment_type_id: type.id,
      site_id: site.id,
      starts_at: new Date(dayStart + i * 20 * MINUTE),
      ends_at: new Date(dayStart + (i + 1) * 20 * MINUTE),
      status: i < perPractitioner / 2 ? 'seen' : 'booked',
    })),
  );
  const inserted = await db.kysely
    .insertInto('appointments')
    .values(appointments)
    .returning(['id', 'patient_id', 'practitioner_id', 'starts_at', 'status'])
    .execute();
  const through = inserted.filter((a) => a.status === 'seen');
  await db.kysely
    .insertInto('reception_visits')
    .values(
      through.map((a, i) => ({
        organization_id: org.id,
        site_id: site.id,
        patient_id: a.patient_id,
        appointment_id: a.id,
        practitioner_id: a.practitioner_id,
        day: today,
        ticket: i + 1,
        stage: 'seen',
        scheduled_start: a.starts_at,
        arrived_at: new Date(new Date(a.starts_at).getTime() - 5 * MINUTE),
        called_at: new Date(new Date(a.starts_at).getTime() + 5 * MINUTE),
        seen_at: new Date(new Date(a.starts_at).getTime() + 20 * MINUTE),
      })),
    )
    .execute();
  await db.kysely
    .insertInto('reception_tickets')
    .values({ organization_id: org.id, day: today, last: through.length })
    .execute();

  const { sql } = await import('kysely');
  await sql`VACUUM ANALYZE`.execute(db.kysely);
  const cookie = await loginCookie(server.base);
  const size = `${practitionerCount} practitioners, ${inserted.length} appointments today`;
  const database = server.database;
  const rows: Row[] = [];

  const desk = async () => {
    const response = await fetch(`${server.base}/api/reception/desk?siteId=${site.id}`, {
      headers: { cookie },
    });
    if (response.status !== 200) throw new Error(`desk ${response.status}`);
    await response.arrayBuffer();
    serverSide.push(Number(/dur=([\d.]+)/.exec(response.headers.get('server-timing') ?? '')?.[1]));
  };
  const serverSide: number[] = [];
  for (let i = 0; i < 20; i++) await desk();
  serverSide.length = 0;
  rows.push(
    await load(
      { operation: 'GET /api/reception/desk (site, today), 1 client', size, database },
      300,
      1,
      desk,
    ),
  );
  // The figure is server-side: Fastify's own time for the answer (Server-Timing header).
  serverSide.sort((a, b) => a - b);
  rows.push({
    operation: 'desk, server-side time (Server-Timing), 1 client',
    size,
    database,
    count: serverSide.length,
    p50: percentile(serverSide, 50),
    p95: percentile(serverSide, 95),
    throughput: 1000 / (serverSide.reduce((sum, x) => sum + x, 0) / serverSide.length),
  });
  rows.push(
    await load(
      { operation: 'GET /api/reception/desk (site, today), 4 clients', size, database },
      300,
      4,
      desk,
    ),
  );

  const open = await Promise.all(Array.from({ length: screens }, () => openScreen(server.base, cookie)));
  const toArrive = inserted.filter((a) => a.status === 'booked').slice(0, 60);
  const latencies: number[] = [];
  let ticket = through.length;
  for (const appointment of toArrive) {
    ticket += 1;
    const seenByAll = Promise.all(
      open.map((screen) => new Promise<void>((resolve) => screen.waiters.push({ ticket, resolve }))),
    );
    const t0 = performance.now();
    const response = await fetch(`${server.base}/api/reception/arrivals`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ appointmentId: appointment.id, version: 0 }),
    });
    if (response.status !== 201) throw new Error(`arrival ${response.status} ${await response.text()}`);
    await seenByAll;
    latencies.push(performance.now() - t0);
  }
  latencies.sort((a, b) => a - b);
  rows.push({
    operation: `arrival → board on all ${screens} open screens (SSE)`,
    size: `${through.length + toArrive.length} visits in the board`,
    database,
    count: latencies.length,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    throughput: 1000 / (latencies.reduce((s, l) => s + l, 0) / latencies.length),
  });
  for (const screen of open) screen.close();
  await server.stop();
  return rows;
}
