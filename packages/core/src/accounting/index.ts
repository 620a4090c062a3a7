export * from './bank-import.ts';
export * from './chart-of-accounts.ts';
export * from './fec.ts';
export * from './form-2035.ts';
export * from './journal.ts';
export * from './responses.ts';
export * from './schemas.ts';
