import '../identity/index.ts';

export * from './age.ts';
export * from './coverage.ts';
export * from './csv-import.ts';
export * from './fhir-patient.ts';
export * from './patient.ts';
export * from './registration.ts';
export * from './responses.ts';
export * from './schemas.ts';
