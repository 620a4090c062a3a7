export * from './identifiers.ts';
export * from './schemas.ts';
