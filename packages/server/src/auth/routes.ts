import {
  languageView,
  loginInput,
  meView,
  okView,
  passwordChangeInput,
  revokedSessionsView,
  totpConfirmInput,
  totpSetupView,
} from '@pivot/core/auth';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../http/request-context.ts';
import * as auth from './auth-service.ts';
import { sessionCookie } from './session-token.ts';

export async function authRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db, config, secrets } = app;

  const setCookie = (reply: FastifyReply, token: string, expires: Date) =>
    reply.setCookie(sessionCookie, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: config.cookieSecure,
      expires,
    });

  app.post(
    '/api/auth/login',
    {
      config: {
        permission: 'public',
        rateLimit: { max: config.loginRateLimitPerMinute, timeWindow: '1 minute' },
      },
      schema: {
        tags: ['auth'],
        summary: 'Sign in (sets the session cookie)',
        body: loginInput,
        response: { 200: meView },
      },
    },
    async (request, reply) => {
      const result = await auth.login(db, config, secrets, request.body, {
        ip: request.ip,
        userAgent: String(request.headers['user-agent'] ?? '').slice(0, 300),
      });
      setCookie(reply, result.token, result.expiresAt);
      return auth.whoAmI(db, result.user.id);
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { permission: 'public' },
      schema: { tags: ['auth'], summary: 'Sign out', response: { 200: okView } },
    },
    async (request, reply) => {
      const token = request.cookies[sessionCookie];
      if (token) await auth.logout(db, token);
      reply.clearCookie(sessionCookie, { path: '/' });
      return { ok: true };
    },
  );

  app.get(
    '/api/auth/me',
    {
      config: { permission: 'authenticated' },
      schema: { tags: ['auth'], summary: 'The signed-in user', response: { 200: meView } },
    },
    async (request) => auth.whoAmI(db, actorOf(request).userId),
  );

  app.put(
    '/api/auth/me/language',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: 'My interface language',
        body: z.object({ language: z.enum(['fr', 'en']) }),
        response: { 200: languageView },
      },
    },
    async (request) => auth.setLanguage(db, actorOf(request).userId, request.body.language),
  );

  app.post(
    '/api/auth/sessions/revoke-all',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: 'Close every other session of mine',
        response: { 200: revokedSessionsView },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return { revoked: await auth.revokeAllSessions(db, actor.userId, actor.sessionId) };
    },
  );

  app.post(
    '/api/auth/password',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: 'Change my password',
        body: passwordChangeInput,
        response: { 200: okView },
      },
    },
    async (request) => {
      await auth.changePassword(db, actorOf(request), request.body.currentPassword, request.body.newPassword);
      return { ok: true };
    },
  );

  app.post(
    '/api/auth/totp/setup',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: 'Start enrolling a TOTP second factor',
        response: { 200: totpSetupView },
      },
    },
    async (request) => auth.beginTotpSetup(db, secrets, actorOf(request).userId),
  );

  app.post(
    '/api/auth/totp/confirm',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: 'Confirm the TOTP enrolment',
        body: totpConfirmInput,
        response: { 200: okView },
      },
    },
    async (request) => {
      await auth.confirmTotp(db, secrets, actorOf(request), request.body.code);
      return { ok: true };
    },
  );

  app.post(
    '/api/auth/totp/disable',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: 'Remove the TOTP second factor',
        body: totpConfirmInput,
        response: { 200: okView },
      },
    },
    async (request) => {
      await auth.disableTotp(db, secrets, actorOf(request), request.body.code);
      return { ok: true };
    },
  );
}
