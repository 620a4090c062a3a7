export * from './responses.ts';
export * from './schemas.ts';
export * from './search.ts';
