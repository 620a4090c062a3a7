#!/usr/bin/env node
// The house shape, checked by `npm run lint` (docs/architecture.md, "The house shape"):
//  - a routes file (routes.ts, *-routes.ts) declares routes and calls one service: no SQL, no transaction;
//  - a capability imports another only through its door (index.ts), and no module is part of an
//    import cycle: both checked by dependency-cruiser with the rules in .dependency-cruiser.cjs.
// `node scripts/check-shape.mjs [root]` checks the tree at root (default: this repository); the
// test beside it plants violations in a copy and expects this check to fail on each.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const root = path.resolve(process.argv[2] ?? repository);

/** What a routes file must not contain: the query builder, raw SQL, a transaction, a driver query. */
const sqlMarks = [
  { pattern: /\.(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto)\(/, what: 'a query' },
  { pattern: /\bsql\s*(<[^>]*>)?\s*`/, what: 'raw SQL' },
  { pattern: /\.transaction\(\)/, what: 'a transaction' },
  { pattern: /\bfrom ['"]kysely['"]/, what: 'an import of the query builder' },
  {
    pattern: /\.(query|exec)\(\s*['"`]\s*(select|insert|update|delete|with|begin)\b/i,
    what: 'a driver query',
  },
];

function routeFiles(dir, out = []) {
  if (!fs.existsSync(dir)) return out;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') routeFiles(file, out);
    } else if (/(^|-)routes\.ts$/.test(entry.name)) out.push(file);
  }
  return out;
}

/** Where SQL may be written in the server, outside the capabilities' repositories. */
const sqlRooms = [
  /^packages\/server\/src\/(db|ops|testing)\//, // the connection, migrations, backups, the test kit
  /\/(repository|[a-z-]+-repository|tables)\.ts$/, // a capability's statements and its slice of the schema
  /\.test\.ts$/,
];

// Hot paths that stay prepared statements, each with its comment (docs/architecture.md).
const preparedHotPaths = new Set(['packages/server/src/agenda/booking.ts']);

function serverFiles(dir, out = []) {
  if (!fs.existsSync(dir)) return out;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') serverFiles(file, out);
    } else if (/\.ts$/.test(entry.name)) out.push(file);
  }
  return out;
}

const queryMarks = sqlMarks.filter(
  (mark) => mark.what !== 'a transaction' && !mark.what.startsWith('an import'),
);

const problems = [];
for (const file of serverFiles(path.join(root, 'packages', 'server', 'src'))) {
  const relative = path.relative(root, file).split(path.sep).join('/');
  if (/(^|-)routes\.ts$/.test(relative)) continue; // checked more strictly below
  if (sqlRooms.some((room) => room.test(relative)) || preparedHotPaths.has(relative)) continue;
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  lines.forEach((line, index) => {
    for (const mark of queryMarks) {
      if (mark.pattern.test(line)) {
        problems.push(
          `sql-outside-repository: ${relative}:${index + 1} holds ${mark.what}; move it to the capability's repository.ts, as a function of (tx, organizationId, …)`,
        );
      }
    }
  });
}
// Who owns a table: the capability whose tables.ts declares it; the foundation tables of
// db/schema.ts belong to the capabilities named here.
const foundationOwners = {
  organizations: 'organization',
  sites: 'organization',
  rooms: 'organization',
  users: 'auth',
  sessions: 'auth',
  audit_log: 'audit',
  schema_migrations: 'db',
};
function tableOwners() {
  const owners = new Map(Object.entries(foundationOwners));
  const server = path.join(root, 'packages', 'server', 'src');
  if (!fs.existsSync(server)) return owners;
  for (const capability of fs.readdirSync(server)) {
    const file = path.join(server, capability, 'tables.ts');
    if (!fs.existsSync(file)) continue;
    const text = fs.readFileSync(file, 'utf8');
    for (const block of text.matchAll(/export interface \w+Tables(?: extends [\w, ]+)? \{([^}]*)\}/g)) {
      for (const member of block[1].matchAll(/^\s+(\w+)\??:/gm)) owners.set(member[1], capability);
    }
  }
  return owners;
}

// A capability changes another's rows only through that capability's door, inside the caller's
// transaction (reads may join another's tables, e.g. a patient's name on an appointment). The
// exceptions are hot paths that write the audit entry and the record item in the same statement
// as their own rows, each with its comment (docs/architecture.md).
const crossWritesAllowed = new Set([
  'packages/server/src/agenda/booking.ts audit_log',
  'packages/server/src/agenda/booking.ts record_items',
  // An import of a whole practice writes its traces one statement per batch of patients.
  'packages/server/src/patients/repository.ts audit_log',
  'packages/server/src/patients/repository.ts record_items',
  // The patient file sits above identity vigilance and the directory (it calls their doors), so
  // they cannot call its door back: identity vigilance keeps a record's merge state, the directory
  // the mirror of the attending physician chosen in the care team.
  'packages/server/src/identity/repository.ts patients',
  'packages/server/src/directory/repository.ts patients',
]);
const writeMarks = [
  /\.(?:insertInto|updateTable|deleteFrom)\(\s*['"](\w+)['"]/g,
  /\b(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+([a-z_]+)\b/g,
];
const owners = tableOwners();
for (const file of serverFiles(path.join(root, 'packages', 'server', 'src'))) {
  const relative = path.relative(root, file).split(path.sep).join('/');
  const capability = relative.split('/')[3];
  if (!capability || relative.split('/').length < 5 || /\.test\.ts$/.test(relative)) continue;
  if (/^(db|ops|testing|demo)$/.test(capability)) continue;
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  lines.forEach((line, index) => {
    for (const mark of writeMarks) {
      for (const match of line.matchAll(mark)) {
        const owner = owners.get(match[1]);
        if (!owner || owner === capability || crossWritesAllowed.has(`${relative} ${match[1]}`)) continue;
        problems.push(
          `writes-another-capability-table: ${relative}:${index + 1} changes ${match[1]}, a table of ${owner}; ask ${owner}'s door (index.ts) to do it in your transaction`,
        );
      }
    }
  });
}
for (const file of routeFiles(path.join(root, 'packages', 'server', 'src'))) {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  lines.forEach((line, index) => {
    for (const mark of sqlMarks) {
      if (mark.pattern.test(line)) {
        problems.push(
          `routes-run-sql: ${path.relative(root, file)}:${index + 1} holds ${mark.what}; move it to the capability's repository.ts (SQL) or a service (transaction)`,
        );
      }
    }
  });
}

const cruiser = path.join(repository, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
const cruise = spawnSync(
  process.execPath,
  [cruiser, 'packages', '--config', path.join(repository, '.dependency-cruiser.cjs'), '--output-type', 'err'],
  { cwd: root, encoding: 'utf8' },
);
if (cruise.error) throw cruise.error;
const cruiseOutput = `${cruise.stdout}${cruise.stderr}`.trim();
if (cruise.status !== 0) problems.push(cruiseOutput);

if (problems.length > 0) {
  console.error(problems.join('\n'));
  console.error(
    `\nThe house shape is broken (${problems.length} finding${problems.length > 1 ? 's' : ''}): see docs/architecture.md.`,
  );
  process.exit(1);
}
console.log(
  `House shape: ${cruiseOutput.split('\n').at(-1) || 'dependencies checked'}; no routes file runs SQL; SQL only in repositories; no capability writes another's tables.`,
);
