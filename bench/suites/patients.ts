import { sql } from 'kysely';
import { generatePatients } from '../../packages/server/src/demo/patient-generator.ts';
import { insertPatientRows, type NewPatient } from '../../packages/server/src/patients/bulk-insert.ts';
import { loginCookie } from '../http-session.ts';
import { load, type Row } from '../measure.ts';
import { startServer } from '../server-under-test.ts';

/** Queries a secretary types, drawn from the population itself (fixed seed): names, dates, NIR, phone. */
function typedQueries(sample: NewPatient[]): string[] {
  const queries: string[] = [];
  sample.forEach((p, i) => {
    const given = p.birthGivenNames[0]!.toLowerCase();
    const name = p.birthName.toLowerCase();
    const [y, m, d] = p.birthDate.split('-');
    switch (i % 6) {
      case 0:
        queries.push(name.slice(0, 4));
        break;
      case 1:
        queries.push(`${given} ${name}`);
        break;
      case 2:
        queries.push(`${name.slice(0, 5)} ${d}/${m}/${y}`);
        break;
      case 3:
        queries.push(p.nir!);
        break;
      case 4:
        queries.push(p.phones[0]!.number.replace('+33', '0'));
        break;
      default:
        // A misspelling: one letter dropped in the middle of the name.
        queries.push(`${name.slice(0, 2)}${name.slice(3)} ${given.slice(0, 3)}`);
    }
  });
  return queries;
}

export async function patientsBench(size: number): Promise<Row[]> {
  const server = await startServer(0);
  const sizeLabel = `${size.toLocaleString('en')} patients`;
  const org = await server.db.kysely.selectFrom('organizations').select('id').executeTakeFirstOrThrow();
  const started = performance.now();
  await insertPatientRows(server.db, org.id, generatePatients(size, 7));
  // What autovacuum does on a live database: index-only scans need the visibility map.
  await sql`VACUUM ANALYZE`.execute(server.db.kysely);
  process.stderr.write(
    `  ${size} patients inserted in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
  );

  const sample = [...generatePatients(Math.min(size, 3000), 7)].filter((_, i) => i % 10 === 3).slice(0, 300);
  const queries = typedQueries(sample);
  const cookie = await loginCookie(server.base);
  const postJson = async (path: string, body: unknown) => {
    const response = await fetch(`${server.base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify(body),
    });
    if (response.status >= 400) throw new Error(`${path} ${response.status} ${await response.text()}`);
    return response.json();
  };
  let found = 0;
  const rows: Row[] = [];
  // One secretary typing (requests one after the other), then four desks at once.
  for (const concurrency of [1, 4]) {
    found = 0;
    rows.push(
      await load(
        {
          operation: `search as you type, ${concurrency} client(s)`,
          size: sizeLabel,
          database: server.database,
        },
        queries.length * 2,
        concurrency,
        async (i) => {
          const results = (await postJson('/api/patients/search', {
            q: queries[i % queries.length],
            limit: 20,
          })) as unknown[];
          if (results.length > 0) found++;
        },
      ),
    );
    process.stderr.write(`  ${found} of ${queries.length * 2} searches found someone\n`);
  }
  rows.push(
    await load(
      { operation: 'duplicate check at creation, 1 client', size: sizeLabel, database: server.database },
      sample.length * 2,
      1,
      async (i) => {
        const p = sample[i % sample.length]!;
        await postJson('/api/patients/duplicates', {
          birthName: p.birthName,
          birthGivenNames: p.birthGivenNames,
          birthDate: p.birthDate,
          sex: p.sex,
          nir: i % 2 ? p.nir : undefined,
        });
      },
    ),
  );
  await server.stop();
  return rows;
}

/** CSV import of a whole practice export through the API (dry run, then commit). */
export async function patientsImportBench(size: number): Promise<Row[]> {
  const server = await startServer(0);
  const header = 'NOM;PRENOMS;NAISSANCE;SEXE;LIEU;NIR;PORTABLE';
  const lines = [...generatePatients(size, 11)].map((p) => {
    const [y, m, d] = p.birthDate.split('-');
    return [
      p.birthName,
      p.birthGivenNames.join(' '),
      `${d}/${m}/${y}`,
      p.sex,
      p.birthPlaceCode,
      p.nir,
      p.phones[0]!.number,
    ].join(';');
  });
  const csv = [header, ...lines].join('\n');
  const cookie = await loginCookie(server.base);
  const mapping = {
    birthName: 'NOM',
    birthGivenNames: 'PRENOMS',
    birthDate: 'NAISSANCE',
    sex: 'SEXE',
    birthPlaceCode: 'LIEU',
    nir: 'NIR',
    mobilePhone: 'PORTABLE',
  };
  const rows: Row[] = [];
  for (const commit of [false, true]) {
    let created = 0;
    rows.push(
      await load(
        {
          operation: `CSV import ${commit ? 'commit' : 'dry run'} (POST /api/patients/import)`,
          size: `${size.toLocaleString('en')} lines`,
          database: server.database,
        },
        1,
        1,
        async () => {
          const response = await fetch(`${server.base}/api/patients/import`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', cookie },
            body: JSON.stringify({ csv, mapping, commit }),
          });
          const report = (await response.json()) as { created: number; valid: number };
          if (response.status !== 200) throw new Error(JSON.stringify(report));
          created = report.created;
        },
      ),
    );
    if (commit) process.stderr.write(`  import created ${created} patients\n`);
  }
  await server.stop();
  return rows;
}
