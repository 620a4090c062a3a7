import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { jsonCaller, loginCookie } from './http-session.ts';
import { startServer } from './server-under-test.ts';
import { generateAgenda } from './suites/agenda.ts';

/**
 * The 30-column day view alone, on the agenda suite's practice with `BENCH_AGENDA_YEARS` of
 * history (default 0.2: a quick generation): p50 and p95 of 200 reads, one at a time.
 * `node --import tsx bench/profile-day-view.ts`; BENCH_PROFILE=file.cpuprofile records the
 * server's thread during the reads.
 */
const server = await startServer(2000);
await generateAgenda(server.db, 21, 0, 1, Number(process.env.BENCH_AGENDA_YEARS ?? 0.2));
const request = jsonCaller(server.base, await loginCookie(server.base));
const DAY = 86_400_000;
const dateOf = (i: number) => new Date(Date.now() - (i % 60) * DAY).toISOString().slice(0, 10);
for (let i = 0; i < 50; i++) await request('GET', `/api/agenda/day?date=${dateOf(i)}`);
let session: Session | null = null;
if (process.env.BENCH_PROFILE) {
  session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
}
const times: number[] = [];
let appointments = 0;
for (let i = 0; i < 200; i++) {
  const started = performance.now();
  const r = await request('GET', `/api/agenda/day?date=${dateOf(i)}`);
  times.push(performance.now() - started);
  appointments += r.body.appointments.length;
}
if (session) {
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(process.env.BENCH_PROFILE!, JSON.stringify(profile));
}
times.sort((a, b) => a - b);
process.stdout.write(
  `day view on ${server.database}: p50 ${times[100]!.toFixed(1)} ms, p95 ${times[190]!.toFixed(1)} ms, ${(appointments / 200).toFixed(0)} appointments a day\n`,
);
process.exit(0);
