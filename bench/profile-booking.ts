import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { runClients } from './client-worker.ts';
import { bookingRequests, jsonCaller, loginCookie } from './http-session.ts';
import { startServer } from './server-under-test.ts';

/**
 * Booking throughput alone, on the demo practice (no generated history): finds distinct free
 * slots, then books them from HTTP clients
 * on a thread of their own (BENCH_CLIENTS, default 16). `node --import tsx bench/profile-booking.ts [count]`;
 * add `--cpu-prof` to node to see where the time goes.
 */
let count = Number(process.argv[2] ?? 300);
const server = await startServer(2000);
const cookie = await loginCookie(server.base);
const request = jsonCaller(server.base, cookie);
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
const clients = Number(process.env.BENCH_CLIENTS ?? 16);
// BENCH_PROFILE=file.cpuprofile records the server's thread during the bookings only.
const profiling = process.env.BENCH_PROFILE ? await startProfile() : null;
const threadsBefore = threadCpu();
const cpuBefore = { process: process.cpuUsage(), postgres: postgresCpu() };
const run = await runClients({
  base: server.base,
  cookie,
  concurrency: clients,
  requests: bookingRequests(free.slice(0, count), patients, type.id),
});
const processCpu = process.cpuUsage(cpuBefore.process);
// BENCH_THREADS=1 prints the CPU per booking of each thread (main, V8 helpers, libuv pool, clients).
if (process.env.BENCH_THREADS) {
  const after = threadCpu();
  for (const [k, v] of after)
    process.stderr.write(`thread ${k}: ${((v - (threadsBefore.get(k) ?? 0)) / count).toFixed(2)} ms\n`);
}
const postgresMs = postgresCpu() - cpuBefore.postgres;
if (profiling) await profiling.stop(process.env.BENCH_PROFILE!);
process.stdout.write(
  `${count} bookings on ${server.database}, ${clients} clients: ${run.throughput.toFixed(1)}/s, p50 ${run.p50.toFixed(1)} ms, p95 ${run.p95.toFixed(1)} ms, server loop busy ${(run.serverLoopBusy * 100).toFixed(0)} %, server thread CPU ${run.serverCpuPerRequest?.toFixed(2)} ms per booking, ${JSON.stringify(run.statuses)}\n` +
    `CPU per booking: whole Node process (server, clients, GC) ${((processCpu.user + processCpu.system) / 1000 / count).toFixed(2)} ms, local PostgreSQL processes ${(postgresMs / count).toFixed(2)} ms\n`,
);
// Keep-alive sockets of fetch would hold the server open; the data folder is a temporary one.
await Promise.race([server.stop(), new Promise((resolve) => setTimeout(resolve, 2000))]);
process.exit(0);

async function startProfile() {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return {
    async stop(file: string) {
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
    },
  };
}

/** CPU time (ms) of the local PostgreSQL processes so far; 0 when PostgreSQL runs elsewhere or off Linux. */
function postgresCpu(): number {
  let total = 0;
  try {
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        if (!stat.includes('(postgres)')) continue;
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        total += ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
      } catch {}
    }
  } catch {}
  return total;
}

/** CPU time (ms) of each thread of this process, by thread id and name. */
function threadCpu() {
  const m = new Map<string, number>();
  for (const tid of readdirSync('/proc/self/task')) {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    m.set(`${tid} ${name}`, ((Number(fields[11]) + Number(fields[12])) * 1000) / 100);
  }
  return m;
}
