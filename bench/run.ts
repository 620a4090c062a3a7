import { parseArgs } from 'node:util';
import { printTable, type Row } from './measure.ts';
import { agendaBench } from './suites/agenda.ts';
import { authRead } from './suites/auth-read.ts';
import { billingBench } from './suites/billing.ts';
import { documentsBench } from './suites/documents.ts';
import { patientsBench, patientsImportBench } from './suites/patients.ts';
import { receptionBench } from './suites/reception.ts';

/**
 * `npm run bench [-- --suite NAME] [-- --patients N]`: runs the benchmark suites and prints one
 * table. With DATABASE_URL they run on that PostgreSQL database (emptied first), else on PGlite.
 * Default sizes are the issues': 100,000 patients on PGlite, 1,000,000 on PostgreSQL.
 */
const { values } = parseArgs({
  options: {
    suite: { type: 'string', multiple: true },
    patients: { type: 'string' },
    import: { type: 'string' },
  },
});
const patients = Number(values.patients ?? (process.env.DATABASE_URL ? 1_000_000 : 100_000));
const importLines = Number(values.import ?? 100_000);
const suites: Record<string, () => Promise<Row[]>> = {
  documents: documentsBench,
  'auth-read': authRead,
  patients: () => patientsBench(patients),
  'patients-import': () => patientsImportBench(importLines),
  billing: () => billingBench(),
  agenda: () => agendaBench(),
  reception: () => receptionBench(),
};
const selected = values.suite ?? Object.keys(suites);
const rows: Row[] = [];
for (const name of selected) {
  const suite = suites[name];
  if (!suite) throw new Error(`unknown suite ${name}; known: ${Object.keys(suites).join(', ')}`);
  process.stderr.write(`running ${name}…\n`);
  rows.push(...(await suite()));
}
console.log(printTable(rows));
// A suite's keep-alive sockets or pool timers must not keep the command waiting once the table is out.
process.exit(0);
