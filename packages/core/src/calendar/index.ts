export * from './calendar-date.ts';
export * from './instant-view.ts';
export * from './paris-time.ts';
