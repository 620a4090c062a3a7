export * from './domain-error.ts';
export * from './messages.ts';
