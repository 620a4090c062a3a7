import './messages.ts';

export * from './act-suggestion.ts';
export * from './calendar-date.ts';
export * from './cash-register.ts';
export * from './catalogue.ts';
export * from './catalogue-data.ts';
export * from './catalogue-update.ts';
export * from './claims.ts';
export * from './deposit-slip.ts';
export * from './fee-split.ts';
export * from './invoice-number.ts';
export * from './money.ts';
export * from './payments.ts';
export * from './rates-data.ts';
export * from './refunds.ts';
export * from './reports.ts';
export * from './schemas.ts';
