import './messages.ts';

export * from './absence-notice.ts';
export * from './absences.ts';
export * from './appointment-status.ts';
export * from './appointment-type.ts';
export * from './busy-import.ts';
export * from './daily-check.ts';
export * from './holidays.ts';
export * from './ical.ts';
export * from './intervals.ts';
export * from './opening-hours.ts';
export * from './paris-time.ts';
export * from './reminders.ts';
export * from './responses.ts';
export * from './schemas.ts';
export * from './slots.ts';
export * from './waitlist.ts';
