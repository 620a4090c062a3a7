export * from './error-catalogue.ts';
export * from './errors/index.ts';
