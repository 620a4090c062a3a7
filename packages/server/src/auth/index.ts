// The door of this capability: other capabilities import only what is exported here.
export { hashPassword } from './passwords.ts';
export { activePractitioners, insertDemoAccount } from './repository.ts';
export { authRoutes } from './routes.ts';
export type { SecretBox } from './secret-box.ts';
export { secretBox, secretKeyBytes } from './secret-box.ts';
export type { SessionRow } from './session-cache.ts';
export { SessionCache } from './session-cache.ts';
export { sessionOfToken, touchSession } from './session-repository.ts';
export { hashToken, sessionCookie } from './session-token.ts';
export { createFirstAdmin, createOrganization, userCount } from './setup.ts';
export { setupRoutes } from './setup-routes.ts';
export { sealClearTotpSecrets, totpSecretsOfAnotherKey } from './totp-secrets.ts';
export { usersRoutes } from './users-routes.ts';
