import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * The browser's side of the defence (OWASP HTTP Headers and Content Security Policy cheat sheets).
 * The web app is Vite's build: module scripts from 'self', no inline script. Styles need
 * 'unsafe-inline': Mantine writes its CSS variables into <style> tags at run time and its style
 * props become style attributes, which no nonce or hash can allow; an injected style cannot run
 * code, the script policy is what stops cross-site scripting.
 */
const appDirectives = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  // The record shows attachments in a frame; printed bills open as blob: documents.
  frameSrc: ["'self'", 'blob:'],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

const helmetOptions = {
  contentSecurityPolicy: { useDefaults: false, directives: appDirectives },
  frameguard: { action: 'deny' as const },
  referrerPolicy: { policy: 'no-referrer' as const },
};

/** Route option of the files the web app shows in its own frame (the record's attachment viewer). */
export const shownInAppFrame = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: { ...appDirectives, frameAncestors: ["'self'"] },
  },
  frameguard: { action: 'sameorigin' as const },
};

/** Every answer gets them, the API documentation (Swagger UI runs under the same policy) included. */
export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, helmetOptions);
}
