// The door of this capability: other capabilities import only what is exported here.
// Identity vigilance sits between the record (below: it writes merge items in it) and the patient
// file (above: registration and changes run the duplicate check); it needs only types of the
// patient file, so the three doors form no import cycle.
export { birthPlaces } from './birth-places.ts';
export type { DuplicateView } from './duplicate-check.ts';
export { findDuplicates, recordDifferentPersonsIn } from './duplicate-check.ts';
export type { PatientSummary } from './patient-summary.ts';
export { identityForMatching, toSummary } from './patient-summary.ts';
export { identityRoutes } from './routes.ts';
