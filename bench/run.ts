import { parseArgs } from 'node:util';
import { type Figure, printFigures, printTable, type Row } from './measure.ts';
import { agendaBench } from './suites/agenda.ts';
import { authRead } from './suites/auth-read.ts';
import { billingBench } from './suites/billing.ts';
import { confidentialityBench } from './suites/confidentiality.ts';
import { dailyPagesBench } from './suites/daily-pages.ts';
import { documentsBench } from './suites/documents.ts';
import { patientsBench, patientsImportBench } from './suites/patients.ts';
import { receptionBench } from './suites/reception.ts';
import { webBundleBench } from './suites/web-bundle.ts';

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
  'daily-pages': () => dailyPagesBench(),
};
// Suites whose figures are sizes or counts rather than latencies: printed in a table of their own.
const figureSuites: Record<string, () => Promise<Figure[]>> = {
  'web-bundle': webBundleBench,
  confidentiality: confidentialityBench,
};
const known = [...Object.keys(suites), ...Object.keys(figureSuites)];
const selected = values.suite ?? known;
const rows: Row[] = [];
const figures: Figure[] = [];
for (const name of selected) {
  const suite = suites[name];
  const figureSuite = figureSuites[name];
  if (!suite && !figureSuite) throw new Error(`unknown suite ${name}; known: ${known.join(', ')}`);
  process.stderr.write(`running ${name}…\n`);
  if (suite) rows.push(...(await suite()));
  if (figureSuite) figures.push(...(await figureSuite()));
}
if (rows.length > 0) console.log(printTable(rows));
if (figures.length > 0) console.log(printFigures(figures));
// A suite's keep-alive sockets or pool timers must not keep the command waiting once the table is out.
process.exit(0);
