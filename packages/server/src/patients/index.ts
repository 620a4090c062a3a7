// The door of this capability: other capabilities import only what is exported here.
// The patient file sits above identity vigilance and the record (it runs the duplicate check and
// writes in the record); they need only its types.

export type { NewPatient } from './bulk-insert.ts';
export { emptyPatient, insertPatientRows } from './bulk-insert.ts';
export { coverageRoutes } from './coverage-routes.ts';
export { loadCoverage } from './coverage-service.ts';
export { loadPatient } from './patient-service.ts';
export type { PatientIdentityRow } from './repository.ts';
export { patientsRoutes } from './routes.ts';
