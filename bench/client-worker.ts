import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { percentile } from './measure.ts';

/**
 * HTTP clients on their own thread, so the server's event loop does not also run the clients'
 * fetch, JSON and timers: what is measured is the server, as it would be with desks on other
 * machines. The machine's cores are still shared.
 */
export interface ClientRequest {
  method: string;
  path: string;
  body?: unknown;
}

export interface ClientRun {
  count: number;
  p50: number;
  p95: number;
  throughput: number;
  statuses: Record<string, number>;
  /** Share of the wall-clock time the server's event loop was busy. */
  serverLoopBusy: number;
  /** CPU time of the server's thread per request (user + system, ms), read from /proc on Linux. */
  serverCpuPerRequest: number | null;
}

/** user + system CPU time of this process's main thread in ms, or null off Linux. */
function mainThreadCpu(): number | null {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of stat(5), in clock ticks (100 per second on Linux).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
}

interface Job {
  base: string;
  cookie: string;
  requests: ClientRequest[];
  concurrency: number;
}

export async function runClients(job: Job): Promise<ClientRun> {
  const before = performance.eventLoopUtilization();
  const cpuBefore = mainThreadCpu();
  const worker = new Worker(workerSource, { eval: true, workerData: job });
  const result = await new Promise<Omit<ClientRun, 'serverLoopBusy'>>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  await worker.terminate();
  const loop = performance.eventLoopUtilization(before);
  const cpuAfter = mainThreadCpu();
  return {
    ...result,
    serverLoopBusy: loop.utilization,
    serverCpuPerRequest:
      cpuBefore === null || cpuAfter === null ? null : (cpuAfter - cpuBefore) / job.requests.length,
  };
}

// The worker runs plain JavaScript: a worker thread of Node 20 does not inherit tsx's loader.
const workerSource = `
const { parentPort, workerData: job } = require('node:worker_threads');
const percentile = ${percentile.toString()};
(async () => {
  const latencies = [];
  const statuses = {};
  let next = 0;
  const started = performance.now();
  // node:http with a keep-alive agent: fetch's web streams cost the clients more CPU than the server.
  const http = require('node:http');
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.concurrency });
  const url = new URL(job.base);
  const send = (r) => new Promise((resolve, reject) => {
    const body = r.body ? JSON.stringify(r.body) : undefined;
    const request = http.request({
      agent, host: url.hostname, port: url.port, method: r.method, path: r.path,
      headers: { cookie: job.cookie, ...(body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } : {}) },
    }, (response) => {
      const chunks = [];
      response.on('data', (c) => chunks.push(c));
      response.on('end', () => resolve({ status: response.statusCode, text: Buffer.concat(chunks).toString() }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(body);
  });
  await Promise.all(Array.from({ length: job.concurrency }, async () => {
    for (;;) {
      const i = next++;
      if (i >= job.requests.length) return;
      const t0 = performance.now();
      const response = await send(job.requests[i]);
      latencies.push(performance.now() - t0);
      let code = '';
      if (response.status >= 400) try { code = JSON.parse(response.text).error?.code ?? ''; } catch {}
      const key = response.status + (code ? ' ' + code : '');
      statuses[key] = (statuses[key] ?? 0) + 1;
    }
  }));
  agent.destroy();
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  parentPort.postMessage({
    count: job.requests.length,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    throughput: job.requests.length / seconds,
    statuses,
  });
})();
`;
