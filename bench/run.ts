import { parseArgs } from 'node:util';
import { printTable, type Row } from './measure.ts';
import { authRead } from './suites/auth-read.ts';

/** `npm run bench [-- --suite NAME]`: runs the benchmark suites and prints one table. */
const suites: Record<string, () => Promise<Row[]>> = {
  'auth-read': authRead,
};

const { values } = parseArgs({ options: { suite: { type: 'string', multiple: true } } });
const selected = values.suite ?? Object.keys(suites);
const rows: Row[] = [];
for (const name of selected) {
  const suite = suites[name];
  if (!suite) throw new Error(`unknown suite ${name}; known: ${Object.keys(suites).join(', ')}`);
  process.stderr.write(`running ${name}…\n`);
  rows.push(...(await suite()));
}
console.log(printTable(rows));
