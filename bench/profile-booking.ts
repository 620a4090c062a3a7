import { load } from './measure.ts';
import { startServer } from './server-under-test.ts';

/**
 * Booking throughput alone, on the demo practice (no generated history): finds distinct free
 * slots, then books them from 8 HTTP clients. `node --import tsx bench/profile-booking.ts [count]`;
 * add `--cpu-prof` to node to see where the time goes.
 */
let count = Number(process.argv[2] ?? 300);
const server = await startServer(2000);
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
  // biome-ignore lint/suspicious/noExplicitAny: a few fields of each answer
  return { status: response.status, body: (await response.json()) as any };
};
const types = (await request('GET', '/api/agenda/appointment-types')).body as {
  id: string;
  label: { fr: string };
}[];
const type = types.find((t) => t.label.fr === 'Consultation')!;
const free: { practitionerId: string; start: string; end: string }[] = [];
for (let week = 4; free.length < count && week < 60; week++) {
  const from = new Date(Date.now() + week * 7 * 86_400_000).toISOString();
  const found = (
    await request('POST', '/api/agenda/slots', {
      appointmentTypeId: type.id,
      from,
      days: 7,
      count: 100,
      stepMinutes: 20,
    })
  ).body as typeof free;
  // Slots of one search may overlap each other when the step is shorter than the motif.
  for (const s of found)
    if (!free.some((f) => f.practitionerId === s.practitionerId && f.start < s.end && s.start < f.end))
      free.push(s);
}
process.stderr.write(`${free.length} free slots found\n`);
count = Math.min(count, free.length);
const patients = await server.db.kysely.selectFrom('patients').select('id').limit(1000).execute();
let failures = 0;
const row = await load(
  { operation: 'bookings, 8 clients', size: '', database: server.database },
  count,
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
    if (r.status !== 201) {
      failures++;
      if (failures < 3) process.stderr.write(`${r.status} ${JSON.stringify(r.body)}\n`);
    }
  },
);
process.stdout.write(
  `${count} bookings on ${server.database}: ${row.throughput.toFixed(1)}/s, p50 ${row.p50.toFixed(1)} ms, p95 ${row.p95.toFixed(1)} ms, ${failures} failed\n`,
);
// Keep-alive sockets of fetch would hold the server open; the data folder is a temporary one.
await Promise.race([server.stop(), new Promise((resolve) => setTimeout(resolve, 2000))]);
process.exit(0);
