import { loginCookie } from '../http-session.ts';
import { load, type Row } from '../measure.ts';
import { startServer } from '../server-under-test.ts';

/** Foundation: sign-in (argon2id) and an authenticated API read, over HTTP on loopback. */
export async function authRead(): Promise<Row[]> {
  const server = await startServer(2000);
  const size = '11 accounts, 2,000 patients';
  const loginOnce = () => loginCookie(server.base);
  const rows: Row[] = [];
  rows.push(
    await load({ operation: 'POST /api/auth/login', size, database: server.database }, 200, 4, async () => {
      await loginOnce();
    }),
  );
  const cookie = await loginOnce();
  rows.push(
    await load(
      { operation: 'GET /api/organization (authenticated)', size, database: server.database },
      5000,
      16,
      async () => {
        const response = await fetch(`${server.base}/api/organization`, { headers: { cookie } });
        if (response.status !== 200) throw new Error(`read ${response.status}`);
        await response.arrayBuffer();
      },
    ),
  );
  await server.stop();
  return rows;
}
