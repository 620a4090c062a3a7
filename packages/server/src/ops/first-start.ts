import type { FastifyBaseLogger } from 'fastify';
import { userCount } from '../auth/index.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/connection.ts';
import { seedDemo } from '../demo/seed.ts';

/**
 * On a database without accounts: demo mode creates the demo practice and its accounts;
 * production mode creates nothing and waits for the first administrator (first-run page or CLI).
 */
export async function firstStart(
  db: Db,
  config: Config,
  log: Pick<FastifyBaseLogger, 'info' | 'warn'>,
  demoPatients = 2000,
) {
  if ((await userCount(db)) > 0) return 'ready' as const;
  if (config.mode === 'demo') {
    log.info('creating demo data (first start)');
    const summary = await seedDemo(db, { patients: demoPatients });
    log.info(summary, 'demo data created');
    return 'demo_created' as const;
  }
  log.warn('no account yet: open the first-run page or run `npm run create-admin`');
  return 'awaiting_setup' as const;
}
