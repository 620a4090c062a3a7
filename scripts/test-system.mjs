// `npm run test:system`: the checks that need programs outside npm (LibreOffice, poppler). It says
// which are missing and how to install them, rather than skipping anything.
import { spawnSync } from 'node:child_process';
import {
  missingProgramsMessage,
  missingSystemPrograms,
} from '../packages/server/src/testing/system-programs.ts';

const missing = missingSystemPrograms();
if (missing.length > 0) {
  console.error(missingProgramsMessage(missing));
  process.exit(2);
}
const result = spawnSync('npx', ['vitest', 'run', '--project', 'system', ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
