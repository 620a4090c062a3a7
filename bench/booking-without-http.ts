import { bookAppointment } from '../packages/server/src/agenda/booking.ts';
import type { Actor } from '../packages/server/src/http/request-context.ts';
import { startServer } from './server-under-test.ts';

/**
 * The booking's own cost, without HTTP: `bookAppointment` called one after another on the demo
 * practice (PGlite, or DATABASE_URL), so the database engine's share of a booking is seen alone.
 * `node --import tsx bench/booking-without-http.ts [count]`. Slots are 20-minute ones from
 * 4 January 2027 on, booked with an override reason so that opening hours do not matter.
 */
const count = Number(process.argv[2] ?? 600);
const server = await startServer(2000);
const { kysely } = server.db;
const secretary = await kysely
  .selectFrom('users')
  .selectAll()
  .where('email', '=', 'secretaire@demo.pivot')
  .executeTakeFirstOrThrow();
const actor: Actor = {
  sessionId: 'bench',
  userId: secretary.id,
  organizationId: secretary.organization_id,
  role: 'secretary',
  language: 'fr',
  displayName: secretary.display_name,
  ip: '127.0.0.1',
  userAgent: 'bench',
};
const types = await kysely.selectFrom('appointment_types').select(['id', 'label']).execute();
const type = types.find((t) => (t.label as { fr: string }).fr === 'Consultation')!;
const practitioners = await kysely
  .selectFrom('users')
  .select('id')
  .where('role', '=', 'practitioner')
  .execute();
const patients = await kysely.selectFrom('patients').select('id').limit(1000).execute();
const firstSlot = Date.UTC(2027, 0, 4, 8, 0);
const minutes = 60_000;
let failed = 0;
const started = performance.now();
for (let i = 0; i < count; i++) {
  const k = Math.floor(i / practitioners.length);
  const start = firstSlot + Math.floor(k / 9) * 86_400_000 + (k % 9) * 20 * minutes;
  await bookAppointment(server.db, actor, {
    patientId: patients[i % patients.length]!.id,
    practitionerId: practitioners[i % practitioners.length]!.id,
    appointmentTypeId: type.id,
    start: new Date(start).toISOString(),
    end: new Date(start + 20 * minutes).toISOString(),
    comment: '',
    roomId: null,
    equipmentIds: [],
    override: { reason: 'bench' },
  }).catch(() => failed++);
}
const each = (performance.now() - started) / count;
process.stdout.write(
  `${count} bookings on ${server.database} without HTTP, one at a time: ${each.toFixed(2)} ms each (${failed} failed)\n`,
);
process.exit(0);
