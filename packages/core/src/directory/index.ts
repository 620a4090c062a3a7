import './messages.ts';

export * from './schemas.ts';
export * from './search.ts';
