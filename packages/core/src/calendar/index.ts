export * from './calendar-date.ts';
export * from './paris-time.ts';
