import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { DestinationStream } from 'pino';
import { accountingRoutes } from './accounting/index.ts';
import { agendaRoutes } from './agenda/index.ts';
import { auditRoutes } from './audit/index.ts';
import { authRoutes, type SecretBox, secretBox, setupRoutes, usersRoutes } from './auth/index.ts';
import { billingRoutes } from './billing/index.ts';
import type { Config } from './config.ts';
import type { Db } from './db/connection.ts';
import { directoryRoutes } from './directory/index.ts';
import { documentsRoutes } from './documents/index.ts';
import { registerAuthHook } from './http/auth-hook.ts';
import { registerCrossSiteCheck } from './http/cross-site.ts';
import { registerErrorHandling } from './http/errors.ts';
import { healthRoutes } from './http/health-routes.ts';
import { loggerOptions } from './http/logging.ts';
import { registerOpenApi } from './http/openapi.ts';
import { registerSecurityHeaders } from './http/security-headers.ts';
import { identityRoutes } from './identity/index.ts';
import './http/types.ts';
import { localDirectoryStorage } from './files/storage.ts';
import { mailRoutes } from './mail/index.ts';
import { loadSecretKey } from './ops/secret-key.ts';
import { organizationRoutes } from './organization/index.ts';
import { coverageRoutes, patientsRoutes } from './patients/index.ts';
import { receptionRoutes } from './reception/index.ts';
import { completenessRoutes, recordRoutes } from './records/index.ts';

export interface RouteEntry {
  methods: string[];
  url: string;
  permission: string | undefined;
}

export interface AppOptions {
  config: Config;
  db: Db;
  logger?: boolean;
  /** Default: the key of the configuration (ops/secret-key.ts). */
  secrets?: SecretBox;
  /** Where the log goes (standard output by default); the tests read it. */
  logStream?: DestinationStream;
}

/** A hop count as the function Fastify builds from it (its types accept only the other forms). */
function trustedProxies(trust: Config['trustProxy']) {
  return typeof trust === 'number' ? (_address: string, hop: number) => hop < trust : trust;
}

const defaultWebDist = resolve(dirname(fileURLToPath(import.meta.url)), '../../web/dist');

/** Builds the whole HTTP application from its parts; used by `npm start` and by the API tests. */
export async function buildApp({
  config,
  db,
  logger = true,
  logStream,
  secrets,
}: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ? loggerOptions(config, logStream) : false,
    bodyLimit: 1_048_576,
    // The client's address (login brakes, rate limit, audit log) comes from X-Forwarded-For only
    // when the peer is one of the proxies the operator named (PIVOT_TRUST_PROXY).
    trustProxy: trustedProxies(config.trustProxy),
  });
  app.decorate('db', db);
  app.decorate('storage', localDirectoryStorage(join(config.dataDir, 'files')));
  app.decorate('config', config);
  app.decorate('secrets', secrets ?? secretBox(loadSecretKey(config)));
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // The API documentation pages are public; every other route declares its permission itself.
  const routes: RouteEntry[] = [];
  app.decorate('routeCatalogue', routes);
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/docs')) route.config = { ...(route.config ?? {}), permission: 'public' };
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    routes.push({ methods, url: route.url, permission: route.config?.permission });
  });

  await registerSecurityHeaders(app);
  registerCrossSiteCheck(app);
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: 10 * 1024 * 1024, files: 1, fields: 10 } });
  await app.register(rateLimit, { global: false });
  registerErrorHandling(app);
  // Server-side time of each answer (read, rules, SQL, serialization), for browsers' developer
  // tools and the benchmarks: a standard header carrying no data.
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('server-timing', `app;dur=${reply.elapsedTime.toFixed(1)}`);
    return payload;
  });
  registerAuthHook(app);
  await registerOpenApi(app);

  await app.register(healthRoutes);
  await app.register(setupRoutes);
  await app.register(authRoutes);
  await app.register(usersRoutes);
  await app.register(organizationRoutes);
  await app.register(auditRoutes);
  await app.register(patientsRoutes);
  await app.register(identityRoutes);
  await app.register(coverageRoutes);
  await app.register(recordRoutes);
  await app.register(completenessRoutes);
  await app.register(directoryRoutes);
  await app.register(agendaRoutes);
  await app.register(billingRoutes);
  await app.register(accountingRoutes);
  await app.register(documentsRoutes);
  await app.register(mailRoutes);
  await app.register(receptionRoutes);

  const webDist = config.webDist ?? defaultWebDist;
  if (existsSync(join(webDist, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      // The page is sent by the routes below: the plugin's own index looks for a compressed copy
      // only (a page that small has none) and answered 404 to every browser at `/`.
      index: false,
      // The build writes .br and .gz copies (scripts/precompress-web.mjs): sent to browsers that
      // accept them, the first download of the app is about a fifth of its size.
      preCompressed: true,
      cacheControl: false,
      setHeaders(res, path) {
        // Assets carry their content's hash in their name: a browser may keep them for good. The
        // page itself is asked for again each time, so an update reaches every screen.
        res.setHeader(
          'cache-control',
          /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
    // `/` and the client-side routes (/agenda, /patients/...) all load the single-page app.
    const page = { config: { permission: 'public' as const }, schema: { hide: true } };
    app.get('/', page, (_request, reply) => reply.sendFile('index.html'));
    app.get('/*', page, (request, reply) => {
      if (request.url.startsWith('/api/')) return reply.callNotFound();
      return reply.sendFile('index.html');
    });
  }
  return app;
}
