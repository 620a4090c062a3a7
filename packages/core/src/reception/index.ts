export * from './call-log.ts';
export * from './incidents.ts';
export * from './phone-message.ts';
export * from './schemas.ts';
export * from './triage.ts';
export * from './triage-protocols.ts';
export * from './urgency.ts';
export * from './waiting-room.ts';
