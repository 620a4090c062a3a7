export * from './login-throttle.ts';
export * from './password-policy.ts';
export * from './practitioner-account.ts';
export * from './responses.ts';
export * from './roles.ts';
export * from './schemas.ts';
