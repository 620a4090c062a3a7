// Developer aid: per-kind latency of patient search on an already filled database (DATABASE_URL).
import { connect } from '../packages/server/src/db/connection.ts';
import { generatePatients } from '../packages/server/src/demo/patient-generator.ts';
import { searchPatients } from '../packages/server/src/patients/search-repository.ts';

const db = await connect({ databaseUrl: process.env.DATABASE_URL });
const org = await db.kysely.selectFrom('organizations').select('id').executeTakeFirstOrThrow();
const sample = [...generatePatients(3000, 7)].filter((_, i) => i % 10 === 3).slice(0, 60);
const kinds: Record<string, (p: (typeof sample)[number]) => string> = {
  prefix4: (p) => p.birthName.toLowerCase().slice(0, 4),
  fullname: (p) => `${p.birthGivenNames[0]!.toLowerCase()} ${p.birthName.toLowerCase()}`,
  namedate: (p) => {
    const [y, m, d] = p.birthDate.split('-');
    return `${p.birthName.toLowerCase().slice(0, 5)} ${d}/${m}/${y}`;
  },
  nir: (p) => p.nir!,
  phone: (p) => p.phones[0]!.number.replace('+33', '0'),
  misspelt: (p) => {
    const n = p.birthName.toLowerCase();
    return `${n.slice(0, 2)}${n.slice(3)} ${p.birthGivenNames[0]!.toLowerCase().slice(0, 3)}`;
  },
};
for (const [kind, query] of Object.entries(kinds)) {
  const times: number[] = [];
  let worst = '';
  for (const p of sample) {
    const t0 = performance.now();
    await searchPatients(db.kysely, org.id, query(p), { today: '2026-11-23', limit: 20 });
    const ms = performance.now() - t0;
    if (ms > Math.max(...times, 0)) worst = query(p);
    times.push(ms);
  }
  times.sort((a, b) => a - b);
  console.log(kind.padEnd(10), 'p50', times[30]!.toFixed(1), 'p95', times[57]!.toFixed(1), 'worst', worst);
}
await db.close();
