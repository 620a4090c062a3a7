export * from './access-request.ts';
export * from './break-glass.ts';
export * from './classification.ts';
export * from './completeness.ts';
export * from './confidentiality-level.ts';
export * from './responses.ts';
export * from './retention.ts';
export * from './schemas.ts';
