import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const check = path.resolve(import.meta.dirname, 'check-shape.mjs');
const roots: string[] = [];

/** A tiny repository in the house shape: agenda with its door and a thin routes file, reception using the door. */
function aRepository(extra: Record<string, string> = {}): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pivot-shape-'));
  roots.push(root);
  const files: Record<string, string> = {
    'tsconfig.base.json': JSON.stringify({
      compilerOptions: { allowImportingTsExtensions: true, noEmit: true },
    }),
    'packages/server/src/agenda/index.ts': "export { bookAppointment } from './appointment-service.ts';\n",
    'packages/server/src/agenda/appointment-service.ts':
      "import { insertAppointment } from './repository.ts';\nexport const bookAppointment = (tx: unknown) => insertAppointment(tx);\n",
    'packages/server/src/agenda/repository.ts':
      "export const insertAppointment = (tx: any) => tx.insertInto('appointments').values({}).execute();\n",
    'packages/server/src/agenda/routes.ts':
      "import { bookAppointment } from './appointment-service.ts';\nexport const routes = (db: unknown) => bookAppointment(db);\n",
    'packages/server/src/reception/desk-service.ts':
      "import { bookAppointment } from '../agenda/index.ts';\nexport const walkIn = (tx: unknown) => bookAppointment(tx);\n",
    ...extra,
  };
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  return root;
}

function runCheck(root: string) {
  const result = spawnSync(process.execPath, [check, root], { encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

afterEach(() => {
  for (const root of roots.splice(0)) fs.rmSync(root, { recursive: true, force: true });
});

describe('the house-shape check (npm run lint)', () => {
  it('passes a tree in the house shape', () => {
    const result = runCheck(aRepository());
    expect(result.output).not.toContain('error');
    expect(result.status).toBe(0);
  });

  it('fails on a routes file that runs SQL, naming the file and the line', () => {
    const result = runCheck(
      aRepository({
        'packages/server/src/agenda/routes.ts':
          "export const routes = (db: any) => db.selectFrom('appointments').selectAll().execute();\n",
      }),
    );
    expect(result.status).toBe(1);
    expect(result.output).toContain('routes-run-sql: packages/server/src/agenda/routes.ts:1 holds a query');
  });

  it('fails on a routes file that opens a transaction', () => {
    const result = runCheck(
      aRepository({
        'packages/server/src/agenda/admin-routes.ts':
          'export const routes = (db: any) => db.transaction().execute(async () => {});\n',
      }),
    );
    expect(result.status).toBe(1);
    expect(result.output).toContain('admin-routes.ts:1 holds a transaction');
  });

  it('fails on a service that runs SQL itself instead of calling its repository', () => {
    const result = runCheck(
      aRepository({
        'packages/server/src/agenda/appointment-service.ts':
          "export const bookAppointment = (tx: any) =>\n  tx.insertInto('appointments').values({}).execute();\n",
      }),
    );
    expect(result.status).toBe(1);
    expect(result.output).toContain(
      'sql-outside-repository: packages/server/src/agenda/appointment-service.ts:2 holds a query',
    );
  });

  it('fails on a repository that changes another capability’s table, naming its owner', () => {
    const result = runCheck(
      aRepository({
        'packages/server/src/agenda/tables.ts':
          'export interface AgendaTables {\n  appointments: { id: string };\n}\n',
        'packages/server/src/reception/tables.ts':
          'export interface ReceptionTables {\n  reception_visits: { id: string };\n}\n',
        'packages/server/src/reception/repository.ts':
          "export const arrive = (tx: any) =>\n  tx.updateTable('appointments').set({ status: 'arrived' }).execute();\n",
      }),
    );
    expect(result.status).toBe(1);
    expect(result.output).toContain(
      'writes-another-capability-table: packages/server/src/reception/repository.ts:2 changes appointments, a table of agenda',
    );
  });

  it('lets a repository read another capability’s table and change its own', () => {
    const result = runCheck(
      aRepository({
        'packages/server/src/agenda/tables.ts':
          'export interface AgendaTables {\n  appointments: { id: string };\n}\n',
        'packages/server/src/reception/tables.ts':
          'export interface ReceptionTables {\n  reception_visits: { id: string };\n}\n',
        'packages/server/src/reception/repository.ts':
          "export const day = (tx: any) => tx.selectFrom('appointments').selectAll().execute();\nexport const arrive = (tx: any) => tx.insertInto('reception_visits').values({}).execute();\n",
      }),
    );
    expect(result.output).not.toContain('writes-another-capability-table');
    expect(result.status).toBe(0);
  });

  it('fails on an import of another capability’s internals instead of its door', () => {
    const result = runCheck(
      aRepository({
        'packages/server/src/reception/desk-service.ts':
          "import { insertAppointment } from '../agenda/repository.ts';\nexport const walkIn = (tx: unknown) => insertAppointment(tx);\n",
      }),
    );
    expect(result.status).toBe(1);
    expect(result.output).toMatch(
      /capability-internals: packages\/server\/src\/reception\/desk-service\.ts → packages\/server\/src\/agenda\/repository\.ts/,
    );
  });

  it('fails on an import cycle, but not on a cycle made only of type imports', () => {
    const cycle = runCheck(
      aRepository({
        'packages/server/src/agenda/slots.ts':
          "import { day } from './day.ts';\nexport const slot = () => day;\n",
        'packages/server/src/agenda/day.ts':
          "import { slot } from './slots.ts';\nexport const day = () => slot;\n",
      }),
    );
    expect(cycle.status).toBe(1);
    expect(cycle.output).toContain('import-cycle');

    const typesOnly = runCheck(
      aRepository({
        'packages/server/src/agenda/slots.ts':
          "import type { Day } from './day.ts';\nexport type Slot = { day: Day };\nexport const slot = 1;\n",
        'packages/server/src/agenda/day.ts':
          "import type { Slot } from './slots.ts';\nexport type Day = { slots: Slot[] };\nexport const day = 1;\n",
      }),
    );
    expect(typesOnly.output).not.toContain('import-cycle');
    expect(typesOnly.status).toBe(0);
  });

  it('fails on production code importing the test kit', () => {
    const result = runCheck(
      aRepository({
        'packages/server/src/testing/call-as.ts': 'export const callAs = 1;\n',
        'packages/server/src/agenda/demo.ts':
          "import { callAs } from '../testing/call-as.ts';\nexport const d = callAs;\n",
      }),
    );
    expect(result.status).toBe(1);
    expect(result.output).toContain('production-imports-test-support');
  });
});
