export * from './login-throttle.ts';
export * from './password-policy.ts';
export * from './roles.ts';
export * from './schemas.ts';
