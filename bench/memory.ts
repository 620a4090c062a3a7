import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { jsonCaller, loginCookie } from './http-session.ts';

/**
 * `npm run bench:memory`: the resident memory of a real Pivot process (`npm start`'s server on the
 * embedded database with the demo practice) at rest, under a minute of desk work, and once the
 * work has stopped. Memory does not depend on how busy the machine is, unlike the timings of the
 * other suites. Options: --load-seconds (60), --rest-seconds (45), --clients (4), --rounds (2).
 */
const { values } = parseArgs({
  options: {
    'load-seconds': { type: 'string' },
    'rest-seconds': { type: 'string' },
    clients: { type: 'string' },
    rounds: { type: 'string' },
  },
});
const loadSeconds = Number(values['load-seconds'] ?? 60);
const restSeconds = Number(values['rest-seconds'] ?? 45);
const clients = Number(values.clients ?? 4);
const rounds = Number(values.rounds ?? 2);
// The spell-checker gives its word lists back after this long unused; the bench waits for it.
const spellIdleSeconds = 30;

const port = 3900 + Math.floor(Math.random() * 90);
const base = `http://127.0.0.1:${port}`;
const dataDir = mkdtempSync(join(tmpdir(), 'pivot-memory-'));
const sleep = (seconds: number) => new Promise((resolve) => setTimeout(resolve, seconds * 1000));

function residentMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

async function start(): Promise<ChildProcess> {
  // As `npm start` runs it.
  const server = spawn('node', ['--expose-gc', '--import', 'tsx', 'packages/server/src/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      PIVOT_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      PIVOT_LOGIN_RATE_LIMIT: '100000',
      PIVOT_SPELL_CHECKER_IDLE_SECONDS: String(spellIdleSeconds),
      MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 600; i++) {
    if (
      await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return server;
    await sleep(0.5);
  }
  throw new Error('Pivot did not start');
}

async function stop(server: ChildProcess) {
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  await exited;
}

/** A secretary's and a practitioner's requests in turn: search, record, day view, spell-check, print. */
async function deskWork(seconds: number) {
  const secretary = jsonCaller(base, await loginCookie(base));
  const doctor = jsonCaller(base, await loginCookie(base, 'medecin@demo.pivot'));
  const names = ['MAR', 'DUR', 'BER', 'PET', 'LEF', 'MOR', 'LAU', 'SIM', 'MIC', 'GAR'];
  const today = new Date().toISOString().slice(0, 10);
  const text = 'La patiante présente une hypertention artérielle traitée par amlodipine depuis trois ans. ';
  const deadline = Date.now() + seconds * 1000;
  let requests = 0;
  const refused = new Map<string, number>();
  const call =
    (caller: ReturnType<typeof jsonCaller>) => async (method: string, path: string, body?: unknown) => {
      const answer = await caller(method, path, body);
      requests += 1;
      if (answer.status >= 400) {
        const route = `${method} ${path.split('?')[0]!.replace(/[0-9a-f-]{36}/, ':id')} ${answer.status}`;
        refused.set(route, (refused.get(route) ?? 0) + 1);
      }
      return answer;
    };
  const asSecretary = call(secretary);
  const asDoctor = call(doctor);
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let i = client; Date.now() < deadline; i += clients) {
        const found = await asSecretary('POST', '/api/patients/search', {
          q: names[i % names.length],
          limit: 20,
        });
        const patient = found.body[0];
        if (patient) await asDoctor('GET', `/api/patients/${patient.id}/timeline`);
        await asSecretary('GET', `/api/agenda/day?date=${today}`);
        await asDoctor('POST', '/api/spell-check', { text: text.repeat(1 + (i % 8)) });
        await asSecretary('GET', '/api/reception/waiting-room');
      }
    }),
  );
  // A refused request measures nothing: the bench says so rather than print a flattering figure.
  if (refused.size > 0) throw new Error(`refused requests: ${JSON.stringify([...refused])}`);
  return requests;
}

const rows: [string, string][] = [];
let server = await start();
await sleep(restSeconds);
rows.push(['after the first start (demo practice created), at rest', residentMb(server.pid!).toFixed(0)]);
await stop(server);

server = await start();
await sleep(restSeconds);
const atRest = residentMb(server.pid!);
rows.push([`restarted, at rest ${restSeconds} s`, atRest.toFixed(0)]);

// Two rounds: the first warms the bounded caches (PGlite's buffer cache, the spell-checker), the
// second shows whether anything is still growing.
let previous = atRest;
for (let round = 1; round <= rounds; round++) {
  let peak = previous;
  const sampler = setInterval(() => {
    peak = Math.max(peak, residentMb(server.pid!));
  }, 250);
  const requests = await deskWork(loadSeconds);
  clearInterval(sampler);
  rows.push([
    `round ${round}: ${loadSeconds} s of desk work (${clients} clients, ${requests} requests), peak`,
    peak.toFixed(0),
  ]);
  await sleep(spellIdleSeconds + restSeconds);
  const after = residentMb(server.pid!);
  rows.push([`  ${spellIdleSeconds + restSeconds} s after the work stopped`, after.toFixed(0)]);
  rows.push([`  kept since ${round === 1 ? 'rest' : `round ${round - 1}`}`, (after - previous).toFixed(0)]);
  previous = after;
}
await stop(server);
rmSync(dataDir, { recursive: true, force: true });

const width = Math.max(...rows.map(([label]) => label.length));
console.log(`${'resident memory of the Pivot process (PGlite, demo practice)'.padEnd(width)}  MB`);
for (const [label, mb] of rows) console.log(`${label.padEnd(width)}  ${mb.padStart(4)}`);
console.log(
  `embedded buffer cache: ${process.env.PIVOT_PGLITE_SHARED_BUFFERS ?? '32MB (default)'}; spell-checker idle time ${spellIdleSeconds} s; MALLOC_ARENA_MAX=${process.env.MALLOC_ARENA_MAX ?? '2'}`,
);
process.exit(0);
