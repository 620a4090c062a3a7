export interface Row {
  operation: string;
  size: string;
  database: string;
  count: number;
  p50: number;
  p95: number;
  throughput: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

/**
 * Runs `operation` from `concurrency` parallel loops until `count` calls are done, and returns
 * latency percentiles (ms) and the throughput (calls per second) over the wall-clock time.
 */
export async function load(
  name: { operation: string; size: string; database: string },
  count: number,
  concurrency: number,
  operation: (i: number) => Promise<void>,
): Promise<Row> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (;;) {
        const i = next++;
        if (i >= count) return;
        const t0 = performance.now();
        await operation(i);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    ...name,
    count,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    throughput: count / seconds,
  };
}

export function printTable(rows: Row[]): string {
  const header = ['operation', 'size', 'database', 'n', 'p50 (ms)', 'p95 (ms)', 'throughput (/s)'];
  const lines = rows.map((r) => [
    r.operation,
    r.size,
    r.database,
    String(r.count),
    r.p50.toFixed(2),
    r.p95.toFixed(2),
    r.throughput.toFixed(1),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [fmt(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(fmt)].join('\n');
}

/** A measured quantity that is not a latency (a download size, a count), printed in its own table. */
export interface Figure {
  measure: string;
  value: number;
  unit: string;
  target: string;
}

export function printFigures(figures: Figure[]): string {
  const header = ['measure', 'value', 'unit', 'target'];
  const lines = figures.map((f) => [
    f.measure,
    Number.isInteger(f.value) ? String(f.value) : f.value.toFixed(1),
    f.unit,
    f.target,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [fmt(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(fmt)].join('\n');
}
