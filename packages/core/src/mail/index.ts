export * from './mail-register.ts';
export * from './schemas.ts';
