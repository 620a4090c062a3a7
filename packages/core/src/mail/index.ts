export * from './mail-register.ts';
export * from './responses.ts';
export * from './schemas.ts';
